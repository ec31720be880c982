import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { organizations } from '../db/schema';
import type { DemoKeys } from './demo-keys';

/** Organisations of the demo dataset (industries must be loaded first). */
export async function loadOrganizations(tx: Tx, demo: Demo, keys: DemoKeys) {
  if (!demo.organizations.length) return;
  const rows = await tx
    .insert(organizations)
    .values(demo.organizations.map((o) => ({ name: o.name, kind: o.kind, districtCode: o.districtCode ?? null, uscc: o.uscc ?? null, demoKey: o.key })))
    .returning({ id: organizations.id, demoKey: organizations.demoKey });
  for (const r of rows) keys.set('organization', r.demoKey!, r.id);
}
