import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { affiliations } from '../db/schema';
import { useTestApp } from '../test/build-test-app';
import { loginAs } from '../test/factories';
import { addMember, makeNetwork, makeOrg, makePerson } from '../test/factories-directory';
import { csvText, uploadFile } from '../test/factories-io';

/** The probe's chains (issue 10 §1), each refused: regression tests for lib/visibility.ts. */
const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
const u = () => randomBytes(3).toString('hex');
const coordinatorOf = async (district: string) => (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: district }] })).session;
const admin = async () => (await loginAs(t.app, { role: 'admin' })).session;

describe('a network-scoped coordinator cannot take over records of the city', () => {
  it('cannot link a 金山 organisation or person into their network, nor then read, change, delete or unmask it', async () => {
    const network = await makeNetwork(t.app, { districtCode: PUDONG });
    const org = await makeOrg(t.app, { districtCode: JINSHAN, name: `金山探针单位${u()}` });
    const person = await makePerson(t.app, { districtCode: JINSHAN, name: `金山探针人员${u()}`, phone: '13900001111' });
    const s = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'network', value: network.id }] })).session;

    for (const body of [{ organizationId: org.id }, { personId: person.id }]) {
      const res = await s.send('POST', `/api/networks/${network.id}/members`, { ...body, tier: 'member' });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toContain(org.name);
      expect(res.body).not.toContain(person.name);
    }
    expect((await s.get(`/api/organizations/${org.id}`)).statusCode).toBe(404);
    expect((await s.send('PATCH', `/api/organizations/${org.id}`, { description: 'x' })).statusCode).toBe(404);
    expect((await s.send('DELETE', `/api/organizations/${org.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await s.send('POST', `/api/people/${person.id}/unmask`)).statusCode).toBe(404);
  });

  it('reads the members an admin linked, but never changes, deletes or unmasks them', async () => {
    const network = await makeNetwork(t.app, { districtCode: PUDONG });
    const org = await makeOrg(t.app, { districtCode: JINSHAN });
    const person = await makePerson(t.app, { districtCode: JINSHAN, phone: '13900002222' });
    await addMember(t.app, network.id, { organizationId: org.id });
    await addMember(t.app, network.id, { personId: person.id });
    const s = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'network', value: network.id }] })).session;

    expect((await s.get(`/api/organizations/${org.id}`)).statusCode).toBe(200);
    expect((await s.send('PATCH', `/api/organizations/${org.id}`, { description: 'x' })).statusCode).toBe(403);
    expect((await s.send('DELETE', `/api/organizations/${org.id}`)).statusCode).toBe(403);
    expect((await s.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    const unmask = await s.send('POST', `/api/people/${person.id}/unmask`);
    expect(unmask.statusCode).toBe(403);
    expect(unmask.body).not.toContain('13900002222');
    expect((await s.send('PATCH', `/api/people/${person.id}`, { districtCode: '310101' })).statusCode).toBe(403);
    expect((await s.send('DELETE', `/api/people/${person.id}`)).statusCode).toBe(403);
    expect((await (await admin()).get(`/api/people/${person.id}`)).json().districtCode).toBe(JINSHAN);
  });
});

describe('visibility follows current relations only', () => {
  it('an affiliation that ended does not let the 金山 coordinator reach a 浦东 person', async () => {
    const jinshanOrg = await makeOrg(t.app, { districtCode: JINSHAN });
    const person = await makePerson(t.app, { districtCode: PUDONG, phone: '13900003333' });
    await t.app.services.db.insert(affiliations).values({
      personId: person.id,
      organizationId: jinshanOrg.id,
      organizationName: jinshanOrg.name,
      startOn: '2005-01-01',
      endOn: '2006-12-31',
    });
    const s = await coordinatorOf(JINSHAN);
    expect((await s.get('/api/people?pageSize=200')).json().items.map((p: { id: string }) => p.id)).not.toContain(person.id);
    expect((await s.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await s.send('POST', `/api/people/${person.id}/unmask`)).statusCode).toBe(404);
    expect((await s.send('PATCH', `/api/people/${person.id}`, { districtCode: '310101' })).statusCode).toBe(404);
    expect((await s.send('DELETE', `/api/people/${person.id}`)).statusCode).toBe(404);
    // the 浦东 coordinator sees the old affiliation by name, without a link to the 金山 organisation
    const detail = await (await coordinatorOf(PUDONG)).get(`/api/people/${person.id}`);
    expect(detail.json().affiliations[0]).toMatchObject({ organizationId: null, organizationName: jinshanOrg.name });
    expect(detail.body).not.toContain(jinshanOrg.id);
  });

  it('a current affiliation shows the person to the 金山 coordinator, read-only', async () => {
    const jinshanOrg = await makeOrg(t.app, { districtCode: JINSHAN });
    const person = await makePerson(t.app, { districtCode: PUDONG, affiliations: [{ organizationId: jinshanOrg.id, organizationName: jinshanOrg.name }] });
    const s = await coordinatorOf(JINSHAN);
    expect((await s.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await s.send('POST', `/api/people/${person.id}/unmask`)).statusCode).toBe(403);
    expect((await s.send('PATCH', `/api/people/${person.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await s.send('DELETE', `/api/people/${person.id}`)).statusCode).toBe(403);
  });
});

