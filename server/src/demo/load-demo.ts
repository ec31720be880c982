import { loadDemo } from '../../../demo/schema';
import type { Db } from '../db/client';
import { organizations } from '../db/schema';
import type { Actor } from '../lib/actor';
import { recordAudit } from '../features/audit/audit.repository';

/**
 * Load the demo dataset written from the five seed articles (demo/*.json) in one transaction.
 * This issue loads organisations; each later feature adds its part of the same files here.
 */
export async function loadDemoData(db: Db, actor: Actor) {
  const demo = loadDemo();
  return db.transaction(async (tx) => {
    const orgRows = demo.organizations.map((o) => ({
      name: o.name,
      kind: o.kind,
      districtCode: o.districtCode ?? null,
      uscc: o.uscc ?? null,
      demoKey: o.key,
    }));
    if (orgRows.length) await tx.insert(organizations).values(orgRows);
    await recordAudit(tx, actor, { action: 'load-demo', entity: 'dataset', after: { organizations: orgRows.length } });
    return { organizations: orgRows.length };
  });
}
