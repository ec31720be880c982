import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role, Scope } from '../../../common/schemas/accounts';
import { affiliations, memberships, needs, networks, organizations, people, places } from '../db/schema';
import { syncNeedSearch } from '../features/needs/need-search';
import { networkSearchDoc } from '../features/networks/networks.presenter';
import { organizationSearchDoc } from '../features/organizations/organizations.presenter';
import { personSearchDoc } from '../features/people/people.presenter';
import { placeSearchDoc } from '../features/places/places.presenter';
import { upsertSearchDocuments } from '../features/search/search-index';
import { useTestApp } from '../test/build-test-app';
import { loginAs, type Session } from '../test/factories';

/**
 * docs/ACCESS.md as a property: random actors (every role, district and network scopes) over a random
 * world of records and links. Lists, search, detail, export, link and change agree with a model of the
 * policy written here independently of the SQL, and no id or name of a record the actor may not read
 * appears in any response body (error messages included). Fixed seed: a failure is reproducible.
 */
const t = useTestApp();
const SEED = 20261128;
const DISTRICTS = ['310115', '310116', '310101'] as const;
const ROLES: Role[] = ['admin', 'coordinator', 'expert', 'enterprise', 'viewer'];
const HANZI = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
const TAG = Array.from({ length: 5 }, () => HANZI[Math.floor(Math.random() * HANZI.length)]).join('') + Date.now().toString(36).slice(-3);

type District = (typeof DISTRICTS)[number] | null;
interface WorldSpec {
  orgs: District[];
  people: District[];
  /** district and parent index (earlier network) */
  networks: { district: District; parent: number | null }[];
  places: District[];
  memberships: { network: number; kind: 'organization' | 'person'; member: number; left: boolean }[];
  affiliations: { person: number; org: number; ended: boolean }[];
}

const district = fc.constantFrom<District>(...DISTRICTS, null);
const worldArb: fc.Arbitrary<WorldSpec> = fc
  .record({
    orgs: fc.array(district, { minLength: 6, maxLength: 6 }),
    people: fc.array(district, { minLength: 6, maxLength: 6 }),
    networks: fc.array(district, { minLength: 4, maxLength: 4 }),
    parents: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    places: fc.array(district, { minLength: 3, maxLength: 3 }),
    memberships: fc.array(
      fc.record({ network: fc.nat(3), kind: fc.constantFrom('organization' as const, 'person' as const), member: fc.nat(5), left: fc.boolean() }),
      { minLength: 6, maxLength: 8 },
    ),
    affiliations: fc.array(fc.record({ person: fc.nat(5), org: fc.nat(5), ended: fc.boolean() }), { minLength: 5, maxLength: 7 }),
  })
  .map((w) => ({
    ...w,
    networks: w.networks.map((d, i) => ({ district: d, parent: i > 0 && w.parents[i] ? i - 1 : null })),
  }));

interface Rec {
  type: 'organization' | 'person' | 'network' | 'place';
  id: string;
  name: string;
  district: District;
  parentId?: string | null;
}
interface World {
  orgs: Rec[];
  people: Rec[];
  networks: Rec[];
  places: Rec[];
  memberships: { networkId: string; memberId: string; kind: 'organization' | 'person'; left: boolean }[];
  affiliations: { personId: string; orgId: string; ended: boolean }[];
  all: Rec[];
  /** one need per organisation, in its district */
  needs: { id: string; name: string; orgId: string; district: District }[];
}

