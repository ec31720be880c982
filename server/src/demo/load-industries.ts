import { eq } from 'drizzle-orm';
import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { industries, industryLinks } from '../db/schema';
import type { DemoKeys } from './demo-keys';

/** Industries of the demo dataset: the taxonomy (parentKey) and the chain links (upstreamOf). */
export async function loadIndustries(tx: Tx, demo: Demo, keys: DemoKeys) {
  if (!demo.industries.length) return;
  const rows = await tx
    .insert(industries)
    .values(demo.industries.map((i, sort) => ({ name: i.name, sort, demoKey: i.key })))
    .returning({ id: industries.id, demoKey: industries.demoKey });
  for (const r of rows) keys.set('industry', r.demoKey!, r.id);

  for (const i of demo.industries) {
    if (i.parentKey) await tx.update(industries).set({ parentId: keys.id('industry', i.parentKey) }).where(eq(industries.id, keys.id('industry', i.key)));
  }
  const links = demo.industries.flatMap((i) =>
    i.upstreamOf.map((down) => ({ upstreamId: keys.id('industry', i.key), downstreamId: keys.id('industry', down) })),
  );
  if (links.length) await tx.insert(industryLinks).values(links).onConflictDoNothing();
}
