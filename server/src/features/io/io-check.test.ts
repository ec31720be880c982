import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, countRows, makeNetwork, makeUscc } from '../../test/factories';
import { csvText, uploadFile, xlsxFile } from '../../test/files';

const t = useTestApp();
const PUDONG = '310115';
const tag = () => randomBytes(3).toString('hex');

describe('checking an upload for likely duplicates', () => {
  it('finds a near name, an alias and a credit code in the directory and repeats inside the file, writing nothing', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const uscc = makeUscc();
    const near = await makeOrganization(t.app, { name: `上海${x}张江高科技园区开发股份有限公司` });
    const coded = await makeOrganization(t.app, { name: `有码单位${x}`, uscc });
    const aliased = await makeOrganization(t.app, { name: `上海${x}交通大学`, aliases: [`上交${x}`] });

    const rows = [
      [`上海${x}张江高科技园区开发有限公司`, '企业', ''],
      [`新单位${x}`, '企业', uscc],
      [`上交${x}`, '高校', ''],
      [`重复单位${x}`, '企业', ''],
      [`重复单位${x}`, '企业', ''],
    ];
    const before = await countRows(t.app, 'organizations');
    const res = await uploadFile(session, '/api/io/import/organizations/check', 'check.csv', Buffer.from(csvText(['名称', '类型', '统一社会信用代码'], rows)));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // row 3 has the credit code of a record the admin sees: it IS that record (skipped or updated on import)
    expect(body).toMatchObject({ total: 5, valid: 4, matched: 1 });
    const at = (row: number) => body.duplicates.find((d: { row: number }) => d.row === row)?.candidates ?? [];
    // 开发有限公司 vs 开发股份有限公司: the same core name (the form's rule, now the import's too)
    expect(at(2)).toContainEqual(expect.objectContaining({ id: near.id, reason: 'name', score: 0.9 }));
    expect(at(3)).toContainEqual(expect.objectContaining({ id: coded.id, reason: 'uscc', score: 1 }));
    expect(at(4)).toContainEqual(expect.objectContaining({ id: aliased.id, reason: 'alias' }));
    expect(at(6)).toContainEqual(expect.objectContaining({ id: null, row: 5, reason: 'name' }));
    expect(body.errors).toContainEqual({ row: 6, column: '名称', message: '与第5行的名称重复' });
    expect(await countRows(t.app, 'organizations')).toBe(before);
  });
});

describe('importing people and memberships', () => {
  it('imports people, linking 单位 to the organisation of that name and validating phone and e-mail', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const x = tag();
    const org = await makeOrganization(t.app, { name: `人员单位${x}` });
    const header = ['姓名*', '角色', '单位', '职务', '所在区', '手机', '邮箱', '专长'];
    const rows = [
      [`张${x}`, '专家、导师', org.name, '总工程师', '浦东新区', '138 0013 8000', 'Zhang@Example.com', '芯片设计；EDA'],
      [`李${x}`, '顾问', `不存在的单位${x}`, '', '浦东', '12345', 'not-an-email', ''],
      [`王${x}`, '工作人员', `不存在的单位${x}`, '主任', '浦东', '021-62345678', '', ''],
    ];
    const res = await uploadFile(session, '/api/io/import/people?mode=valid', 'people.xlsx', await xlsxFile(header, rows, '人员'));
    expect(res.json(), JSON.stringify(res.json().errors)).toMatchObject({ imported: 2, total: 3 });
    expect(res.json().errors).toEqual([
      { row: 3, column: '角色', message: expect.stringContaining('“顾问”不是允许的值') },
      { row: 3, column: '手机', message: expect.stringContaining('格式不正确') },
      { row: 3, column: '邮箱', message: '电子邮箱格式不正确' },
    ]);
    const people = (
      await t.app.services.db.execute(sql`
        select p.name, p.roles, p.phone, p.email, p.expertise, a.organization_id, a.organization_name, a.position
        from people p join affiliations a on a.person_id = p.id where p.name like ${`%${x}`} order by p.phone desc`)
    ).rows;
    expect(people).toEqual([
      {
        name: `张${x}`,
        roles: ['expert', 'mentor'],
        phone: '13800138000',
        email: 'zhang@example.com',
        expertise: ['芯片设计', 'EDA'],
        organization_id: org.id,
        organization_name: org.name,
        position: '总工程师',
      },
      {
        name: `王${x}`,
        roles: ['staff'],
        phone: '021-62345678',
        email: null,
        expertise: [],
        organization_id: null,
        organization_name: `不存在的单位${x}`,
        position: '主任',
      },
    ]);
  });

  it('imports memberships by network and member name, refusing unknown members and current members', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const network = await makeNetwork(t.app, { name: `产业联盟${x}` });
    const a = await makeOrganization(t.app, { name: `成员甲${x}` });
    const b = await makeOrganization(t.app, { name: `成员乙${x}` });
    await t.app.services.db.execute(sql`insert into memberships (network_id, organization_id, tier) values (${network.id}, ${b.id}, 'member')`);
    const header = ['网络名称', '成员类型', '成员名称', '层级', '角色', '加入日期'];
    const rows = [
      [network.name, '单位', a.name, '发起单位', '理事长单位', new Date(Date.UTC(2024, 0, 15))],
      [network.name, '单位', b.name, '成员单位', '', ''],
      [network.name, '单位', `不存在${x}`, '链长', '', ''],
      [`不存在的联盟${x}`, '个人', '某人', '会员', '', '2024-13-01'],
    ];
    const res = await uploadFile(session, '/api/io/import/memberships?mode=valid', 'members.xlsx', await xlsxFile(header, rows, '网络成员'));
    expect(res.json()).toMatchObject({ imported: 1, total: 4 });
    const errors = res.json().errors;
    expect(errors).toContainEqual({ row: 3, column: '成员名称', message: '已是该网络的现任成员' });
    expect(errors).toContainEqual({ row: 4, column: '成员名称', message: `未找到单位“不存在${x}”，请先导入该单位` });
    expect(errors).toContainEqual({ row: 5, column: '网络名称', message: expect.stringContaining('未找到网络') });
    expect(errors).toContainEqual({ row: 5, column: '层级', message: expect.stringContaining('可选：首批专家、专家、导师') });
    expect(errors).toContainEqual({ row: 5, column: '加入日期', message: expect.stringContaining('无法识别日期') });
    const landed = (
      await t.app.services.db.execute(
        sql`select tier, role, to_char(joined_on, 'YYYY-MM-DD') as joined_on from memberships where network_id = ${network.id} and organization_id = ${a.id}`,
      )
    ).rows;
    expect(landed).toEqual([{ tier: 'founding', role: '理事长单位', joined_on: '2024-01-15' }]);
  });
});
