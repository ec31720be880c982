import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';
import { countRows, csvText, makeUscc, uploadFile } from '../../test/factories-io';
import { createErrorReportStore, ERROR_REPORT_TTL_MS } from './io-error-reports';

const t = useTestApp();
const PUDONG = '310115';
const tag = () => randomBytes(3).toString('hex');
type Candidate = { id: string | null; reason: string };

describe('one write path: the form and the import', () => {
  it('find the same duplicates for the same names (core name, Traditional, alias, credit code, near name)', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const make = async (body: Record<string, unknown>) => {
      const res = await session.send('POST', '/api/organizations', { kind: 'enterprise', districtCode: PUDONG, force: true, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const uscc = makeUscc();
    const ids = {
      probe: await make({ name: `探针控股${x}股份有限公司` }),
      pharma: await make({ name: `国药控股${x}股份有限公司` }),
      cicc: await make({ name: `中国国际金融${x}股份有限公司`, aliases: [`中金公司${x}`] }),
      coded: await make({ name: `有码单位${x}`, uscc }),
      near: await make({ name: `上海${x}张江高科技园区开发股份有限公司` }),
    };
    const probes: { name: string; uscc?: string; expect: string }[] = [
      { name: `探针控股${x}`, expect: ids.probe },
      { name: `國藥控股${x}`, expect: ids.pharma },
      { name: `中金公司${x}`, expect: ids.cicc },
      { name: `完全不同${x}`, uscc, expect: ids.coded },
      { name: `上海${x}张江高科技园区开发有限公司`, expect: ids.near },
    ];
    const check = await uploadFile(
      session,
      '/api/io/import/organizations/check',
      'probes.csv',
      Buffer.from(csvText(['名称', '类型', '统一社会信用代码'], probes.map((p) => [p.name, '企业', p.uscc ?? '']))),
    );
    expect(check.statusCode, check.body).toBe(200);
    const fromImport = (row: number) =>
      (check.json().duplicates.find((d: { row: number }) => d.row === row)?.candidates ?? []).filter((c: Candidate) => c.id).map((c: Candidate) => [c.id, c.reason]);
    for (const [i, p] of probes.entries()) {
      const form = await session.send('POST', '/api/organizations/duplicates', { name: p.name, uscc: p.uscc });
      const fromForm = form.json().candidates.map((c: Candidate) => [c.id, c.reason]);
      expect(fromForm.map((c: string[]) => c[0]), p.name).toContain(p.expect);
      // the same records, for the same reasons, whichever path asks
      expect(fromImport(i + 2).sort(), p.name).toEqual(fromForm.sort());
    }
  });
});

describe('re-importing', () => {
  it('an export adds nothing: exact matches are skipped, or update their record when asked', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    for (const [i, name] of [`重导单位甲${x}`, `重导单位乙${x}`, `重导单位丙${x}`].entries()) {
      const res = await session.send('POST', '/api/organizations', { name, kind: 'enterprise', districtCode: PUDONG, uscc: i === 0 ? makeUscc() : undefined, force: true });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mine = sql`name like ${`%${x}`}`;
    const exported = await session.get(`/api/io/export/organizations.csv?q=${x}`);
    expect(exported.statusCode).toBe(200);
    const file = exported.rawPayload;

    const check = await uploadFile(session, '/api/io/import/organizations/check', 'export.csv', file);
    expect(check.json()).toMatchObject({ total: 3, matched: 3 });

    const again = await uploadFile(session, '/api/io/import/organizations?mode=valid', 'export.csv', file);
    expect(again.json()).toMatchObject({ imported: 0, skipped: 3, updated: 0, total: 3 });
    expect(await countRows(t.app, 'organizations', mine)).toBe(3);

    // the same names with a new address, existing=update: written into the records, still three
    const text = `名称,类型,地址\r\n重导单位甲${x},企业,新地址一号\r\n重导单位乙${x},企业,新地址二号\r\n`;
    const update = await uploadFile(session, '/api/io/import/organizations?mode=valid&existing=update', 'update.csv', Buffer.from(text));
    expect(update.json()).toMatchObject({ imported: 0, skipped: 0, updated: 2 });
    expect(await countRows(t.app, 'organizations', mine)).toBe(3);
    expect(await countRows(t.app, 'organizations', sql`name = ${`重导单位甲${x}`} and address = '新地址一号'`)).toBe(1);
    // and its search document was rebuilt by the one builder: the new address is findable
    const found = await session.get(`/api/search?q=${encodeURIComponent('新地址一号')}`);
    expect(JSON.stringify(found.json())).toContain(`重导单位甲${x}`);
  });
});

describe('import error reports', () => {
  it('are kept in the database: another process serves them, only to the importer, for 7 days', async () => {
    const { session, user } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const res = await uploadFile(session, '/api/io/import/organizations?mode=valid', 'bad.csv', Buffer.from(`名称,类型\r\n好单位${x},企业\r\n坏单位${x},不存在的类型\r\n`));
    const token = res.json().errorReportToken as string;
    expect(token).toMatch(/^[\w-]{16,}$/);
    expect((await session.get(`/api/io/error-report/${token}`)).statusCode).toBe(200);

    // a second store on the same database (another process, or this one after a restart) finds it
    const db = t.app.services.db;
    const other = createErrorReportStore({ db });
    expect((await other.get(user.id, token))?.rows.map((r) => r.row)).toEqual([3]);
    expect(await other.get(null, token)).toBeUndefined();
    const { session: stranger } = await loginAs(t.app, { role: 'admin' });
    expect((await stranger.get(`/api/io/error-report/${token}`)).statusCode).toBe(404);

    // eight days later it is gone (purged when one is read)
    const later = createErrorReportStore({ db, now: () => Date.now() + ERROR_REPORT_TTL_MS + 86_400_000 });
    expect(await later.get(user.id, token)).toBeUndefined();
    expect((await session.get(`/api/io/error-report/${token}`)).statusCode).toBe(404);
  });
});
