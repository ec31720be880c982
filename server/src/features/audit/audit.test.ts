import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../common/schemas/accounts';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';
import { makePerson } from '../../test/factories-directory';
import { readXlsxWithJszip } from '../../test/factories-io';
import { auditChangesText } from './audit.presenter';

const t = useTestApp();
const PUDONG = '310115';
const uid = () => randomBytes(3).toString('hex');

describe('the audit log', () => {
  it('keeps the record name at write time, so a renamed or deleted record still reads by name and links to its page', async () => {
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const name = `审计测试单位${uid()}`;
    const org = (await admin.send('POST', '/api/organizations', { name, kind: 'enterprise', districtCode: PUDONG })).json();
    await admin.send('PATCH', `/api/organizations/${org.id}`, { name: `${name}（改）` });
    expect((await admin.send('DELETE', `/api/organizations/${org.id}`)).statusCode).toBe(204);

    const res = await admin.get(`/api/audit?entity=organization&entityId=${org.id}`);
    expect(res.statusCode).toBe(200);
    const items: AuditEntry[] = res.json().items;
    expect(items.map((e) => [e.action, e.entityName])).toEqual([
      ['delete', `${name}（改）`],
      ['update', `${name}（改）`],
      ['create', name],
    ]);
    expect(items[2]!.target).toEqual({ type: 'organization', id: org.id });
  });

  it('filters by action and record type from the dropdown codes, and by part of the name; refuses unknown codes', async () => {
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const tag = uid();
    const net = (await admin.send('POST', '/api/networks', { name: `审计网络${tag}`, kind: 'alliance' })).json();
    const person = await makePerson(t.app, { name: `审计人员${tag}` });
    const added = await admin.send('POST', `/api/networks/${net.id}/members`, { personId: person.id, tier: 'mentor' });
    expect(added.statusCode).toBe(201);

    const created: AuditEntry[] = (await admin.get(`/api/audit?action=create&q=${encodeURIComponent(tag)}`)).json().items;
    expect(created.map((e) => e.entity).sort()).toEqual(['membership', 'network']);
    const membership = created.find((e) => e.entity === 'membership')!;
    // a membership reads as its member and leads to the network's page
    expect(membership).toMatchObject({ entityName: `审计人员${tag}`, target: { type: 'network', id: net.id } });

    const networks: AuditEntry[] = (await admin.get(`/api/audit?entity=network&q=${encodeURIComponent(tag)}`)).json().items;
    expect(networks).toHaveLength(1);
    expect((await admin.get('/api/audit?action=创建')).statusCode).toBe(400);
    expect((await admin.get('/api/audit?entity=organisation')).statusCode).toBe(400);
  });

  it('writes the changes as labelled lines, not JSON keys, in either language', () => {
    const before = { name: '甲', aliases: ['A'], phone: '138****0000', disabled: false };
    const after = { name: '乙', aliases: ['A'], phone: '138****0000', disabled: true };
    expect(auditChangesText(before, after, 'zh-CN')).toBe('名称：甲 → 乙\n已停用：否 → 是');
    expect(auditChangesText(before, after, 'en')).toBe('Name: 甲 → 乙\nDisabled: No → Yes');
    expect(auditChangesText(null, { name: '丙', roles: ['a', 'b'] }, 'zh-CN')).toBe('名称：丙\n身份：a、b');
    // in the order of the label table, empty fields left out, enumerations and districts in words
    expect(auditChangesText(null, { lat: null, districtCode: '310115', kind: 'soe', name: '丁', aliases: [] }, 'zh-CN', 'organization')).toBe(
      '名称：丁\n类型：国有企业\n所属区：浦东新区',
    );
  });

  it('exports the filtered log as XLSX with labels in the request language, masked like the log, and logs the export', async () => {
    const { user, session: admin } = await loginAs(t.app, { role: 'admin' });
    const name = `导出人员${uid()}`;
    const created = await admin.send('POST', '/api/people', { name, roles: ['expert'], districtCode: PUDONG, phone: '13812345678' });
    expect(created.statusCode).toBe(201);

    const res = await admin.get(`/api/audit/export?action=create&entity=person&q=${encodeURIComponent(name)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/filename="audit-log-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { rows } = await readXlsxWithJszip(res.rawPayload);
    expect(Object.values(rows.get(1)!)).toEqual(['时间', '操作人', '动作', '对象类型', '对象', '对象编号', '变更内容', 'IP 地址', '请求编号']);
    expect(rows.size).toBe(2);
    const row = rows.get(2)!;
    expect(row).toMatchObject({ B: user.username, C: '创建', D: '人员', E: name, F: created.json().id });
    expect(row.G).toContain(`名称：${name}`);
    expect(row.G).toContain('电话：138****5678');
    expect(row.G).toContain('身份：专家');
    expect(JSON.stringify(row)).not.toContain('13812345678');

    const en = await readXlsxWithJszip((await admin.get(`/api/audit/export?q=${encodeURIComponent(name)}`, { 'accept-language': 'en' })).rawPayload);
    expect(en.rows.get(1)!.C).toBe('Action');
    expect(en.rows.get(2)).toMatchObject({ C: 'Create', D: 'Person' });
    expect(en.rows.get(2)!.G).toContain('Roles: Expert');

    const logged: AuditEntry[] = (await admin.get(`/api/audit?action=export&entity=audit&actor=${user.username}`)).json().items;
    expect(logged).toHaveLength(2);
    expect(logged[1]!.after).toMatchObject({ format: 'xlsx', count: 1, filter: { action: 'create', entity: 'person', q: name } });
  });

  it('writes enumerations in English words in the English export, from the same table as the Chinese ones', async () => {
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const name = `英文导出单位${uid()}`;
    const org = (await admin.send('POST', '/api/organizations', { name, kind: 'enterprise', size: 'small', districtCode: PUDONG })).json();
    expect((await admin.send('PATCH', `/api/organizations/${org.id}`, { kind: 'soe' })).statusCode).toBe(200);

    const exportRows = async (language: string) =>
      (await readXlsxWithJszip((await admin.get(`/api/audit/export?entity=organization&q=${encodeURIComponent(name)}`, { 'accept-language': language })).rawPayload)).rows;
    const en = await exportRows('en');
    // newest first: the update, then the create
    expect(en.get(2)).toMatchObject({ C: 'Update', D: 'Organisation' });
    expect(en.get(2)!.G).toContain('Kind: Enterprise → State-owned enterprise');
    expect(en.get(3)!.G).toContain('Kind: Enterprise');
    expect(en.get(3)!.G).toContain('Size: Small');
    expect([...en.values()].map((r) => r.G).join('\n')).not.toMatch(/(: |→ )(enterprise|soe|small)\b/);
    const zh = await exportRows('zh-CN');
    expect(zh.get(2)!.G).toContain('类型：企业 → 国有企业');
    expect(zh.get(3)!.G).toContain('规模：小型');
  });

  it('is for administrators only, the export too', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    expect((await session.get('/api/audit')).statusCode).toBe(403);
    expect((await session.get('/api/audit/export')).statusCode).toBe(403);
  });
});
