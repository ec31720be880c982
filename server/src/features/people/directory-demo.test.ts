import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, needs, organizations, people, searchDocuments } from '../../db/schema';
import { loadDemoData } from '../../demo/load-demo';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, loginWithPermissions } from '../../test/factories';

const t = useTestApp();

describe('the demo directory', () => {
  it('loads 69 organisations and 21 people with aliases and affiliations, and a search document for every organisation, person, network, place, event and need', async () => {
    const db = t.app.services.db;
    await loadDemoData(db, systemActor());
    expect((await db.select({ n: count() }).from(organizations))[0]!.n).toBe(69);
    expect((await db.select({ n: count() }).from(people))[0]!.n).toBe(21);
    // one search document per record of each kind: none missing, none left over
    const docs = await db.select({ type: searchDocuments.entityType, n: count() }).from(searchDocuments).groupBy(searchDocuments.entityType);
    // and one for every demo event and need, which the search box finds too
    const eventCount = (await db.select({ n: count() }).from(events))[0]!.n;
    const needCount = (await db.select({ n: count() }).from(needs))[0]!.n;
    expect(eventCount).toBeGreaterThan(0);
    expect(needCount).toBeGreaterThan(0);
    expect(Object.fromEntries(docs.map((d) => [d.type, d.n]))).toEqual({ organization: 69, person: 21, network: 16, place: 22, event: eventCount, need: needCount });

    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const cicc = (await admin.get(`/api/organizations?q=${encodeURIComponent('中金公司')}`)).json();
    expect(cicc.items).toEqual([expect.objectContaining({ name: '中国国际金融股份有限公司', aliases: ['中金公司'] })]);

    const found = (await admin.get(`/api/people?q=${encodeURIComponent('张兆国')}`)).json();
    expect(found.items).toHaveLength(1);
    const zhang = (await admin.get(`/api/people/${found.items[0].id}`)).json();
    expect(zhang).toMatchObject({
      titles: '上海交通大学副校长、上海交通大学知联会会长',
      roles: ['expert', 'representative'],
      expertise: ['现代化工', '新材料'],
      politicalAffiliation: null,
      politicalHidden: true,
    });
    expect(zhang.affiliations.map((a: { organizationName: string; position: string }) => [a.organizationName, a.position])).toEqual([
      ['上海交通大学', '副校长'],
      ['上海交通大学知联会', '会长'],
    ]);
    expect(zhang.affiliations.every((a: { organizationId: string | null }) => a.organizationId)).toBe(true);

    const permitted = (await loginWithPermissions(t.app, { role: 'admin', permissions: ['political'] })).session;
    expect((await permitted.get(`/api/people/${zhang.id}`)).json().politicalAffiliation).toBe('无党派人士');
  });
});
