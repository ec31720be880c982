import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { districtName, isShanghaiDistrictCode, isValidUscc } from '../../common/validators';
import type { Database } from '../../server/src/db/client';
import { createSearchService } from '../../server/src/features/search/search.service';
import { systemActor } from '../../server/src/lib/actor';
import { namePinyin } from '../../server/src/lib/text';
import { openTestDatabase } from '../../server/src/test/template-db';
import { generateMemberships, generateNetwork, type SyntheticNetwork } from './networks';
import { generateOrganization } from './organizations';
import { generatePerson } from './people';
import { recordRng, syntheticId } from './rng';
import { syntheticUscc } from './uscc';
import { countSyntheticData, removeSyntheticData, writeSyntheticData } from './write';

const HAN_NAME = /^[\p{Script=Han}（）]+$/u;
const orgs = (seed: number, n: number) => Array.from({ length: n }, (_, i) => generateOrganization(recordRng(seed, 'organization', i), i, seed));
const ctx = (seed: number, organizationCount: number) => ({
  organizationCount,
  organizationAt: (i: number) => generateOrganization(recordRng(seed, 'organization', i), i, seed),
});
const people = (seed: number, n: number) => Array.from({ length: n }, (_, i) => generatePerson(recordRng(seed, 'person', i), i, seed, ctx(seed, 500)));

describe('synthetic records', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(orgs(7, 200)).toEqual(orgs(7, 200));
    expect(people(7, 200)).toEqual(people(7, 200));
    expect(orgs(8, 50).map((o) => o.name)).not.toEqual(orgs(7, 50).map((o) => o.name));
    // any record can be made again on its own, and its id without it
    expect(generateOrganization(recordRng(7, 'organization', 123), 123, 7)).toEqual(orgs(7, 200)[123]);
    expect(syntheticId(7, 'organization', 123)).toBe(orgs(7, 200)[123].id);
  });

  it('have valid, distinct credit codes and Shanghai districts', () => {
    const list = orgs(3, 5000);
    const codes = list.map((o) => o.uscc).filter((c): c is string => c !== null);
    expect(codes.length).toBeGreaterThan(3000);
    expect(codes.every(isValidUscc)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(list.every((o) => o.districtCode === null || isShanghaiDistrictCode(o.districtCode))).toBe(true);
    expect(isValidUscc(syntheticUscc('91', '310115', 0))).toBe(true);
    // the address lies in the record's district
    const located = list.filter((o) => o.address && o.districtCode);
    expect(located.length).toBeGreaterThan(list.length / 2);
    expect(located.filter((o) => !o.address!.startsWith(`上海市${districtName(o.districtCode!)}`))).toEqual([]);
  });

  it('look like Chinese organisations and people, with repeated names', () => {
    const list = orgs(1, 2000);
    expect(list.every((o) => HAN_NAME.test(o.name))).toBe(true);
    const form = /(公司|研究院|研究所|中心|协会|联盟|商会|促进会|学会|大学|学院|支行|委员会|办公室|局|事务所|工作室|服务社)$/;
    expect(list.filter((o) => !form.test(o.name))).toEqual([]);
    expect(new Set(list.map((o) => o.kind)).size).toBeGreaterThan(5);
    expect(list.some((o) => o.aliases.length > 0)).toBe(true);
    const ps = people(1, 3000);
    expect(ps.every((p) => /^\p{Script=Han}{2,4}$/u.test(p.name))).toBe(true);
    expect(new Set(ps.map((p) => p.name)).size).toBeLessThan(ps.length); // collisions like 张峰 exist
    expect(ps.filter((p) => p.phone).every((p) => /^1[3-9]\d{9}$/.test(p.phone!))).toBe(true);
    expect(ps.every((p) => p.affiliations.length >= 1 && p.affiliations.every((a) => a.position))).toBe(true);
    expect(ps.filter((p) => p.name.startsWith('张')).length).toBeGreaterThan(100);
  });

  it('give networks with sub-networks and members in tiers', () => {
    const cache = new Map<number, SyntheticNetwork>();
    const at = (i: number): SyntheticNetwork => cache.get(i) ?? cache.set(i, generateNetwork(recordRng(1, 'network', i), i, 1, { count: 20, networkAt: at })).get(i)!;
    const nets = Array.from({ length: 20 }, (_, i) => at(i));
    const children = nets.filter((n) => n.parentIndex !== null);
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => c.name.startsWith(nets[c.parentIndex!].name))).toBe(true);
    const members = generateMemberships(recordRng(1, 'membership', 0), 0, 1, { organizationCount: 1000, personCount: 100 });
    expect(new Set(members.map((m) => m.tier)).size).toBeGreaterThan(1);
    expect(members.every((m) => (m.organizationIndex === null) !== (m.personIndex === null))).toBe(true);
  });
});

describe('writeSyntheticData', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(inject('dbTemplate'), process.env.TEST_DATABASE_URL);
  });
  afterAll(async () => database?.close());

  it('writes searchable records tagged for removal', async () => {
    const report = await writeSyntheticData(database, { orgs: 300, people: 120, seed: 5, batchSize: 100 });
    expect(report).toMatchObject({ organizations: 300, people: 120, networks: 3, searchDocuments: 423 });
    expect(await countSyntheticData(database.db, 5)).toEqual({ organizations: 300, people: 120, networks: 3 });

    const person = generatePerson(recordRng(5, 'person', 17), 17, 5, ctx(5, 300));
    const search = createSearchService({ db: database.db });
    const byInitials = await search.search(systemActor(), { q: namePinyin(person.name).initials, limit: 50 });
    expect(byInitials.items.map((i) => i.id)).toContain(person.id);
    const org = generateOrganization(recordRng(5, 'organization', 42), 42, 5);
    const byName = await search.search(systemActor(), { q: org.name, limit: 5 });
    expect(byName.items[0]).toMatchObject({ id: org.id, type: 'organization', matchedBy: 'name' });

    await removeSyntheticData(database.db);
    expect(await countSyntheticData(database.db)).toEqual({ organizations: 0, people: 0, networks: 0 });
    expect((await search.search(systemActor(), { q: org.name, limit: 5 })).items).toEqual([]);
  });
});
