import { positionOf } from '../../../common/domain';
import { eq } from 'drizzle-orm';
import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { memberships, networks } from '../db/schema';
import { networkSearchDoc } from '../features/networks/networks.presenter';
import { upsertSearchDocuments } from '../features/search/search-index';
import { normalizeText } from '../lib/text';
import type { DemoKeys } from './demo-keys';

/**
 * Networks of the demo dataset (organisations and people must be loaded first): the networks with
 * their declared counts, their nesting (parentKey), the members the articles name, and search documents.
 * A member whose organisation or person was not loaded is skipped.
 */
export async function loadNetworks(tx: Tx, demo: Demo, keys: DemoKeys) {
  if (!demo.networks.length) return;
  const rows = await tx
    .insert(networks)
    .values(
      demo.networks.map((n) => ({
        name: n.name,
        nameNorm: normalizeText(n.name).toLowerCase(),
        kind: n.kind,
        districtCode: n.districtCode,
        description: n.description,
        declaredCounts: n.declaredCounts as Record<string, number>,
        demoKey: n.key,
      })),
    )
    .returning();
  for (const r of rows) keys.set('network', r.demoKey!, r.id);

  for (const n of demo.networks) {
    if (n.parentKey) await tx.update(networks).set({ parentId: keys.id('network', n.parentKey) }).where(eq(networks.id, keys.id('network', n.key)));
  }

  const members = demo.networks.flatMap((n) =>
    n.members.flatMap((m) => {
      const organizationId = m.organizationKey ? keys.maybe('organization', m.organizationKey) : null;
      const personId = m.personKey ? keys.maybe('person', m.personKey) : null;
      if (!organizationId && !personId) return [];
      // a person named with a tier in the articles takes the person role it reads as (positionOf: 成员)
      const tier = positionOf(personId ? 'person' : 'organization', m.tier);
      return [{ networkId: keys.id('network', n.key), organizationId, personId, tier, role: m.role, joinedOn: m.since }];
    }),
  );
  if (members.length) await tx.insert(memberships).values(members);

  const aliasesByKey = new Map(demo.networks.map((n) => [n.key, n.aliases ?? []]));
  await upsertSearchDocuments(
    tx,
    rows.map((r) => networkSearchDoc(r, aliasesByKey.get(r.demoKey!))),
  );
}
