/** Batched inserts of synthetic records: one `unnest($1::…[], …)` statement per table and batch. */
import { sql } from 'drizzle-orm';
import { nameNorm as norm } from '../../server/src/lib/text';
import { organizationSearchDoc as buildOrganizationSearchDoc } from '../../server/src/features/organizations/organizations.presenter';
import { personSearchDoc as buildPersonSearchDoc } from '../../server/src/features/people/people.presenter';
import type { Executor } from '../../server/src/db/client';
import type { SearchDoc } from '../../server/src/features/search/search-index';
import type { SyntheticNetwork, SyntheticMembership } from './networks';
import type { SyntheticOrganization } from './organizations';
import type { SyntheticPerson } from './people';

/** Separator of list values packed into one text (unit separator, never in names). */
const SEP = '\u001f';
const list = (xs: readonly string[]) => xs.join(SEP);
const p = (values: unknown[]) => sql.param(values);

export async function insertOrganizations(ex: Executor, orgs: SyntheticOrganization[], industryIds: Map<string, string>) {
  await ex.execute(sql`
    insert into organizations (id, name, name_norm, aliases, former_names, kind, district_code, uscc, address, size, website, description, demo_key)
    select id, name, name_norm, string_to_array(aliases, chr(31)), string_to_array(former_names, chr(31)), kind, district_code, uscc,
           address, size, website, description, demo_key
    from unnest(${p(orgs.map((o) => o.id))}::uuid[], ${p(orgs.map((o) => o.name))}::text[], ${p(orgs.map((o) => norm(o.name)))}::text[],
                ${p(orgs.map((o) => list(o.aliases)))}::text[], ${p(orgs.map((o) => list(o.formerNames)))}::text[],
                ${p(orgs.map((o) => o.kind))}::text[], ${p(orgs.map((o) => o.districtCode))}::text[], ${p(orgs.map((o) => o.uscc))}::text[],
                ${p(orgs.map((o) => o.address))}::text[], ${p(orgs.map((o) => o.size))}::text[], ${p(orgs.map((o) => o.website))}::text[],
                ${p(orgs.map((o) => o.description))}::text[], ${p(orgs.map((o) => o.key))}::text[])
      as t(id, name, name_norm, aliases, former_names, kind, district_code, uscc, address, size, website, description, demo_key)`);
  const links = orgs.flatMap((o) => o.industryKeys.map((k) => [o.id, industryIds.get(k)!] as const));
  await ex.execute(sql`
    insert into organization_industries (organization_id, industry_id)
    select * from unnest(${p(links.map((l) => l[0]))}::uuid[], ${p(links.map((l) => l[1]))}::uuid[])`);
}

export async function insertPeople(ex: Executor, people: SyntheticPerson[], industryIds: Map<string, string>) {
  await ex.execute(sql`
    insert into people (id, name, name_norm, roles, expertise, bio, phone, email, political_affiliation, political_consent, district_code, demo_key)
    select id, name, name_norm, string_to_array(roles, chr(31)), string_to_array(expertise, chr(31)), bio, phone, email,
           political_affiliation, political_consent, district_code, demo_key
    from unnest(${p(people.map((x) => x.id))}::uuid[], ${p(people.map((x) => x.name))}::text[], ${p(people.map((x) => norm(x.name)))}::text[],
                ${p(people.map((x) => list(x.roles)))}::text[], ${p(people.map((x) => list(x.expertise)))}::text[],
                ${p(people.map((x) => x.bio))}::text[], ${p(people.map((x) => x.phone))}::text[], ${p(people.map((x) => x.email))}::text[],
                ${p(people.map((x) => x.politicalAffiliation))}::text[], ${p(people.map((x) => x.politicalConsent))}::boolean[],
                ${p(people.map((x) => x.districtCode))}::text[], ${p(people.map((x) => x.key))}::text[])
      as t(id, name, name_norm, roles, expertise, bio, phone, email, political_affiliation, political_consent, district_code, demo_key)`);
  const affs = people.flatMap((x) => x.affiliations.map((a, sort) => ({ ...a, personId: x.id, sort })));
  await ex.execute(sql`
    insert into affiliations (id, person_id, organization_id, organization_name, position, start_on, is_contact, sort)
    select * from unnest(${p(affs.map((a) => a.id))}::uuid[], ${p(affs.map((a) => a.personId))}::uuid[], ${p(affs.map((a) => a.organizationId))}::uuid[],
                         ${p(affs.map((a) => a.organizationName))}::text[], ${p(affs.map((a) => a.position))}::text[],
                         ${p(affs.map((a) => a.startOn))}::date[], ${p(affs.map((a) => a.isContact))}::boolean[], ${p(affs.map((a) => a.sort))}::int[])`);
  const links = people.flatMap((x) => x.industryKeys.map((k) => [x.id, industryIds.get(k)!] as const));
  await ex.execute(sql`
    insert into person_industries (person_id, industry_id)
    select * from unnest(${p(links.map((l) => l[0]))}::uuid[], ${p(links.map((l) => l[1]))}::uuid[])`);
}