async function buildWorld(spec: WorldSpec): Promise<World> {
  const db = t.app.services.db;
  const nameOf = (kind: string, i: number) => `${TAG}${kind}${i}`;
  const orgRows = await db
    .insert(organizations)
    .values(spec.orgs.map((d, i) => ({ name: nameOf('单位', i), nameNorm: nameOf('单位', i), kind: 'enterprise' as const, districtCode: d })))
    .returning();
  const needRows = await db
    .insert(needs)
    .values(orgRows.map((o, i) => ({ organizationId: o.id, category: 'technology' as const, title: nameOf('诉求', i), districtCode: o.districtCode })))
    .returning();
  // the needs' search documents (the needs list's keyword and the search box read them)
  await syncNeedSearch(db, needRows.map((n) => n.id));
  const personRows = await db
    .insert(people)
    .values(spec.people.map((d, i) => ({ name: nameOf('人员', i), nameNorm: nameOf('人员', i), districtCode: d, phone: `1390000${String(i).padStart(4, '0')}`, bio: `${TAG}简历${i}` })))
    .returning();
  const networkRows: (typeof networks.$inferSelect)[] = [];
  for (const [i, n] of spec.networks.entries()) {
    const [row] = await db
      .insert(networks)
      .values({ name: nameOf('网络', i), nameNorm: nameOf('网络', i), kind: 'alliance', districtCode: n.district, parentId: n.parent === null ? null : networkRows[n.parent]!.id })
      .returning();
    networkRows.push(row!);
  }
  const placeRows = await db
    .insert(places)
    .values(spec.places.map((d, i) => ({ name: nameOf('场所', i), kind: 'service_point' as const, districtCode: d })))
    .returning();
  // one current membership per member and network at most (as the service keeps it)
  const seen = new Set<string>();
  const ms = spec.memberships.filter((m) => {
    const key = `${m.network}:${m.kind}:${m.member}:${m.left}`;
    return !seen.has(key) && !!seen.add(key);
  });
  await db.insert(memberships).values(
    ms.map((m) => ({
      networkId: networkRows[m.network]!.id,
      organizationId: m.kind === 'organization' ? orgRows[m.member]!.id : null,
      personId: m.kind === 'person' ? personRows[m.member]!.id : null,
      tier: 'member' as const,
      joinedOn: '2020-01-01',
      leftOn: m.left ? '2021-01-01' : null,
    })),
  );
  await db.insert(affiliations).values(
    spec.affiliations.map((a) => ({
      personId: personRows[a.person]!.id,
      organizationId: orgRows[a.org]!.id,
      organizationName: orgRows[a.org]!.name,
      position: '顾问',
      startOn: '2005-01-01',
      endOn: a.ended ? '2006-12-31' : null,
    })),
  );
  await upsertSearchDocuments(db, [
    ...orgRows.map((o) => organizationSearchDoc(o, [])),
    ...personRows.map((p) => personSearchDoc(p, spec.affiliations.filter((a) => personRows[a.person] === p).map((a) => ({ organizationName: orgRows[a.org]!.name, position: '顾问', endOn: a.ended ? '2006-12-31' : null })), [])),
    ...networkRows.map((n) => networkSearchDoc(n)),
    ...placeRows.map((p) => placeSearchDoc(p)),
  ]);
  const rec = (type: Rec['type']) => (r: { id: string; name: string; districtCode: string | null; parentId?: string | null }) => ({
    type,
    id: r.id,
    name: r.name,
    district: r.districtCode as District,
    parentId: r.parentId,
  });
  const w = {
    orgs: orgRows.map(rec('organization')),
    people: personRows.map(rec('person')),
    networks: networkRows.map(rec('network')),
    places: placeRows.map(rec('place')),
    memberships: ms.map((m) => ({
      networkId: networkRows[m.network]!.id,
      memberId: m.kind === 'organization' ? orgRows[m.member]!.id : personRows[m.member]!.id,
      kind: m.kind,
      left: m.left,
    })),
    affiliations: spec.affiliations.map((a) => ({ personId: personRows[a.person]!.id, orgId: orgRows[a.org]!.id, ended: a.ended })),
  };
  const needList = needRows.map((n) => ({ id: n.id, name: n.title, orgId: n.organizationId, district: n.districtCode as District }));
  return { ...w, all: [...w.orgs, ...w.people, ...w.networks, ...w.places], needs: needList };
}

