import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { countRows, loginAs, makeOrganization } from '../../test/factories';
import { createReportsService, figureQuote, quoteOf } from './reports.service';

const t = useTestApp();
const tag = () => randomBytes(3).toString('hex');
const SEED = readFileSync(new URL('../../../../../shared/seeds/000_37ff99f907eee8d3.txt', import.meta.url), 'utf8');
const coordinator = (district = '310115'): Actor => ({ userId: null, username: 'c', role: 'coordinator', scopes: [{ kind: 'district', value: district }], permissions: [], requestId: 't', ip: null });

const count = async (table: string, where = sql`true`) =>
  Number(((await t.database.db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`)).rows[0] as { n: number }).n);

function body(x: string, existing: { id: string; name: string }) {
  return {
    title: `报道活动${x}`,
    kind: 'theme_activity' as const,
    date: '2024-10-12',
    districtCode: '310115',
    venue: '金桥',
    organizations: [
      { name: existing.name, role: 'host' as const, organizationId: existing.id, kind: 'other' as const },
      { name: `新单位${x}`, role: 'organizer' as const, organizationId: null, kind: 'association' as const },
      // marked new, but it IS the existing record: linked, not duplicated
      { name: existing.name, role: 'mentioned' as const, organizationId: null, kind: 'other' as const },
      // no kind given: guessed from the name (…大学 → university)
      { name: `同舟${x}大学`, role: 'mentioned' as const, organizationId: null },
    ],
    people: [{ name: `陈${x}`, title: `新单位${x}会长`, personId: null, create: true }],
    figures: [{ label: '参加人数', value: 200, qualifier: 'more_than' as const, unit: '人' }],
    agreements: [{ title: `共建协议${x}`, kind: 'co_construction' as const, parties: [existing.name, `新单位${x}`] }],
  };
}

describe('quotes', () => {
  it('quotes the sentence of a figure by its whole value and label, and of a name', () => {
    const text = '2024年10月12日 21:53\n活动共有200余人参加。智库首批专家55名，涵盖3个职能。';
    expect(figureQuote(text, '参加人数', 200)).toBe('活动共有200余人参加。');
    expect(figureQuote(text, '职能', 3)).toBe('智库首批专家55名，涵盖3个职能。');
    expect(figureQuote(text, '没有', 7)).toBeNull();
    expect(quoteOf(text, '智库')?.quote).toBe('智库首批专家55名，涵盖3个职能。');
  });
});

describe('reports: keep, confirm once, source of every record', () => {
  it('stores a pasted seed, confirms it into one event with linked and new records, and shows 来源 with the quote', async () => {
    const x = tag();
    const existing = await makeOrganization(t.app, { name: `浦东新区${x}新的社会阶层人士联谊会`, districtCode: '310115' });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310115' }] });
    const created = await session.send('POST', '/api/reports', { text: SEED });
    expect(created.statusCode).toBe(200);
    const report = created.json();
    expect(report.status).toBe('draft');
    expect(report.extraction.text).toContain('李姝徵');
    expect(report.districtCode).toBe('310115');
    expect((await session.get('/api/reports')).json().items.map((r: { id: string }) => r.id)).toContain(report.id);

    const orgsBefore = await countRows(t.app, 'organizations');
    const res = await session.send('POST', `/api/reports/${report.id}/confirm`, body(x, existing));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.organizations.map((o: { relation: string }) => o.relation)).toEqual(['linked', 'created', 'linked', 'created']);
    expect(result.organizations[2].id).toBe(existing.id);
    expect(await countRows(t.app, 'organizations')).toBe(orgsBefore + 2);
    const kinds = await t.database.db.execute(sql`select name, kind from organizations where id in (${result.organizations[1].id}, ${result.organizations[3].id})`);
    expect((kinds.rows as { name: string }[]).sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { name: `同舟${x}大学`, kind: 'university' },
      { name: `新单位${x}`, kind: 'association' },
    ]);
    expect(result.people[0].relation).toBe('created');

    const ev = (await session.get(`/api/events/${result.eventId}`)).json();
    expect(ev.title).toBe(`报道活动${x}`);
    expect(ev.hosts).toEqual(expect.arrayContaining([expect.objectContaining({ organizationId: existing.id, role: 'host' })]));
    // the organisations only mentioned are on the event too, as 相关单位, each once
    expect(ev.hosts).toEqual(expect.arrayContaining([expect.objectContaining({ organizationId: result.organizations[3].id, role: 'related' })]));
    expect(ev.hosts.filter((h: { organizationId: string }) => h.organizationId === existing.id)).toHaveLength(1);
    const fig = ev.figures.find((f: { label: string }) => f.label === '参加人数');
    expect(fig).toMatchObject({ value: 200, qualifier: 'more_than' });
    expect(fig.source).toContain('报道');

    const sources = (await session.get(`/api/sources?entityType=organization&entityId=${existing.id}`)).json();
    expect(sources.items).toEqual([expect.objectContaining({ reportId: report.id, relation: 'linked' })]);
    const evSources = (await session.get(`/api/sources?entityType=event&entityId=${result.eventId}`)).json();
    expect(evSources.items[0].reportId).toBe(report.id);
    // reports are read by coordinators and admins only: a viewer of the same district sees no 来源
    for (const role of ['viewer', 'expert', 'enterprise'] as const) {
      const other = (await loginAs(t.app, { role, scopes: [{ kind: 'district', value: '310115' }] })).session;
      const seen = await other.get(`/api/sources?entityType=event&entityId=${result.eventId}`);
      expect(seen.statusCode, role).toBe(200);
      expect(seen.json().items, role).toEqual([]);
    }
    expect((await session.get(`/api/reports/${report.id}`)).json()).toMatchObject({ status: 'confirmed', eventId: result.eventId });

    // a second confirm is refused and creates nothing
    const events = await count('events');
    const again = await session.send('POST', `/api/reports/${report.id}/confirm`, body(`${x}b`, existing));
    expect(again.statusCode).toBe(409);
    expect(await count('events')).toBe(events);
  });

  it('creates nothing when the transaction fails midway', async () => {
    const x = tag();
    const existing = await makeOrganization(t.app, { name: `金桥${x}协会`, districtCode: '310115' });
    const service = createReportsService({ db: t.database.db });
    const actor = coordinator();
    const report = await service.create(actor, { original: Buffer.from(SEED), fileName: 'a.txt', extraction: (await import('./ingest')).extractReportText(SEED) });
    const before = { orgs: await count('organizations'), people: await count('people'), events: await count('events'), sources: await count('report_sources') };
    await expect(
      service.confirm(actor, report.id, body(x, existing) as never, {
        beforeEvent: () => Promise.reject(new Error('midway')),
      }),
    ).rejects.toThrow('midway');
    expect({ orgs: await count('organizations'), people: await count('people'), events: await count('events'), sources: await count('report_sources') }).toEqual(before);
    expect((await service.get(actor, report.id)).status).toBe('draft');
  });

  it('keeps reports within the coordinator’s districts and refuses viewers', async () => {
    const service = createReportsService({ db: t.database.db });
    const report = await service.create(coordinator('310115'), { original: Buffer.from('x'), fileName: null, extraction: (await import('./ingest')).extractReportText(SEED) });
    const other = coordinator('310112');
    await expect(service.get(other, report.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const existing = await makeOrganization(t.app, { name: `别区${tag()}协会`, districtCode: '310112' });
    await expect(service.confirm(other, report.id, body(tag(), existing) as never)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the owner may not place the event in a district they do not look after
    await expect(service.confirm(coordinator('310115'), report.id, { ...body(tag(), existing), districtCode: '310112' } as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await service.get(coordinator('310115'), report.id)).status).toBe('draft');
    expect((await service.list(other, { page: 1, pageSize: 200 })).items.map((r) => r.id)).not.toContain(report.id);
    const { session } = await loginAs(t.app, { role: 'viewer' });
    expect((await session.get(`/api/reports/${report.id}`)).statusCode).toBe(403);
    expect((await session.send('POST', '/api/reports', { text: SEED })).statusCode).toBe(403);
  });
});