export async function insertNetworks(ex: Executor, networks: SyntheticNetwork[], ids: (index: number) => string) {
  await ex.execute(sql`
    insert into networks (id, name, name_norm, kind, parent_id, district_code, description, declared_counts, demo_key)
    select id, name, name_norm, kind, parent_id, district_code, description, declared_counts::jsonb, demo_key
    from unnest(${p(networks.map((n) => n.id))}::uuid[], ${p(networks.map((n) => n.name))}::text[], ${p(networks.map((n) => norm(n.name)))}::text[],
                ${p(networks.map((n) => n.kind))}::text[], ${p(networks.map((n) => (n.parentIndex === null ? null : ids(n.parentIndex))))}::uuid[],
                ${p(networks.map((n) => n.districtCode))}::text[], ${p(networks.map((n) => n.description))}::text[],
                ${p(networks.map((n) => JSON.stringify(n.declaredCounts)))}::text[], ${p(networks.map((n) => n.key))}::text[])
      as t(id, name, name_norm, kind, parent_id, district_code, description, declared_counts, demo_key)`);
}

export interface MembershipRow extends SyntheticMembership {
  networkId: string;
  organizationId: string | null;
  personId: string | null;
}

export async function insertMemberships(ex: Executor, rows: MembershipRow[]) {
  await ex.execute(sql`
    insert into memberships (id, network_id, organization_id, person_id, tier, role, joined_on, left_on)
    select * from unnest(${p(rows.map((m) => m.id))}::uuid[], ${p(rows.map((m) => m.networkId))}::uuid[], ${p(rows.map((m) => m.organizationId))}::uuid[],
                         ${p(rows.map((m) => m.personId))}::uuid[], ${p(rows.map((m) => m.tier))}::text[], ${p(rows.map((m) => m.role))}::text[],
                         ${p(rows.map((m) => m.joinedOn))}::date[], ${p(rows.map((m) => m.leftOn))}::date[])`);
}

/** The organisation's search document from the one builder the server's writers use. */
export function organizationSearchDoc(o: SyntheticOrganization, industryIds: Map<string, string>): SearchDoc {
  return buildOrganizationSearchDoc(o, o.industryKeys.map((k) => industryIds.get(k)!));
}

/** The person's search document from the one builder the server's writers use (its affiliations are current). */
export function personSearchDoc(x: SyntheticPerson, industryIds: Map<string, string>): SearchDoc {
  const affiliations = x.affiliations.map((a) => ({ organizationName: a.organizationName, position: a.position, endOn: null }));
  return buildPersonSearchDoc(x, affiliations, x.industryKeys.map((k) => industryIds.get(k)!));
}

export function networkSearchDoc(n: SyntheticNetwork, industryIds: Map<string, string>): SearchDoc {
  return {
    entityType: 'network',
    entityId: n.id,
    title: n.name,
    subtitle: null,
    texts: [n.description],
    districtCode: n.districtCode,
    kind: n.kind,
    industryIds: n.industryKeys.map((k) => industryIds.get(k)!),
  };
}

/**
 * Search documents as the index's own searchRow() computes them (jieba terms, pinyin keys), written by the
 * importers' statement: one builder and one insert for the form, the import and the generator.
 */
export { insertSearchRows } from '../../server/src/features/io/io-import.repository';
