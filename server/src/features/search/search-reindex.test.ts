import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reindex } from '../../cli';
import { openDatabase } from '../../db/client';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeNetwork, makePerson } from '../../test/factories';
import { networkSearchDoc } from '../networks/networks.presenter';
import { upsertSearchDocuments } from './search-index';
import { documentAliases, reindexAll, type ReindexProgress } from './search-reindex';

const t = useTestApp();
const tag = () => randomBytes(3).toString('hex');
const COLUMNS = sql.raw(`entity_type, entity_id::text as entity_id, title, subtitle, body, district_code, kind, industry_ids::text as industry_ids,
  tokens::text as tokens, title_norm, pinyin_full, pinyin_initials, boost`);
type Doc = Record<string, unknown>;
const doc = async (entityId: string): Promise<Doc> =>
  ((await t.database.db.execute(sql`select ${COLUMNS} from search_documents where entity_id = ${entityId}`)) as unknown as { rows: Doc[] }).rows[0];
/** what an old builder left: no pinyin keys of the words inside the name, no kind */
const makeOld = (entityId: string) =>
  t.database.db.execute(sql`update search_documents set tokens = to_tsvector('simple', title), kind = null, pinyin_full = '' where entity_id = ${entityId}`);

describe('reindex: every search document rebuilt by the one builder', () => {
  it('gives old documents exactly what a create builds, batch by batch with progress, keeping the aliases only a document holds', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const res = await session.send('POST', '/api/organizations', {
      name: `上海金桥${x}集团有限公司`,
      kind: 'enterprise',
      districtCode: '310115',
      aliases: [`金桥${x}`],
      force: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const orgId = res.json().id as string;
    const person = await makePerson(t.app, { name: `张兆${x}` });
    const network = await makeNetwork(t.app, { name: `浦东${x}产业联盟` });
    // demo networks have aliases kept only in their document
    await upsertSearchDocuments(t.database.db, [networkSearchDoc(network, [`浦东${x}联盟`])]);
    const built = { org: await doc(orgId), person: await doc(person.id), network: await doc(network.id) };
    expect(built.org.tokens).toContain('jinqiao'); // a pinyin key of a word inside the name

    for (const id of [orgId, person.id, network.id]) await makeOld(id);
    expect((await doc(orgId)).tokens).not.toContain('jinqiao');

    const progress: ReindexProgress[] = [];
    const counts = await reindexAll(t.database.db, { batchSize: 2, onProgress: (p) => progress.push(p) });
    expect(await doc(orgId)).toEqual(built.org);
    expect(await doc(person.id)).toEqual(built.person);
    expect(await doc(network.id)).toEqual(built.network);
    expect(String(built.network.body)).toContain(`别名：浦东${x}联盟`);
    // batches of two, each reported, ending at the table's count
    const orgSteps = progress.filter((p) => p.entityType === 'organization');
    expect(orgSteps.length).toBe(Math.ceil(counts.organization / 2));
    expect(orgSteps.at(-1)).toEqual({ entityType: 'organization', done: counts.organization, total: counts.organization });
    expect(orgSteps.map((p) => p.done)).toEqual(orgSteps.map((_, i) => Math.min(counts.organization, 2 * (i + 1))));
  });

  it('reads the aliases back from a document body', () => {
    expect(documentAliases('联盟', '联盟 别名：甲、乙 曾用名：丙 简介')).toEqual(['甲', '乙']);
    expect(documentAliases('联盟', '联盟 简介')).toEqual([]);
    expect(documentAliases('联盟', undefined)).toEqual([]);
  });

  it('`tongxin reindex` rebuilds an embedded database on disk and says how far it got', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-reindex-'));
    try {
      const dataDir = path.join(dir, 'pgdata');
      const first = await openDatabase({ dataDir });
      const x = tag();
      await first.db.execute(sql`insert into organizations (name, name_norm, kind) values (${`上海张江${x}科技有限公司`}, ${`上海张江${x}科技有限公司`}, 'enterprise')`);
      await first.close();
      const lines: string[] = [];
      const counts = await reindex({ dataDir, batchSize: 10, log: (l) => lines.push(l) });
      expect(counts.organization).toBe(1);
      expect(lines.some((l) => l.includes('organization: 1/1'))).toBe(true);
      expect(lines.at(-1)).toMatch(/reindexed 1 search documents/);
      const again = await openDatabase({ dataDir });
      try {
        const rows = ((await again.db.execute(sql`select tokens::text as tokens from search_documents where entity_type = 'organization'`)) as unknown as {
          rows: { tokens: string }[];
        }).rows;
        expect(rows).toHaveLength(1);
        expect(rows[0].tokens).toContain('zhangjiang');
      } finally {
        await again.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // two embedded databases on disk (created, migrated, opened again): slow on a busy machine
});
