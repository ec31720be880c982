import { randomBytes } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { syncNeedSearch } from '../needs/need-search';
import { describe, expect, it } from 'vitest';
import { industries, searchDocuments } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, addMember, makeNetwork, makeOrg, makePerson, makePlace, makeUser, makeUscc } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
const u = () => randomBytes(3).toString('hex');

async function makeIndustry(name: string) {
  const [row] = await t.app.services.db.insert(industries).values({ name }).returning();
  return row!;
}

const searchDoc = async (id: string, entityType: 'organization' | 'person' | 'need' = 'organization') =>
  (
    await t.app.services.db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.entityType, entityType), eq(searchDocuments.entityId, id)))
  )[0];

describe('merging organisations', () => {
  it('moves memberships, affiliations, industries and aliases, deletes the source and leaves an audit trail', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const k = u();
    const uscc = makeUscc();
    const ai = await makeIndustry(`人工智能${k}`);
    const keep = (
      await session.send('POST', '/api/organizations', { name: `国药控股${k}股份有限公司`, kind: 'soe', districtCode: PUDONG })
    ).json();
    const source = (
      await session.send('POST', '/api/organizations', {
        name: `国药控股${k}`,
        kind: 'soe',
        districtCode: PUDONG,
        uscc,
        aliases: [`国药${k}`],
        address: '浦东新区张江路1号',
        industryIds: [ai.id],
        force: true,
      })
    ).json();
    expect(source.id).toBeDefined();

    const alliance = await makeNetwork(t.app, { name: `联盟${k}` });
    const community = await makeNetwork(t.app, { name: `共同体${k}`, kind: 'cluster_community' });
    await addMember(t.app, alliance.id, { organizationId: keep.id, tier: 'member', joinedOn: '2024-05-01' });
    await addMember(t.app, alliance.id, { organizationId: source.id, tier: 'founding', joinedOn: '2023-01-01' });
    await addMember(t.app, community.id, { organizationId: source.id, tier: 'chain_leader' });
    const person = await makePerson(t.app, { affiliations: [{ organizationId: source.id, organizationName: source.name, position: '董事长' }] });

    const res = await session.send('POST', `/api/organizations/${keep.id}/merge`, { sourceId: source.id });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({ id: keep.id, name: keep.name, uscc, address: '浦东新区张江路1号' });
    expect(merged.aliases).toEqual(expect.arrayContaining([source.name, `国药${k}`]));
    expect(merged.industries).toEqual([{ id: ai.id, name: ai.name }]);
    // one membership per network, with the better tier and the earlier join date
    const inAlliance = merged.memberships.filter((m: { network: { id: string } }) => m.network.id === alliance.id);
    expect(inAlliance).toHaveLength(1);
    expect(inAlliance[0]).toMatchObject({ tier: 'founding', joinedOn: '2023-01-01', leftOn: null });
    expect(merged.memberships).toContainEqual(expect.objectContaining({ network: expect.objectContaining({ id: community.id }), tier: 'chain_leader' }));
    expect(merged.people).toContainEqual({ personId: person.id, name: person.name, position: '董事长', isContact: false });
    // what pointed at the source now shows the kept name: the affiliation and the person's search document
    const moved = (await session.get(`/api/people/${person.id}`)).json();
    expect(moved.affiliations).toContainEqual(expect.objectContaining({ organizationId: keep.id, organizationName: keep.name }));
    expect((await searchDoc(person.id, 'person'))?.subtitle).toBe(`${keep.name}董事长`);

    expect((await session.get(`/api/organizations/${source.id}`)).statusCode).toBe(404);
    expect(await searchDoc(source.id)).toBeUndefined();
    expect((await searchDoc(keep.id))?.body).toContain(`国药${k}`);
    const list = await session.get(`/api/organizations?networkId=${alliance.id}`);
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([keep.id]);

    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const audit = (await admin.get(`/api/audit?entity=organization&entityId=${keep.id}&action=merge`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'merge',
      before: { kept: { id: keep.id, uscc: null }, source: { id: source.id, name: source.name, uscc } },
      after: { id: keep.id, uscc, mergedFrom: source.id },
    });
  });

  it('a rename runs the duplicate check again and renames what points at the record', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const k = randomBytes(3).toString('hex');
    const taken = (await session.send('POST', '/api/organizations', { name: `探针控股${k}股份有限公司`, kind: 'enterprise', districtCode: PUDONG })).json();
    const org = (await session.send('POST', '/api/organizations', { name: `旧名单位${k}`, kind: 'enterprise', districtCode: PUDONG })).json();
    const person = await makePerson(t.app, { affiliations: [{ organizationId: org.id, organizationName: org.name, position: '主任' }] });

    const clash = await session.send('PATCH', `/api/organizations/${org.id}`, { name: `探针控股${k}` });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'DUPLICATE', candidates: [expect.objectContaining({ id: taken.id, reason: 'name' })] });

    const renamed = await session.send('PATCH', `/api/organizations/${org.id}`, { name: `新名单位${k}` });
    expect(renamed.statusCode).toBe(200);
    const detail = (await session.get(`/api/people/${person.id}`)).json();
    expect(detail.affiliations).toContainEqual(expect.objectContaining({ organizationId: org.id, organizationName: `新名单位${k}` }));
    expect((await searchDoc(person.id, 'person'))?.subtitle).toContain(`新名单位${k}`);

    // forced: renamed although the duplicate is there
    expect((await session.send('PATCH', `/api/organizations/${org.id}`, { name: `探针控股${k}`, force: true })).statusCode).toBe(200);
  });

  it('is refused when either record is out of scope (404) and for roles that only read (403)', async () => {
    const pudong = await makeOrg(t.app, { districtCode: PUDONG });
    const jinshan = await makeOrg(t.app, { districtCode: JINSHAN });
    const other = await makeOrg(t.app, { districtCode: PUDONG });
    const coordinator = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await coordinator.send('POST', `/api/organizations/${pudong.id}/merge`, { sourceId: jinshan.id })).statusCode).toBe(404);
    expect((await coordinator.send('POST', `/api/organizations/${jinshan.id}/merge`, { sourceId: pudong.id })).statusCode).toBe(404);
    const self = await coordinator.send('POST', `/api/organizations/${pudong.id}/merge`, { sourceId: pudong.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields[0].path).toBe('sourceId');

    const expert = (await loginAs(t.app, { role: 'expert', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await expert.send('POST', `/api/organizations/${pudong.id}/merge`, { sourceId: other.id })).statusCode).toBe(403);
    expect((await expert.get(`/api/organizations/${other.id}`)).statusCode).toBe(200);
  });

  it("keeps what other features store about the duplicate: its needs (found under the kept name), account, service records and place", async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const k = u();
    const keep = await makeOrg(t.app, { name: `申通${k}科技有限公司`, districtCode: PUDONG });
    const source = await makeOrg(t.app, { name: `申通${k}科技`, districtCode: PUDONG });
    const other = await makeOrg(t.app, { name: `另一家${k}公司`, districtCode: PUDONG });
    const db = t.app.services.db;
    const rows = async (q: SQL) => (await db.execute(q)).rows as Record<string, unknown>[];
    const [need] = await rows(sql`insert into needs (organization_id, category, title, district_code) values (${source.id}, 'financing', ${`融资需求${k}`}, ${PUDONG}) returning id`);
    await syncNeedSearch(db, [need.id as string]);
    const user = await makeUser(t.app, { role: 'enterprise' });
    await db.execute(sql`insert into account_links (user_id, organization_id) values (${user.id}, ${source.id})`);
    const [record] = await rows(sql`insert into service_records (organization_id, provider_organization_ids, served_on, kind)
      values (${source.id}, ${sql.param([source.id, other.id])}::uuid[], '2026-11-01', 'financing') returning id`);
    const place = await makePlace(t.app, { name: `园区${k}`, districtCode: PUDONG });
    await db.execute(sql`insert into place_relations (place_id, operator_organization_id) values (${place.id}, ${source.id})`);

    expect((await session.send('POST', `/api/organizations/${keep.id}/merge`, { sourceId: source.id })).statusCode).toBe(200);

    expect(await rows(sql`select organization_id from needs where id = ${need.id as string}`)).toEqual([{ organization_id: keep.id }]);
    expect(await rows(sql`select organization_id from account_links where user_id = ${user.id}`)).toEqual([{ organization_id: keep.id }]);
    const [served] = await rows(sql`select organization_id, provider_organization_ids::text[] as providers from service_records where id = ${record.id as string}`);
    expect(served.organization_id).toBe(keep.id);
    expect([...(served.providers as string[])].sort()).toEqual([keep.id, other.id].sort());
    expect(await rows(sql`select operator_organization_id from place_relations where place_id = ${place.id}`)).toEqual([{ operator_organization_id: keep.id }]);
    // the need's search document names the organisation it now belongs to
    expect((await searchDoc(need.id as string, 'need'))?.subtitle).toBe(keep.name);
  });

  it('renaming an organisation rewrites the search documents of its needs, which show its name', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const k = u();
    const org = await makeOrg(t.app, { name: `旧名${k}有限公司`, districtCode: PUDONG });
    const db = t.app.services.db;
    const [need] = (await db.execute(sql`insert into needs (organization_id, category, title) values (${org.id}, 'talent', ${`人才需求${k}`}) returning id`)).rows as { id: string }[];
    await syncNeedSearch(db, [need.id]);
    const res = await session.send('PATCH', `/api/organizations/${org.id}`, { name: `新名${k}有限公司`, force: true });
    expect(res.statusCode).toBe(200);
    expect((await searchDoc(need.id, 'need'))?.subtitle).toBe(`新名${k}有限公司`);
  });
});