describe('links across scopes leak no names', () => {
  it('creating a person affiliated to another district’s organisation is refused like a missing one', async () => {
    const jinshanOrg = await makeOrg(t.app, { districtCode: JINSHAN, name: `金山保密单位${u()}` });
    const s = await coordinatorOf(PUDONG);
    const res = await s.send('POST', '/api/people', {
      name: `浦东专家${u()}`,
      districtCode: PUDONG,
      affiliations: [{ organizationId: jinshanOrg.id, organizationName: '' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('affiliations.0.organizationId');
    expect(res.body).not.toContain(jinshanOrg.name);
    const missing = await s.send('POST', '/api/people', {
      name: `浦东专家${u()}`,
      districtCode: PUDONG,
      affiliations: [{ organizationId: '00000000-0000-4000-8000-000000000000', organizationName: '' }],
    });
    expect(missing.json().fields).toEqual(res.json().fields);
  });

  it('a people import does not link a row to an organisation the importer cannot see', async () => {
    const name = `金山导入探针${u()}`;
    const jinshanOrg = await makeOrg(t.app, { districtCode: JINSHAN, name });
    const pudongOrg = await makeOrg(t.app, { districtCode: PUDONG, name: `浦东导入单位${u()}` });
    const s = await coordinatorOf(PUDONG);
    const personName = `导入人员${u()}`;
    const file = csvText(['姓名', '单位', '所在区'], [[personName, name, '浦东新区'], [`${personName}乙`, pudongOrg.name, '浦东新区']]);
    const res = await uploadFile(s, '/api/io/import/people', 'p.csv', Buffer.from(file));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(jinshanOrg.id);
    const rows = await t.app.services.db.select().from(affiliations).where(eq(affiliations.organizationName, name));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.organizationId).toBeNull();
    const linked = await t.app.services.db.select().from(affiliations).where(eq(affiliations.organizationName, pudongOrg.name));
    expect(linked[0]!.organizationId).toBe(pudongOrg.id);
  });

  it('a coordinator cannot create a person in another district, and is told on the district field', async () => {
    const s = await coordinatorOf(PUDONG);
    const res = await s.send('POST', '/api/people', { name: `金山人员${u()}`, districtCode: JINSHAN });
    expect(res.statusCode).toBe(403);
    expect(res.json().fields[0].path).toBe('districtCode');
    // with no district given, the coordinator's only district is taken
    const defaulted = await s.send('POST', '/api/people', { name: `无区人员${u()}` });
    expect(defaulted.statusCode).toBe(201);
    expect(defaulted.json().districtCode).toBe(PUDONG);
    const two = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }, { kind: 'district', value: JINSHAN }] })).session;
    const none = await two.send('POST', '/api/organizations', { name: `无区单位${u()}`, kind: 'enterprise' });
    expect(none.statusCode).toBe(403);
    expect(none.json().fields[0].path).toBe('districtCode');
  });

  it('a member outside the coordinator’s scope is shown by name only, unlinked and read-only', async () => {
    const network = await makeNetwork(t.app, { districtCode: PUDONG });
    const jinshanOrg = await makeOrg(t.app, { districtCode: JINSHAN });
    const pudongOrg = await makeOrg(t.app, { districtCode: PUDONG });
    const outside = await addMember(t.app, network.id, { organizationId: jinshanOrg.id });
    await addMember(t.app, network.id, { organizationId: pudongOrg.id });
    const s = await coordinatorOf(PUDONG);
    const res = await s.get(`/api/networks/${network.id}`);
    const members: { id: string; organization: { id: string } | null; outside?: { name: string } | null }[] = res.json().members;
    expect(members.find((m) => m.id === outside.id)).toMatchObject({ organization: null, person: null, outside: { name: jinshanOrg.name } });
    expect(members.find((m) => m.organization?.id === pudongOrg.id)?.outside ?? null).toBeNull();
    expect(res.body).not.toContain(jinshanOrg.id);
    expect((await s.send('PATCH', `/api/networks/${network.id}/members/${outside.id}`, { tier: 'founding' })).statusCode).toBe(404);
    expect((await s.send('PATCH', `/api/networks/${network.id}/members/${outside.id}`, { leftOn: '2024-01-01' })).statusCode).toBe(404);
  });
});

describe('list and search agree', () => {
  it('a person with no district working at a 浦东 organisation is in the 浦东 coordinator’s list and search', async () => {
    const org = await makeOrg(t.app, { districtCode: PUDONG });
    const name = `无区专家${u()}`;
    const created = await (await admin()).send('POST', '/api/people', {
      name,
      districtCode: null,
      affiliations: [{ organizationId: org.id, organizationName: org.name, position: '顾问' }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    // the admin's form takes the organisation's district; make it none, as an import may leave it
    await t.app.services.db.execute(`update people set district_code = null where id = '${id}'`);
    await t.app.services.db.execute(`update search_documents set district_code = null where entity_id = '${id}'`);
    const s = await coordinatorOf(PUDONG);
    expect((await s.get('/api/people?pageSize=200')).json().items.map((p: { id: string }) => p.id)).toContain(id);
    const hits = (await s.get(`/api/search?q=${encodeURIComponent(name)}`)).json().items;
    expect(hits.map((h: { id: string }) => h.id)).toContain(id);
    const jinshan = await coordinatorOf(JINSHAN);
    expect((await jinshan.get(`/api/search?q=${encodeURIComponent(name)}`)).json().items).toHaveLength(0);
  });
});
