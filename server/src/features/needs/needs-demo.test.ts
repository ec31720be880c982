import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../lib/actor';
import { loadDemoData } from '../../demo/load-demo';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';

const t = useTestApp();
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('demo needs', () => {
  it('loads illustrative needs of the kinds the articles name, marked demo, with services and ratings; matching finds the named experts', async () => {
    const counts = await loadDemoData(t.app.services.db, systemActor());
    expect(counts.need).toBe(10);
    const needs = rows<{ title: string; category: string; status: string; demo: boolean; rating: number | null; description: string }>(
      await t.app.services.db.execute(sql`select title, category, status, demo, rating, description from needs`),
    );
    expect(needs).toHaveLength(10);
    expect(needs.every((n) => n.demo && n.description.includes('示例'))).toBe(true);
    expect(new Set(needs.map((n) => n.category))).toEqual(new Set(['technology', 'listing', 'financing', 'overseas', 'legal', 'ip', 'talent', 'policy', 'other']));
    expect(needs.filter((n) => n.status === 'confirmed').every((n) => n.rating !== null)).toBe(true);
    const records = rows<{ n: number }>(await t.app.services.db.execute(sql`select count(*)::int as n from service_records where demo`));
    expect(records[0]!.n).toBe(6);

    // a 闵行 coordinator sees the 莘庄 enterprises' needs; the legal need ranks the lawyer the articles name
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310112' }] });
    const list = (await session.get('/api/needs?category=ip')).json();
    expect(list.items.map((n: { title: string }) => n.title)).toEqual(['云计算软件知识产权保护与专利布局']);
    const legal = (await session.get(`/api/needs?category=legal`)).json().items[0];
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const matches = (await admin.get(`/api/needs/${legal.id}/matches?type=person&limit=5`)).json();
    expect(matches.items.map((m: { name: string }) => m.name)).toContain('段祺华');
  });
});
