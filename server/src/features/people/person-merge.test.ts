import { and, eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { searchDocuments } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, addMember, makeNetwork, makeOrg, makePerson, makeUser } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';

const personDoc = async (id: string) =>
  (await t.app.services.db.select().from(searchDocuments).where(and(eq(searchDocuments.entityType, 'person'), eq(searchDocuments.entityId, id))))[0];

describe('merging people', () => {
  it('moves affiliations and memberships, fills empty fields, deletes the source and audits it', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const sjtu = await makeOrg(t.app, { name: '上海交通大学（合并测试）', districtCode: PUDONG });
    const union = await makeOrg(t.app, { name: '上海交通大学知联会（合并测试）', districtCode: PUDONG });
    const keep = await makePerson(t.app, { name: '俞飚', affiliations: [{ organizationId: sjtu.id, organizationName: sjtu.name, position: '教授' }] });
    const source = await makePerson(t.app, {
      name: '俞飚',
      phone: '13600001111',
      roles: ['mentor'],
      affiliations: [
        { organizationId: sjtu.id, organizationName: sjtu.name, position: '教授' },
        { organizationId: union.id, organizationName: union.name, position: '副会长' },
      ],
    });
    const thinkTank = await makeNetwork(t.app, { kind: 'think_tank' });
    const mentors = await makeNetwork(t.app, { kind: 'mentor_team' });
    await addMember(t.app, thinkTank.id, { personId: keep.id, tier: 'member' });
    await addMember(t.app, thinkTank.id, { personId: source.id, tier: 'member', role: '专家' });
    await addMember(t.app, mentors.id, { personId: source.id, tier: 'member', role: '导师' });

    const res = await session.send('POST', `/api/people/${keep.id}/merge`, { sourceId: source.id });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({ id: keep.id, phone: '136****1111', roles: ['expert', 'mentor'], titles: `${sjtu.name}教授、${union.name}副会长` });
    expect(merged.affiliations).toHaveLength(2);
    expect(merged.memberships).toHaveLength(2);
    expect(merged.memberships).toContainEqual(expect.objectContaining({ network: expect.objectContaining({ id: thinkTank.id }), role: '专家' }));
    expect(merged.memberships).toContainEqual(expect.objectContaining({ network: expect.objectContaining({ id: mentors.id }), role: '导师' }));

    expect((await session.get(`/api/people/${source.id}`)).statusCode).toBe(404);
    expect(await personDoc(source.id)).toBeUndefined();
    expect((await personDoc(keep.id))?.body).toContain('副会长');
    expect((await session.get(`/api/organizations/${union.id}`)).json().people).toEqual([
      { personId: keep.id, name: '俞飚', position: '副会长', isContact: false },
    ]);

    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const audit = (await admin.get(`/api/audit?entity=person&entityId=${keep.id}&action=merge`)).json();
    expect(audit.items[0]).toMatchObject({
      before: { kept: { id: keep.id, phone: null }, source: { id: source.id, phone: '136****1111' } },
      after: { id: keep.id, phone: '136****1111', mergedFrom: source.id },
    });
  });

  it('needs both people in scope and an editing role', async () => {
    const a = await makePerson(t.app, { districtCode: PUDONG });
    const b = await makePerson(t.app, { districtCode: JINSHAN });
    const c = await makePerson(t.app, { districtCode: PUDONG });
    const coordinator = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await coordinator.send('POST', `/api/people/${a.id}/merge`, { sourceId: b.id })).statusCode).toBe(404);
    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await viewer.send('POST', `/api/people/${a.id}/merge`, { sourceId: c.id })).statusCode).toBe(403);
    expect((await viewer.get(`/api/people/${c.id}`)).statusCode).toBe(200);
  });

  it("keeps what other features store about the duplicate: its expert account, need assignments, topic groups and services given", async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const k = String(Date.now() % 1e6);
    const keep = await makePerson(t.app, { name: `合并专家甲${k}`, districtCode: PUDONG });
    const source = await makePerson(t.app, { name: `合并专家乙${k}`, districtCode: PUDONG });
    const org = await makeOrg(t.app, { name: `受助企业${k}有限公司`, districtCode: PUDONG });
    const db = t.app.services.db;
    const rows = async (q: SQL) => (await db.execute(q)).rows as Record<string, unknown>[];
    const [need] = await rows(sql`insert into needs (organization_id, category, title) values (${org.id}, 'legal', ${`法律需求${k}`}) returning id`);
    const [assignment] = await rows(sql`insert into need_assignments (need_id, person_id) values (${need.id as string}, ${source.id}) returning id`);
    const user = await makeUser(t.app, { role: 'expert' });
    await db.execute(sql`insert into account_links (user_id, person_id) values (${user.id}, ${source.id})`);
    const [record] = await rows(sql`insert into service_records (organization_id, provider_person_ids, served_on, kind)
      values (${org.id}, ${sql.param([source.id, keep.id])}::uuid[], '2026-11-02', 'legal') returning id`);

    expect((await session.send('POST', `/api/people/${keep.id}/merge`, { sourceId: source.id })).statusCode).toBe(200);

    expect(await rows(sql`select person_id from need_assignments where id = ${assignment.id as string}`)).toEqual([{ person_id: keep.id }]);
    expect(await rows(sql`select person_id from account_links where user_id = ${user.id}`)).toEqual([{ person_id: keep.id }]);
    expect(await rows(sql`select provider_person_ids::text[] as ids from service_records where id = ${record.id as string}`)).toEqual([{ ids: [keep.id] }]);
  });
});
