import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { affiliations, organizations, people, personIndustries } from '../db/schema';
import { nameNorm } from '../features/organizations/organizations.repository';
import { personSearchDoc } from '../features/people/people.presenter';
import { upsertSearchDocuments } from '../features/search/search-index';
import { inArray } from 'drizzle-orm';
import type { DemoKeys } from './demo-keys';

/**
 * People of the demo dataset with their affiliations (organisations loaded first), industries and
 * search documents. Their political affiliations are public titles printed in the news reports, so
 * they are stored with consent. A person's district is that of their first affiliated organisation
 * that has one.
 */
export async function loadPeople(tx: Tx, demo: Demo, keys: DemoKeys) {
  if (!demo.people.length) return;
  const orgIds = demo.people.flatMap((p) => p.affiliations.map((a) => keys.maybe('organization', a.organizationKey))).filter((id): id is string => id !== null);
  const districtOf = new Map(
    orgIds.length
      ? (await tx.select({ id: organizations.id, districtCode: organizations.districtCode }).from(organizations).where(inArray(organizations.id, [...new Set(orgIds)]))).map(
          (o) => [o.id, o.districtCode],
        )
      : [],
  );
  const orgOf = (key: string | null) => keys.maybe('organization', key);

  const rows = await tx
    .insert(people)
    .values(
      demo.people.map((p) => ({
        name: p.name,
        nameNorm: nameNorm(p.name),
        roles: p.roles,
        expertise: p.expertise,
        politicalAffiliation: p.politicalAffiliation,
        politicalConsent: p.politicalAffiliation !== null,
        districtCode: p.affiliations.map((a) => districtOf.get(orgOf(a.organizationKey) ?? '')).find((d) => !!d) ?? null,
        demoKey: p.key,
      })),
    )
    .returning();
  const byKey = new Map(rows.map((r) => [r.demoKey!, r]));
  for (const r of rows) keys.set('person', r.demoKey!, r.id);

  const affRows = demo.people.flatMap((p) =>
    p.affiliations.map((a, sort) => ({
      personId: byKey.get(p.key)!.id,
      organizationId: orgOf(a.organizationKey),
      organizationName: a.organizationName,
      position: a.position,
      sort,
    })),
  );
  if (affRows.length) await tx.insert(affiliations).values(affRows);

  const industryIds = new Map(
    demo.people.map((p) => [p.key, [...new Set((p.industries ?? []).map((k) => keys.maybe('industry', k)).filter((id): id is string => id !== null))]]),
  );
  const links = demo.people.flatMap((p) => industryIds.get(p.key)!.map((industryId) => ({ personId: byKey.get(p.key)!.id, industryId })));
  if (links.length) await tx.insert(personIndustries).values(links).onConflictDoNothing();

  await upsertSearchDocuments(
    tx,
    demo.people.map((p) => personSearchDoc(byKey.get(p.key)!, p.affiliations.map((a) => ({ ...a, endOn: null })), industryIds.get(p.key)!)),
  );
}
