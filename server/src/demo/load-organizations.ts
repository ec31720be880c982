import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { organizationIndustries, organizations } from '../db/schema';
import { organizationSearchDoc } from '../features/organizations/organizations.presenter';
import { nameNorm } from '../features/organizations/organizations.repository';
import { upsertSearchDocuments } from '../features/search/search-index';
import type { DemoKeys } from './demo-keys';

/**
 * Organisations of the demo dataset with their aliases, industries (loaded first; a key that was not
 * loaded is skipped) and search documents, each kind of row in one statement.
 */
export async function loadOrganizations(tx: Tx, demo: Demo, keys: DemoKeys) {
  if (!demo.organizations.length) return;
  const rows = await tx
    .insert(organizations)
    .values(
      demo.organizations.map((o) => ({
        name: o.name,
        nameNorm: nameNorm(o.name),
        aliases: o.aliases,
        // the demo schema has no former names yet; take them when a file carries them
        formerNames: (o as { formerNames?: string[] }).formerNames ?? [],
        kind: o.kind,
        districtCode: o.districtCode ?? null,
        uscc: o.uscc ?? null,
        address: o.address ?? null,
        description: o.description,
        demoKey: o.key,
      })),
    )
    .returning();
  const byKey = new Map(rows.map((r) => [r.demoKey!, r]));
  for (const r of rows) keys.set('organization', r.demoKey!, r.id);

  const industryIds = new Map<string, string[]>();
  for (const o of demo.organizations) {
    const ids = [...new Set(o.industries.map((k) => keys.maybe('industry', k)).filter((id): id is string => id !== null))];
    industryIds.set(o.key, ids);
  }
  const links = demo.organizations.flatMap((o) => industryIds.get(o.key)!.map((industryId) => ({ organizationId: byKey.get(o.key)!.id, industryId })));
  if (links.length) await tx.insert(organizationIndustries).values(links).onConflictDoNothing();

  await upsertSearchDocuments(
    tx,
    demo.organizations.map((o) => organizationSearchDoc(byKey.get(o.key)!, industryIds.get(o.key)!)),
  );
}
