import { sql } from 'drizzle-orm';
import type { PersonDuplicateCandidate } from '../../../../common/schemas/people';
import { normalizePhone } from '../../../../common/schemas/people';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { nameNorm } from '../organizations/organizations.repository';
import { maskEmail, maskPhone, titlesOf } from './people.presenter';
import { affiliationsOfPeople, personVisibility } from './people.repository';

export interface PersonDuplicateQuery {
  name: string;
  /** organisations the person works at (the form: linked records) */
  organizationIds?: string[];
  /** organisations as written (the import's 单位 cell; the form's unlinked names): matched by normalized name */
  organizationNames?: string[];
  phone?: string | null;
  /** only used by the exact match (see isExactMatch) */
  email?: string | null;
  /** a phone or e-mail as a masked export wrote it (139****5678, z***@example.com): only used by the exact match */
  maskedPhone?: string | null;
  maskedEmail?: string | null;
  excludeId?: string;
}

/** What one existing person has in common with one probe. */
export interface PersonHit {
  id: string;
  name: string;
  districtCode: string | null;
  phone: string | null;
  email: string | null;
  nameHit: boolean;
  phoneHit: boolean;
  emailHit: boolean;
  /** works or worked at one of the probe's organisations */
  orgHit: boolean;
  /** works there now (no end date, or one not passed) */
  currentOrgHit: boolean;
  /** both have a phone and they differ */
  phoneConflict: boolean;
  /** the person has no phone, no e-mail and no affiliation */
  bare: boolean;
}

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}`;
const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x !== ''))];

/**
 * The one person-matching query: for every probe, the people within the actor's scope (the read rule of
 * lib/visibility.ts) with the same normalized name or the same phone, and what else they share. ONE
 * statement for all probes: name_norm and phone are looked up with `= any(array)`, matched to their probes
 * by hash joins, the organisations compared per hit. The form (one probe) and the import check and the
 * import (a whole chunk) all come through here.
 */
async function personHits(ex: Executor, actor: Actor, queries: PersonDuplicateQuery[]): Promise<PersonHit[][]> {
  const out: PersonHit[][] = queries.map(() => []);
  const keys: number[] = [];
  const norms: (string | null)[] = [];
  const phones: (string | null)[] = [];
  const emails: (string | null)[] = [];
  const excludes: (string | null)[] = [];
  const orgKeys: number[] = [];
  const orgIds: (string | null)[] = [];
  const orgNorms: (string | null)[] = [];
  const orgNames: (string | null)[] = [];
  queries.forEach((q, k) => {
    const norm = nameNorm(q.name);
    const phone = q.phone ? normalizePhone(q.phone) : '';
    if (!norm && !phone) return;
    keys.push(k);
    norms.push(norm || null);
    phones.push(phone || null);
    emails.push(q.email?.trim().toLowerCase() || null);
    excludes.push(q.excludeId ?? null);
    for (const id of new Set(q.organizationIds ?? [])) {
      orgKeys.push(k);
      orgIds.push(id);
      orgNorms.push(null);
      orgNames.push(null);
    }
    for (const n of uniq((q.organizationNames ?? []).map((x) => x.trim()))) {
      orgKeys.push(k);
      orgIds.push(null);
      orgNorms.push(nameNorm(n));
      orgNames.push(n);
    }
  });
  if (!keys.length) return out;
  const visible = personVisibility(actor);
  const text = (xs: (string | null)[]) => arr(uniq(xs.filter((x): x is string => !!x)), 'text[]');
  // an affiliation matches a probe's organisation by record, by the record's normalized name, or by the name as written
  const orgMatch = (current: boolean) => sql`exists (
    select 1 from affiliations a left join organizations org on org.id = a.organization_id join o on o.k = p.k
    where a.person_id = c.id ${current ? sql`and (a.end_on is null or a.end_on >= current_date)` : sql``}
      and (a.organization_id = o.org_id or org.name_norm = o.org_norm
        or a.organization_name = o.org_name))`;
  const res = await ex.execute(sql`
    with p as (select * from unnest(${arr(keys, 'int[]')}, ${arr(norms, 'text[]')}, ${arr(phones, 'text[]')},
        ${arr(emails, 'text[]')}, ${arr(excludes, 'uuid[]')}) as p(k, norm, phone, email, exclude)),
      o as (select * from unnest(${arr(orgKeys, 'int[]')}, ${arr(orgIds, 'uuid[]')}, ${arr(orgNorms, 'text[]')},
        ${arr(orgNames, 'text[]')}) as o(k, org_id, org_norm, org_name)),
      c as materialized (
        select people.id, people.name, people.name_norm, people.phone, people.email, people.district_code from people
        where (people.name_norm = any(${text(norms)}) or people.phone = any(${text(phones)}))
          ${visible ? sql`and ${visible}` : sql``})
    select p.k, c.id, c.name, c.district_code, c.phone, c.email,
      coalesce(c.name_norm = p.norm, false) as name_hit,
      coalesce(c.phone = p.phone, false) as phone_hit,
      coalesce(lower(c.email) = p.email, false) as email_hit,
      coalesce(c.phone <> p.phone, false) as phone_conflict,
      (c.phone is null and c.email is null and not exists (select 1 from affiliations a where a.person_id = c.id)) as bare,
      ${orgMatch(false)} as org_hit,
      ${orgMatch(true)} as current_org_hit
    from p join c on c.name_norm = p.norm or c.phone = p.phone
    where p.exclude is null or c.id <> p.exclude`);
  for (const r of (
    res as unknown as {
      rows: {
        k: number;
        id: string;
        name: string;
        district_code: string | null;
        phone: string | null;
        email: string | null;
        name_hit: boolean;
        phone_hit: boolean;
        email_hit: boolean;
        phone_conflict: boolean;
        bare: boolean;
        org_hit: boolean;
        current_org_hit: boolean;
      }[];
    }
  ).rows) {
    out[r.k].push({
      id: r.id,
      name: r.name,
      districtCode: r.district_code,
      phone: r.phone,
      email: r.email,
      nameHit: r.name_hit,
      phoneHit: r.phone_hit,
      emailHit: r.email_hit,
      orgHit: r.org_hit,
      currentOrgHit: r.current_org_hit,
      phoneConflict: r.phone_conflict,
      bare: r.bare,
    });
  }
  return out;
}

export type PersonCandidate = PersonDuplicateCandidate & { districtCode: string | null };

/**
 * The one duplicate finder for people: the form (one probe), the import check and the import (a chunk)
 * call it. For each probe, the people (within the actor's scope) it may duplicate, best first: the same
 * normalized name at one of the same organisations, by record or by name (1), the same phone (0.9), or
 * only the same name (0.5: common Chinese names are shared by many people, so a bare name match never
 * blocks a creation). One statement for all probes (see personHits).
 */
export async function findPersonDuplicatesBatch(ex: Executor, actor: Actor, queries: PersonDuplicateQuery[], limit = 10): Promise<PersonCandidate[][]> {
  const hits = await personHits(ex, actor, queries);
  const affiliations = await affiliationsOfPeople(ex, [...new Set(hits.flat().map((h) => h.id))]);
  return hits.map((list) =>
    list
      .map((r): PersonCandidate => {
        const [reason, score]: [PersonDuplicateCandidate['reason'], number] =
          r.nameHit && r.orgHit ? ['name+organization', 1] : r.phoneHit ? ['phone', 0.9] : ['name', 0.5];
        return { id: r.id, name: r.name, titles: titlesOf(affiliations.get(r.id) ?? []), reason, score, districtCode: r.districtCode };
      })
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
      .slice(0, limit),
  );
}

/** The candidates of one person (the form): the batch finder with one probe. */
export async function findPersonDuplicates(ex: Executor, actor: Actor, q: PersonDuplicateQuery, limit = 10): Promise<PersonDuplicateCandidate[]> {
  return (await findPersonDuplicatesBatch(ex, actor, [q], limit))[0].map(({ districtCode: _, ...c }) => c);
}

/** Candidates strong enough to stop a creation (unless forced). */
export const blocksCreation = (c: PersonDuplicateCandidate) => c.reason !== 'name';

/**
 * Whether an existing person IS the probe (re-import of an export, a second upload of one file), the one
 * rule for people. Namesakes are common among Chinese names, so the name alone never decides: the same
 * normalized name AND one more thing that identifies a person — the same phone, the same e-mail (also as
 * a masked export wrote them: 139****5678 is the person whose phone masks to that), or the same current
 * organisation (by record or name) while their phones do not contradict each other (both present and
 * different means two namesakes at one organisation). A row with no phone, e-mail or organisation is
 * only the same person as a namesake who has none of those either (a bare record re-imports onto itself).
 */
export function isExactMatch(q: PersonDuplicateQuery, h: PersonHit): boolean {
  if (!h.nameHit) return false;
  if (h.phoneHit || h.emailHit) return true;
  const maskedPhoneHit = !!q.maskedPhone && !!h.phone && maskPhone(h.phone) === q.maskedPhone;
  const maskedEmailHit = !!q.maskedEmail && !!h.email && maskEmail(h.email.toLowerCase()) === q.maskedEmail.toLowerCase();
  if (maskedPhoneHit || maskedEmailHit) return true;
  const phoneConflict = h.phoneConflict || (!!q.maskedPhone && !!h.phone && !maskedPhoneHit);
  if (h.currentOrgHit && !phoneConflict) return true;
  const given = [q.phone, q.email, q.maskedPhone, q.maskedEmail, ...(q.organizationIds ?? []), ...(q.organizationNames ?? [])];
  return h.bare && given.every((v) => !v || !v.trim());
}

/**
 * The existing person each probe is exactly (isExactMatch), within the actor's scope; when several are,
 * the first by id (stable). One statement for the batch.
 */
export async function peopleMatchingExactly(ex: Executor, actor: Actor, queries: PersonDuplicateQuery[]): Promise<(string | undefined)[]> {
  const hits = await personHits(ex, actor, queries);
  return hits.map((list, i) =>
    list
      .filter((h) => isExactMatch(queries[i], h))
      .map((h) => h.id)
      .sort()[0],
  );
}