/** The policy of docs/ACCESS.md, written without SQL. */
function policy(w: World, role: Role, scopes: Scope[]) {
  const D = new Set(scopes.filter((s) => s.kind === 'district').map((s) => s.value));
  const roots = new Set(scopes.filter((s) => s.kind === 'network').map((s) => s.value));
  const byId = new Map(w.networks.map((n) => [n.id, n]));
  const inTree = (id: string): boolean => {
    for (let n = byId.get(id); n; n = n.parentId ? byId.get(n.parentId) : undefined) if (roots.has(n.id)) return true;
    return false;
  };
  const orgById = new Map(w.orgs.map((o) => [o.id, o]));
  const inD = (r: Rec) => r.district !== null && D.has(r.district);
  const currentMember = (id: string) => w.memberships.some((m) => m.memberId === id && !m.left && inTree(m.networkId));
  const read = (r: Rec): boolean => {
    if (role === 'admin') return true;
    if (inD(r)) return true;
    if (r.type === 'organization') return currentMember(r.id);
    if (r.type === 'person') return currentMember(r.id) || w.affiliations.some((a) => a.personId === r.id && !a.ended && inD(orgById.get(a.orgId)!));
    if (r.type === 'network') return inTree(r.id);
    return false;
  };
  const change = (r: Rec): boolean => {
    if (role === 'admin') return true;
    if (role !== 'coordinator') return false;
    return inD(r) || (r.type === 'network' && inTree(r.id));
  };
  /** names a response may show although the record is not readable: members of readable networks, affiliations of readable people */
  const labels = new Set<string>();
  for (const m of w.memberships) {
    if (read(byId.get(m.networkId)!)) labels.add((m.kind === 'organization' ? orgById.get(m.memberId) : w.people.find((p) => p.id === m.memberId))!.name);
  }
  for (const a of w.affiliations) if (read(w.people.find((p) => p.id === a.personId)!)) labels.add(orgById.get(a.orgId)!.name);
  /** needs: an enterprise or expert account reads only its own / assigned needs (none here: no account is linked) */
  const readNeed = (n: World['needs'][number]): boolean => {
    if (role === 'admin') return true;
    if (role === 'enterprise' || role === 'expert') return false;
    return (n.district !== null && D.has(n.district)) || currentMember(n.orgId);
  };
  const changeNeed = (n: World['needs'][number]) => role === 'admin' || (role === 'coordinator' && n.district !== null && D.has(n.district));
  return { read, change, labels, readNeed, changeNeed, exportsPeople: role === 'admin' || role === 'coordinator' };
}

const actorArb = (w: World) =>
  fc.record({
    role: fc.constantFrom(...ROLES),
    districts: fc.subarray([...DISTRICTS], { maxLength: 2 }),
    networks: fc.subarray(w.networks.map((n) => n.id), { maxLength: 2 }),
  });

const paths: Record<Rec['type'], string> = { organization: 'organizations', person: 'people', network: 'networks', place: 'places' };
const patches: Record<Rec['type'], object> = {
  organization: { description: '属性测试' },
  person: { expertise: ['属性测试'] },
  network: { description: '属性测试' },
  place: { description: '属性测试' },
};

