import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAs, makeOrganization } from '../../test/factories';
import { makeOrg, makePerson } from '../../test/factories-directory';
import { makePlace } from '../../test/factories-networks';
import { useTestApp } from '../../test/build-test-app';
import { organizationListQuery } from '../../../../common/schemas/organizations';
import { systemActor } from '../../lib/actor';
import { countingDb } from '../../test/counting-db';
import { createOrganizationService } from '../organizations/organizations.service';
import { COUNT_LIMIT, pageTotal, roundEstimate } from './list-query';

const t = useTestApp();
const PUDONG = '310115';

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((i) => i.name);

describe('list pages search through the search index, with pinyin', () => {
  it('finds organisations by pinyin and initials of a word inside the name, not only from its start', async () => {
    await makeOrg(t.app, { name: '上海金桥（集团）有限公司' });
    await makeOrg(t.app, { name: '上海未来车产业发展有限公司' });
    await makeOrg(t.app, { name: '上海天承化学有限公司' });
    const { session } = await loginAs(t.app, { role: 'admin' });
    for (const q of ['jinqiao', 'jq', 'jinq', '金桥', 'shjq']) {
      const res = await session.get(`/api/organizations?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(names(res), q).toContain('上海金桥（集团）有限公司');
      expect(names(res), q).not.toContain('上海天承化学有限公司');
    }
    expect(names(await session.get('/api/organizations?q=wlc'))).toContain('上海未来车产业发展有限公司');
    expect(names(await session.get('/api/organizations?q=weilaiche'))).toContain('上海未来车产业发展有限公司');
    // Traditional input finds the Simplified name
    expect(names(await session.get(`/api/organizations?q=${encodeURIComponent('金橋')}`))).toContain('上海金桥（集团）有限公司');
    // a company form alone is no pinyin key: yxgs does not list every company
    expect(names(await session.get('/api/organizations?q=yxgs'))).not.toContain('上海天承化学有限公司');
  });

  it('finds people by pinyin initials and full pinyin, places and their address by words', async () => {
    await makePerson(t.app, { name: '张兆国', districtCode: PUDONG });
    await makePerson(t.app, { name: '李四海', districtCode: PUDONG });
    await makePlace(t.app, { name: '金桥智能制造产业园' });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    for (const q of ['zzg', 'zhangzhaoguo', 'zhaoguo', '兆国']) {
      const res = await session.get(`/api/people?q=${encodeURIComponent(q)}`);
      expect(names(res), q).toEqual(['张兆国']);
    }
    expect(names(await session.get('/api/places?q=jqzn'))).toEqual(['金桥智能制造产业园']);
  });

  it('sorts names by pinyin, not by code point, both ways', async () => {
    const tag = `排序${Date.now() % 100000}`;
    // code-point order would be 张 (U+5F20) < 阿 (U+963F) < 黄 (U+9EC4); pinyin order is a < huang < zhang
    for (const n of ['张', '阿', '黄']) await makeOrganization(t.app, { name: `${n}${tag}` });
    const { session } = await loginAs(t.app, { role: 'admin' });
    const asc = names(await session.get(`/api/organizations?q=${encodeURIComponent(tag)}&sort=name`));
    expect(asc).toEqual([`阿${tag}`, `黄${tag}`, `张${tag}`]);
    const desc = names(await session.get(`/api/organizations?q=${encodeURIComponent(tag)}&sort=-name`));
    expect(desc).toEqual([`张${tag}`, `黄${tag}`, `阿${tag}`]);
  });
});

describe('a coordinator pages through a keyword’s matches', () => {
  it('sees every person of their district and every person working at one of its organisations, once, in pinyin order, across pages', async () => {
    const tag = `翻页${Date.now() % 100000}`;
    const jinshan = '310116';
    const pudongOrg = await makeOrg(t.app, { name: `浦东单位${tag}`, districtCode: PUDONG });
    const visible: string[] = [];
    const hidden: string[] = [];
    // interleaved in pinyin order (the surname leads), so the reached and the hidden fall on every page
    const surnames = [...'阿白陈丁方高韩金李马彭秦孙王谢杨张'].map((surname, i) => [i, surname] as const);
    // written in reverse, so the order the rows are stored in is not the order asked for
    for (const [i, surname] of surnames.toReversed()) {
      const name = `${surname}${tag}`;
      const kind = i % 4;
      if (kind === 0) await makePerson(t.app, { name, districtCode: PUDONG });
      if (kind === 1) await makePerson(t.app, { name, districtCode: jinshan, affiliations: [{ organizationId: pudongOrg.id, organizationName: pudongOrg.name }] });
      if (kind === 2) {
        const p = await makePerson(t.app, { name, districtCode: jinshan, affiliations: [{ organizationId: pudongOrg.id, organizationName: pudongOrg.name }] });
        await t.app.services.db.execute(sql`update affiliations set end_on = '2006-06-30' where person_id = ${p.id}`);
      }
      if (kind === 3) await makePerson(t.app, { name, districtCode: jinshan });
      (kind < 2 ? visible : hidden).unshift(name);
    }
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await session.get(`/api/people?q=${encodeURIComponent(tag)}&pageSize=3&page=${page}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(visible.length);
      seen.push(...names(res));
    }
    // the surnames were written in pinyin order, so `visible` is the expected order
    expect(seen).toEqual(visible);
    for (const name of hidden) expect(seen).not.toContain(name);
  });
});

describe('list totals', () => {
  it('are exact up to 10,000 and estimates beyond, marked as such', async () => {
    const db = t.app.services.db;
    const small = await pageTotal(db, sql`select g from generate_series(1, 5000) g`, { page: 1, pageSize: 20, rows: 20 });
    expect(small).toEqual({ total: 5000, totalEstimated: false });
    const large = await pageTotal(db, sql`select g from generate_series(1, 20000) g`, { page: 1, pageSize: 20, rows: 20 });
    expect(large.totalEstimated).toBe(true);
    expect(large.total).toBeGreaterThan(COUNT_LIMIT);
    // a page that is not full ends the list: no count needed
    expect(await pageTotal(db, sql`select 1 where false`, { page: 3, pageSize: 20, rows: 7 })).toEqual({ total: 47, totalEstimated: false });
    expect(roundEstimate(1_003_214)).toBe(1_000_000);
    expect(roundEstimate(10_001)).toBe(10_000);
  });

  it('reach the API: a short list is exact and not marked', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const res = await session.get('/api/organizations?pageSize=5');
    expect(res.statusCode).toBe(200);
    expect(res.json().totalEstimated).toBe(false);
    expect(res.json().total).toBeGreaterThanOrEqual(res.json().items.length);
  });
});

describe('the same list page asked for together', () => {
  it('is read once for everyone, and again for who asks after the write that follows', async () => {
    await makeOrg(t.app, { name: '同页读取测试一号公司', districtCode: PUDONG });
    const counted = countingDb(t.database);
    const orgs = createOrganizationService({ db: counted.db });
    const admin = systemActor('test');
    const query = organizationListQuery.parse({ q: '同页读取测试', pageSize: '20' });
    const pageReads = /from "organizations" inner join "search_documents"/;
    counted.reset();
    const pages = await Promise.all(Array.from({ length: 10 }, () => orgs.list(admin, query)));
    expect(pages.every((p) => p.items.map((i) => i.name).join() === '同页读取测试一号公司')).toBe(true);
    expect(counted.count(pageReads)).toBe(1);
    // a record written after that read is in the next one: nothing was kept
    await makeOrg(t.app, { name: '同页读取测试二号公司', districtCode: PUDONG });
    const after = await Promise.all([orgs.list(admin, query), orgs.list(admin, query)]);
    expect(after.map((p) => p.items.length)).toEqual([2, 2]);
    expect(counted.count(pageReads)).toBe(2);
  });
});
