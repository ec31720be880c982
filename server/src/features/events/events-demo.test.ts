import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/schema';
import { loadDemoData } from '../../demo/load-demo';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';

const t = useTestApp();
type Summary = { id: string; title: string; kind: string; sequence: number | null; seriesName: string | null; startsAt: string | null };

describe('the demo dataset loads the seed articles’ events', () => {
  it('holds the service day, the forum with its four-party agreement, the 走进闵行 series and every reported figure of demo/figures.json', async () => {
    const counts = await loadDemoData(t.app.services.db, systemActor());
    expect(counts).toMatchObject({ event: 10, agreement: 10 });
    const { session } = await loginAs(t.app, { role: 'admin' });
    const list: { items: Summary[] } = (await session.get('/api/events?pageSize=50')).json();
    const find = (part: string) => list.items.find((e) => e.title.includes(part))!;

    const day = (await session.get(`/api/events/${find('专家服务日').id}`)).json();
    expect(day).toMatchObject({ kind: 'service_day', status: 'finished', districtName: '金山区', recurrence: 'FREQ=YEARLY;BYMONTH=9', startsAt: '2024-09-28T16:00:00.000Z' });
    expect(day.hosts.map((h: { role: string }) => h.role).sort()).toEqual(['guide', 'guide', 'host', 'host']);
    expect(day.groups.map((g: { topic: string }) => g.topic)).toEqual(['低空经济专题组', '新材料专题组', '生物医药专题组', '文旅产业专题组', '乡村振兴专题组']);
    expect(day.people.filter((p: { role: string }) => p.role === 'advice_speaker').map((p: { name: string }) => p.name)).toEqual(['俞飚', '张兆国', '陈洁']);
    // claimed beside recorded: 15 branch venues claimed, one (unnamed) branch row recorded; five topic groups both
    const fig = (label: string) => day.figures.find((f: { label: string }) => f.label === label);
    expect(fig('服务日区分会场')).toMatchObject({ value: 15, recorded: 1 });
    expect(fig('服务日调研专题')).toMatchObject({ value: 5, recorded: 5 });
    expect(fig('服务日金山主会场参加人数')).toMatchObject({ value: 150, qualifier: 'more_than', recorded: 0 });

    const forum = (await session.get(`/api/events/${find('尖峰对话').id}`)).json();
    expect(forum.agreements).toHaveLength(2);
    const coBuild = forum.agreements.find((a: { kind: string }) => a.kind === 'co_construction');
    expect(coBuild.parties).toHaveLength(4);
    expect(coBuild.commitments).toHaveLength(5);
    expect(forum.people.filter((p: { role: string }) => p.role === 'appointed')).toHaveLength(4);

    const series = list.items.filter((e) => e.seriesName?.includes('走进闵行')).sort((a, b) => a.sequence! - b.sequence!);
    expect(series.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(series.every((e) => e.startsAt === null)).toBe(true);

    expect(find('未来车')).toMatchObject({ kind: 'theme_activity' });
    const figures = (await t.app.services.db.execute(sql`select count(*)::int as n from reported_figures`)).rows[0] as { n: number };
    expect(Number(figures.n)).toBe(loadDemo().figures.length);
    // undated events stay out of the calendar feed, dated ones are in it
    const ics = (await t.app.inject({ url: '/api/events.ics' })).body;
    expect(ics).toContain('未来车');
    expect(ics).not.toContain('走进马桥');
  });
});