describe('the visibility rule as a property (docs/ACCESS.md)', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(fc.sample(worldArb, { seed: SEED, numRuns: 1 })[0]!);
  });

  it('lists, search, detail, export, link and change agree with the policy, and nothing outside the scope leaks', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb(world), async (a) => {
        const scopes: Scope[] =
          a.role === 'admin'
            ? []
            : [...a.districts.map((value) => ({ kind: 'district' as const, value })), ...a.networks.map((value) => ({ kind: 'network' as const, value }))];
        const p = policy(world, a.role, scopes);
        const { session } = await loginAs(t.app, { role: a.role, scopes });
        const bodies: string[] = [];
        const call = async (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) => {
          const res = method === 'GET' ? await s.get(url) : await s.send(method, url, body);
          bodies.push(res.body);
          return res;
        };
        const expected = (type: Rec['type']) => world.all.filter((r) => r.type === type && p.read(r)).map((r) => r.id).sort();
        const ofWorld = (ids: string[]) => ids.filter((id) => world.all.some((r) => r.id === id)).sort();

        // lists
        for (const type of ['organization', 'person', 'network', 'place'] as const) {
          const res = await call(session, 'GET', `/api/${paths[type]}?pageSize=200&q=${encodeURIComponent(TAG)}`);
          expect(res.statusCode).toBe(200);
          expect(ofWorld(res.json().items.map((i: { id: string }) => i.id)), `${type} list`).toEqual(expected(type));
        }
        // search finds exactly what the lists show
        const search = await call(session, 'GET', `/api/search?limit=50&q=${encodeURIComponent(TAG)}`);
        expect(ofWorld(search.json().items.map((i: { id: string }) => i.id)), 'search').toEqual(world.all.filter(p.read).map((r) => r.id).sort());
        // and the needs it finds are exactly the readable ones
        const needSearch = await call(session, 'GET', `/api/search?limit=50&types=need&q=${encodeURIComponent(TAG)}`);
        expect(needSearch.json().items.map((i: { id: string }) => i.id).sort(), 'need search').toEqual(world.needs.filter(p.readNeed).map((n) => n.id).sort());

        // detail, change
        for (const r of world.all) {
          const detail = await call(session, 'GET', `/api/${paths[r.type]}/${r.id}`);
          expect(detail.statusCode, `${r.type} detail`).toBe(p.read(r) ? 200 : 404);
          const patch = await call(session, 'PATCH', `/api/${paths[r.type]}/${r.id}`, patches[r.type]);
          expect(patch.statusCode, `${r.type} change`).toBe(!p.read(r) ? 404 : p.change(r) ? 200 : 403);
          if (r.type === 'person') {
            const unmask = await call(session, 'POST', `/api/people/${r.id}/unmask`);
            expect(unmask.statusCode, 'unmask').toBe(!p.read(r) ? 404 : p.change(r) ? 200 : 403);
          }
        }

        // needs: list, detail and a workflow step (reject without a reason: 400 for who may take it, nothing changes)
        const needList = await call(session, 'GET', `/api/needs?pageSize=200&q=${encodeURIComponent(TAG)}`);
        expect(needList.json().items.map((i: { id: string }) => i.id).sort(), 'need list').toEqual(world.needs.filter(p.readNeed).map((n) => n.id).sort());
        for (const n of world.needs) {
          expect((await call(session, 'GET', `/api/needs/${n.id}`)).statusCode, 'need detail').toBe(p.readNeed(n) ? 200 : 404);
          const step = await call(session, 'POST', `/api/needs/${n.id}/steps`, { action: 'reject' });
          expect(step.statusCode, 'need step').toBe(!p.readNeed(n) ? 404 : p.changeNeed(n) ? 400 : 403);
        }

        // exports
        const orgCsv = await call(session, 'GET', `/api/io/export/organizations.csv?q=${encodeURIComponent(TAG)}`);
        expect(world.orgs.filter((o) => orgCsv.body.includes(o.name)).map((o) => o.id).sort(), 'organisation export').toEqual(expected('organization'));
        const peopleCsv = await call(session, 'GET', `/api/io/export/people.csv?q=${encodeURIComponent(TAG)}`);
        if (p.exportsPeople) {
          expect(world.people.filter((o) => peopleCsv.body.includes(`${o.name},`)).map((o) => o.id).sort(), 'people export').toEqual(expected('person'));
        } else expect(peopleCsv.statusCode).toBe(403);

        // link: a member joins a network the actor may change only when the actor may read it
        const target = world.networks.find((n) => p.read(n) && p.change(n));
        if (target) {
          for (const m of [...world.orgs, ...world.people]) {
            const res = await call(session, 'POST', `/api/networks/${target.id}/members`, {
              [m.type === 'organization' ? 'organizationId' : 'personId']: m.id,
              tier: m.type === 'organization' ? 'member' : 'individual_member',
            });
            const current = world.memberships.some((x) => x.networkId === target.id && x.memberId === m.id && !x.left);
            expect(res.statusCode, 'link').toBe(!p.read(m) ? 400 : current ? 409 : 201);
            if (res.statusCode === 201) await t.app.services.db.delete(memberships).where(inArray(memberships.id, [res.json().id]));
          }
        }

        // nothing of a record outside the scope in any body
        const all = bodies.join('\n');
        for (const n of world.needs.filter((x) => !p.readNeed(x))) {
          expect(all.includes(n.id), `id of unreadable need ${n.name}`).toBe(false);
          expect(all.includes(n.name), `title of unreadable need ${n.name}`).toBe(false);
        }
        for (const r of world.all.filter((x) => !p.read(x))) {
          expect(all.includes(r.id), `id of unreadable ${r.type} ${r.name}`).toBe(false);
          if (!p.labels.has(r.name)) expect(all.includes(r.name), `name of unreadable ${r.type} ${r.name}`).toBe(false);
        }
        if (a.role === 'expert' || a.role === 'enterprise' || a.role === 'viewer') expect(all.includes(`${TAG}简历`), 'bio').toBe(false);
      }),
      { seed: SEED, numRuns: 14, endOnFailure: true },
    );
  }, 300_000);
});
