import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makePerson } from '../../test/factories';
import { readXlsxWithJszip } from '../../test/files';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
const tag = () => randomBytes(3).toString('hex');

describe('exports', () => {
  it('writes an XLSX another library reads back: Chinese intact, phones masked, formulas escaped', async () => {
    const x = tag();
    await makeOrganization(t.app, { name: `上海浦东${x}发展银行`, kind: 'bank', districtCode: PUDONG });
    await makeOrganization(t.app, { name: `=1+1${x}`, districtCode: PUDONG });
    await makePerson(t.app, { name: `陈${x}`, districtCode: PUDONG, phone: '13812345678', email: 'chen@example.com' });
    const { session } = await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] });

    const orgs = await session.get(`/api/io/export/organizations.xlsx?q=${x}`);
    expect(orgs.statusCode).toBe(200);
    expect(orgs.headers['content-type']).toContain('spreadsheetml');
    expect(orgs.headers['content-disposition']).toMatch(/^attachment; filename="organizations-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    const book = await readXlsxWithJszip(orgs.rawPayload);
    expect(book.rows.get(1)).toMatchObject({ A: '名称', B: '类型', C: '所在区', D: '统一社会信用代码' });
    const names = [...book.rows.entries()].filter(([n]) => n > 1).map(([, r]) => r.A);
    expect(names).toEqual([`'=1+1${x}`, `上海浦东${x}发展银行`]);
    const bank = [...book.rows.values()].find((r) => r.A === `上海浦东${x}发展银行`)!;
    expect(bank).toMatchObject({ B: '银行', C: '浦东新区' });

    // people are exported by the roles that keep them (docs/ACCESS.md), masked unless asked
    expect((await session.get(`/api/io/export/people.xlsx?q=${x}`)).statusCode).toBe(403);
    const coordinator = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const ppl = await readXlsxWithJszip((await coordinator.get(`/api/io/export/people.xlsx?q=${x}`)).rawPayload);
    expect(ppl.rows.get(1)).toMatchObject({ A: '姓名', F: '手机', G: '邮箱' });
    expect(ppl.rows.get(1)!.I).toBeUndefined(); // no 政治面貌 column without the permission
    expect(ppl.rows.get(2)).toMatchObject({ A: `陈${x}`, B: '专家', E: '浦东新区', F: '138****5678', G: 'c***@example.com' });
  });

  it('writes a CSV with a BOM, masked and escaped like the XLSX', async () => {
    const x = tag();
    await makePerson(t.app, { name: `-陈${x}`, districtCode: PUDONG, phone: '13912345678' });
    const { session } = await loginAs(t.app, { role: 'admin' });
    const res = await session.get(`/api/io/export/people.csv?q=${x}`);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('姓名,角色,单位,职务,所在区,手机,邮箱,专长');
    expect(lines[1]).toBe(`'-陈${x},专家,,,浦东新区,139****5678,,`);
  });

  it('follows the actor’s scope: a coordinator of 浦东新区 gets no 金山区 rows', async () => {
    const x = tag();
    await makeOrganization(t.app, { name: `浦东单位${x}`, districtCode: PUDONG });
    await makeOrganization(t.app, { name: `金山单位${x}`, districtCode: JINSHAN });
    await makePerson(t.app, { name: `金山人${x}`, districtCode: JINSHAN });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const all = await readXlsxWithJszip((await session.get('/api/io/export/organizations.xlsx')).rawPayload);
    const rows = [...all.rows.entries()].filter(([n]) => n > 1).map(([, r]) => r);
    expect(rows.map((r) => r.A)).toContain(`浦东单位${x}`);
    expect(rows.every((r) => r.C === '浦东新区')).toBe(true);
    const jinshan = await session.get(`/api/io/export/organizations.csv?districtCode=${JINSHAN}`);
    expect(jinshan.body.trim().split('\r\n')).toHaveLength(1); // the header only
    expect((await session.get(`/api/io/export/people.csv?q=${x}`)).body).not.toContain('金山人');
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    expect((await admin.get(`/api/io/export/organizations.csv?q=${x}`)).body).toContain(`金山单位${x}`);
  });

  it('exports clear phone numbers only on request of an admin or coordinator, and audits every export', async () => {
    const x = tag();
    await makePerson(t.app, { name: `周${x}`, districtCode: PUDONG, phone: '13700001111', email: 'zhou@example.com' });
    const { session, user } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const res = await session.get(`/api/io/export/people.csv?q=${x}&unmasked=1`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('13700001111');
    expect(res.body).toContain('zhou@example.com');
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const audit = await admin.get(`/api/audit?action=export&actor=${user.username}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'export', entity: 'person', after: { format: 'csv', count: 1, unmasked: true, filter: { q: x } } });

    await session.get(`/api/io/export/people.xlsx?q=${x}`);
    expect((await admin.get(`/api/audit?action=export&actor=${user.username}`)).json().total).toBe(2);
    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await viewer.get(`/api/io/export/people.csv?q=${x}&unmasked=1`)).statusCode).toBe(403);
  });

  it('adds political affiliation only for an actor with the political permission, and only with consent', async () => {
    const x = tag();
    await makePerson(t.app, { name: `吴${x}`, districtCode: PUDONG, politicalAffiliation: '九三学社', politicalConsent: true });
    await makePerson(t.app, { name: `郑${x}`, districtCode: PUDONG, politicalAffiliation: '民盟', politicalConsent: false });
    const { session, user } = await loginAs(t.app, { role: 'admin' });
    expect((await session.get(`/api/io/export/people.csv?q=${x}`)).body).not.toContain('九三学社');
    await t.app.services.db.execute(sql`update ${users} set permissions = '{political}' where id = ${user.id}`);
    const csv = (await session.get(`/api/io/export/people.csv?q=${x}`)).body;
    expect(csv.split('\r\n')[0]).toContain('政治面貌');
    expect(csv).toContain('九三学社');
    expect(csv).not.toContain('民盟');
  });

  it('exports memberships with their network, member and tier in Chinese', async () => {
    const x = tag();
    const org = await makeOrganization(t.app, { name: `链主${x}`, districtCode: PUDONG });
    const [network] = (
      await t.app.services.db.execute(
        sql`insert into networks (name, name_norm, kind, district_code) values (${`车联盟${x}`}, ${`车联盟${x}`}, 'alliance', ${PUDONG}) returning id`,
      )
    ).rows as { id: string }[];
    await t.app.services.db.execute(
      sql`insert into memberships (network_id, organization_id, tier, joined_on) values (${network.id}, ${org.id}, 'chain_leader', '2023-05-01')`,
    );
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const csv = (await session.get(`/api/io/export/memberships.csv?networkId=${network.id}`)).body.trim().split('\r\n');
    expect(csv).toEqual(['网络名称,成员类型,成员名称,层级,角色,加入日期,退出日期', `车联盟${x},单位,链主${x},链长,,2023-05-01,`]);
  });
});
