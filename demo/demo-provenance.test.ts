import { describe, expect, it } from 'vitest';
import { loadDemo } from './schema';

/** The demo says only what the five reports say: links no article gives are absent or carry a note. */
const { organizations, people, networks, industries, events, figures } = loadDemo();

describe('only what the reports say (links no article gives are absent or carry a note)', () => {
  const network = (name: string) => networks.find((n) => n.name === name)!;
  const org = (name: string) => organizations.find((o) => o.name === name)!;

  it('the think tank was built by the 统战部 with related bodies: no parent, and they are not its members', () => {
    const thinkTank = network('浦东新区“未来车”产业智库');
    expect(thinkTank.parentKey).toBeNull();
    expect(thinkTank.members).toEqual([]);
    expect(thinkTank.relatedOrganizations?.map((r) => r.organizationKey)).toEqual(['pudong-ufwd', 'pudong-stec', 'jinqiao-bureau', 'jinqiao-group']);
  });

  it('no district mentor team with a made-up name, and the 新联会 is not a "convening" member of "1+36+N"', () => {
    expect(networks.filter((n) => /浦东新区新阶层人士创新创业导师团/.test(n.name))).toEqual([]);
    expect(network('浦东新区新联会“1+36+N”组织体系').members).toEqual([]);
  });

  it('千亿 is a class of industry cluster, not a figure', () => {
    expect(figures.filter((f) => /千亿/.test(f.label) || f.value >= 1e11)).toEqual([]);
  });

  it('the 街区理事会 and the 邻里共同体 hang under nothing the article does not name', () => {
    expect(network('汽车城街区理事会').parentKey).toBeNull();
    expect(network('产业社区邻里共同体').parentKey).toBeNull();
  });

  it('no district where no article gives one', () => {
    expect(['沃尔沃', '同济大学汽车学院', '中国科学院上海有机化学研究所'].map((n) => [n, org(n).districtCode])).toEqual([
      ['沃尔沃', null],
      ['同济大学汽车学院', null],
      ['中国科学院上海有机化学研究所', null],
    ]);
  });

  it('市知联会 is not taken for 上海中青年知识分子联谊会', () => {
    expect(org('上海中青年知识分子联谊会').aliases).not.toContain('市知联会');
    const linked = people.flatMap((p) => p.affiliations).filter((a) => a.organizationName === '市知联会');
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((a) => a.organizationKey === null)).toBe(true);
  });

  it('industries only where an article ties them; the inferred chain links say so', () => {
    for (const name of ['浦东新区区委统战部', '天数智芯', '上海御风未来航空科技有限公司', '中国科学院上海有机化学研究所']) {
      expect(org(name).industries, name).toEqual([]);
    }
    expect(industries.filter((i) => i.upstreamOf.length > 0 && !i.note).map((i) => i.name)).toEqual([]);
  });

  it('the topic groups of the service day are not paired one to one with the service points', () => {
    const day = events.find((e) => e.key === 'sh-non-party-expert-service-day-2024')!;
    expect(day.groups.map((g) => g.placeKeys)).toEqual([[], [], [], [], []]);
    expect(day.groups.every((g) => g.note?.includes('未写明'))).toBe(true);
  });

  it('organisations go by the short name the article writes, with the legal name as an alias', () => {
    expect(org('中船集团').aliases).toEqual(['中国船舶集团', '中国船舶集团有限公司']);
    expect(org('上汽大众').aliases).toEqual(['上汽大众汽车有限公司']);
    expect(org('区科经委').aliases).toEqual(['上海市浦东新区科技和经济委员会']);
    // no legal name where it is not certain
    expect(org('东富龙').aliases).toEqual([]);
    expect(org('沃尔沃').aliases).toEqual([]);
  });
});
