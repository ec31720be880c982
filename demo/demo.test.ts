import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { demoFileNames, demoFileSchemas, loadDemo, readDemoFile, seedFiles, shanghaiDistricts } from './schema';

const demo = loadDemo();
const { organizations, people, networks, industries, places, events, agreements, figures } = demo;

/** Ignore quotes, book-title marks, bracket width and spaces when comparing names. */
const normalise = (s: string) =>
  s
    .replace(/[“”"'‘’「」『』《》]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');

type Named = { name: string; aliases?: string[] };
const hasName = (records: Named[], name: string) =>
  records.some((r) => [r.name, ...(r.aliases ?? [])].some((n) => normalise(n) === normalise(name)));

const keysOf = (records: { key: string }[]) => new Set(records.map((r) => r.key));
const orgKeys = keysOf(organizations);
const personKeys = keysOf(people);
const networkKeys = keysOf(networks);
const industryKeys = keysOf(industries);
const placeKeys = keysOf(places);
const eventKeys = keysOf(events);
const agreementKeys = keysOf(agreements);

/** Every value of a string-valued field anywhere in the dataset, with its path. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}
const allStrings = demoFileNames.flatMap((name) => strings(readDemoFile(name), name));

describe('demo files', () => {
  it.each(demoFileNames)('%s.json parses with its schema', (name) => {
    const result = demoFileSchemas[name].safeParse(readDemoFile(name));
    expect(result.success, result.error?.message).toBe(true);
  });

  it.each([
    ['organizations', organizations],
    ['people', people],
    ['networks', networks],
    ['industries', industries],
    ['places', places],
    ['events', events],
    ['agreements', agreements],
  ] as const)('%s keys are unique', (_name, records) => {
    const keys = records.map((r) => r.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('figures are unique by label and scope', () => {
    const ids = figures.map((f) => `${f.scopeType}:${f.scope}:${f.label}`);
    expect(ids.filter((k, i) => ids.indexOf(k) !== i)).toEqual([]);
  });

  it('no organisation name or alias belongs to two organisations', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const o of organizations)
      for (const n of new Set([o.name, ...o.aliases].map(normalise))) {
        const other = owner.get(n);
        if (other !== undefined && other !== o.key) clashes.push(`${n}: ${other} / ${o.key}`);
        owner.set(n, o.key);
      }
    expect(clashes).toEqual([]);
  });

  it('every seed article is the source of some record', () => {
    const used = new Set([
      ...[organizations, people, networks, places, events, agreements].flatMap((rs) => rs.flatMap((r) => r.sources)),
      ...figures.map((f) => f.source),
    ]);
    expect([...seedFiles].filter((f) => !used.has(f))).toEqual([]);
  });
});

describe('cross-references resolve', () => {
  const missing: string[] = [];
  const check = (set: Set<string>, key: string | null | undefined, where: string) => {
    if (key != null && !set.has(key)) missing.push(`${where} → ${key}`);
  };

  for (const o of organizations) {
    check(orgKeys, o.parentKey, `organization ${o.key}.parentKey`);
    o.industries.forEach((k) => check(industryKeys, k, `organization ${o.key}.industries`));
  }
  for (const p of people) {
    p.affiliations.forEach((a) => check(orgKeys, a.organizationKey, `person ${p.key}.affiliations`));
    (p.industries ?? []).forEach((k) => check(industryKeys, k, `person ${p.key}.industries`));
  }
  for (const n of networks) {
    check(networkKeys, n.parentKey, `network ${n.key}.parentKey`);
    (n.industries ?? []).forEach((k) => check(industryKeys, k, `network ${n.key}.industries`));
    for (const m of n.members) {
      check(orgKeys, m.organizationKey, `network ${n.key}.members`);
      check(personKeys, m.personKey, `network ${n.key}.members`);
    }
    (n.relatedOrganizations ?? []).forEach((r) => check(orgKeys, r.organizationKey, `network ${n.key}.related`));
  }
  for (const i of industries) {
    check(industryKeys, i.parentKey, `industry ${i.key}.parentKey`);
    i.upstreamOf.forEach((k) => check(industryKeys, k, `industry ${i.key}.upstreamOf`));
  }
  for (const p of places) {
    check(placeKeys, p.parentKey, `place ${p.key}.parentKey`);
    check(orgKeys, p.organizationKey, `place ${p.key}.organizationKey`);
    (p.networkKeys ?? []).forEach((k) => check(networkKeys, k, `place ${p.key}.networkKeys`));
  }
  for (const e of events) {
    e.venues.forEach((v) => check(placeKeys, v.placeKey, `event ${e.key}.venues`));
    e.hosts.forEach((h) => check(orgKeys, h.organizationKey, `event ${e.key}.hosts`));
    check(eventKeys, e.partOfKey, `event ${e.key}.partOfKey`);
    for (const g of e.groups) {
      check(industryKeys, g.industryKey, `event ${e.key}.groups`);
      g.placeKeys.forEach((k) => check(placeKeys, k, `event ${e.key}.groups`));
    }
    (e.people ?? []).forEach((p) => check(personKeys, p.personKey, `event ${e.key}.people`));
    (e.industries ?? []).forEach((k) => check(industryKeys, k, `event ${e.key}.industries`));
  }
  for (const a of agreements) {
    a.parties.forEach((k) => check(orgKeys, k, `agreement ${a.key}.parties`));
    check(eventKeys, a.eventKey, `agreement ${a.key}.eventKey`);
    (a.networkKeys ?? []).forEach((k) => check(networkKeys, k, `agreement ${a.key}.networkKeys`));
    (a.placeKeys ?? []).forEach((k) => check(placeKeys, k, `agreement ${a.key}.placeKeys`));
  }
  const scopeSets = {
    network: networkKeys,
    event: eventKeys,
    place: placeKeys,
    agreement: agreementKeys,
    organization: orgKeys,
    industry: industryKeys,
  } as const;
  for (const f of figures) {
    if (f.scopeType === 'district' || f.scopeType === 'city') continue; // checked by the schema
    check(scopeSets[f.scopeType], f.scope, `figure ${f.label}.scope`);
  }

  it('every key referenced exists', () => {
    expect(missing).toEqual([]);
  });

  it.each([
    ['organizations', organizations, (o: (typeof organizations)[number]) => o.parentKey ?? null],
    ['networks', networks, (n: (typeof networks)[number]) => n.parentKey],
    ['industries', industries, (i: (typeof industries)[number]) => i.parentKey],
    ['places', places, (p: (typeof places)[number]) => p.parentKey ?? null],
  ] as const)('%s parents form no cycle', (_name, records, parentOf) => {
    const byKey = new Map<string, (typeof records)[number]>(records.map((r) => [r.key, r]));
    for (const r of records) {
      const seen = new Set<string>([r.key]);
      let parent = parentOf(r as never);
      while (parent != null) {
        expect(seen.has(parent), `${r.key} reaches itself`).toBe(false);
        seen.add(parent);
        const next = byKey.get(parent);
        parent = next === undefined ? null : parentOf(next as never);
      }
    }
  });

  it('the industry chain is acyclic', () => {
    const next = new Map(industries.map((i) => [i.key, i.upstreamOf]));
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (k: string): boolean => {
      if (done.has(k)) return true;
      if (visiting.has(k)) return false;
      visiting.add(k);
      const ok = (next.get(k) ?? []).every(visit);
      visiting.delete(k);
      done.add(k);
      return ok;
    };
    expect(industries.every((i) => visit(i.key))).toBe(true);
  });
});

describe('coverage of labels.json', () => {
  // labels.json's organizations_mentioned, organizers and guiding_units, written in Simplified
  // Chinese, with the file each belongs in: bodies go to organizations, groupings to networks,
  // parks, villages and resorts to places.
  const expected: [source: string, name: string, file: 'organizations' | 'networks' | 'places'][] = [
    ['000', '浦东新区“未来车”产业智库', 'networks'],
    ['000', '金桥智能网联汽车产业园', 'places'],
    ['000', '上海创新创业导师团', 'networks'],
    ['000', '浦东新区区委统战部', 'organizations'],
    ['000', '区科经委', 'organizations'],
    ['000', '金桥管理局', 'organizations'],
    ['000', '金桥集团', 'organizations'],
    ['000', '浦东新区新的社会阶层人士联谊会', 'organizations'],
    ['000', '浦东新区外商投资企业协会', 'organizations'],
    ['001', '上海市经济信息化工作党委', 'organizations'],
    ['001', '中共黄浦区委', 'organizations'],
    ['001', '央企外滩党建联盟', 'networks'],
    ['001', '央企外滩科技创新联盟', 'networks'],
    ['001', '中船集团', 'organizations'],
    ['001', '中海信托', 'organizations'],
    ['001', '国药控股', 'organizations'],
    ['001', '中建科创集团', 'organizations'],
    ['001', '上海市委组织部', 'organizations'],
    ['001', '中国船舶集团', 'organizations'],
    ['001', '黄浦区政府', 'organizations'],
    ['001', '市经信委', 'organizations'],
    ['002', '上海市闵行区委', 'organizations'],
    ['002', '闵行区政府', 'organizations'],
    ['002', '新加坡南洋理工大学', 'organizations'],
    ['002', '中国国际金融股份有限公司', 'organizations'],
    ['002', '上海科学技术出版社', 'organizations'],
    ['002', '中国中金财富证券有限公司', 'organizations'],
    ['002', '段和段律师事务所', 'organizations'],
    ['002', '中国建设银行上海闵行支行', 'organizations'],
    ['002', '东浩兰生(集团)有限公司', 'organizations'],
    ['002', '中国建设银行上海市分行', 'organizations'],
    ['002', '莘庄工业区', 'places'],
    ['002', '马桥人工智能试验区', 'places'],
    ['002', '虹桥国际中央商务区', 'places'],
    ['003', '上汽大众', 'organizations'],
    ['003', '沃尔沃', 'organizations'],
    ['003', '国际汽车城集团', 'organizations'],
    ['003', '同济大学汽车学院', 'organizations'],
    ['003', '汽车城街区理事会', 'networks'],
    ['003', '融委会', 'networks'],
    ['004', '上海中青年知识分子联谊会', 'organizations'],
    ['004', '金山区委统战部', 'organizations'],
    ['004', '市委统战部', 'organizations'],
    ['004', '市经信工作党委', 'organizations'],
    ['004', '市经济信息化委', 'organizations'],
    ['004', '上海交通大学', 'organizations'],
    ['004', '华东理工大学', 'organizations'],
    ['004', '东华大学', 'organizations'],
    ['004', '上海师范大学', 'organizations'],
    ['004', '中国科学院上海有机化学研究所', 'organizations'],
    ['004', '上海乐高乐园度假区', 'organizations'],
    ['004', '上海乐高乐园度假区', 'places'],
    ['004', '上海御风未来航空科技有限公司', 'organizations'],
    ['004', '上海天承化学有限公司', 'organizations'],
    ['004', '张江金山园', 'places'],
    ['004', '山塘村', 'places'],
  ];
  const files = { organizations, networks, places } as const;

  it.each(expected)('%s: %s is in %s', (source, name, file) => {
    const records: (Named & { sources: string[] })[] = files[file];
    const found = records.filter((r) => hasName([r], name));
    expect(found.length, `${name} not found`).toBeGreaterThan(0);
    expect(found.some((r) => r.sources.some((s) => s.startsWith(`${source}_`)))).toBe(true);
  });

  it('every person in labels.json is present with that name', () => {
    const expectedPeople = [
      '张峰', '李姝徵',
      '邱爱荃', '陈吉宁',
      '陈华文', '蓝钦扬', '彭文生', '吴显鏖', '段祺华', '刘瀛', '朱春', '黄勇娣',
      '陈通', '程鹏', '刘健', '张英', '罗明陨', '俞飚', '张兆国', '陈洁', '蔡凌',
    ];
    const names = new Set(people.map((p) => p.name));
    expect(expectedPeople.filter((n) => !names.has(n))).toEqual([]);
  });

  it('multi-title strings are split into party and affiliations', () => {
    const zhang = people.find((p) => p.name === '张兆国');
    expect(zhang?.politicalAffiliation).toBe('无党派人士');
    expect(zhang?.affiliations.map((a) => [a.organizationKey, a.position])).toEqual([
      ['sjtu', '副校长'],
      ['sjtu-intellectuals', '会长'],
    ]);
    const yu = people.find((p) => p.name === '俞飚');
    expect(yu?.politicalAffiliation).toBe('无党派人士');
    expect(yu?.affiliations).toHaveLength(3);
    expect(people.find((p) => p.name === '张英')?.politicalAffiliation).toBe('农工党');
    expect(people.find((p) => p.name === '朱春')?.politicalAffiliation).toBe('九三学社');
  });

  it('journalists and editors are staff of their outlet', () => {
    for (const name of ['李姝徵', '邱爱荃', '黄勇娣', '蔡凌']) {
      const p = people.find((x) => x.name === name);
      expect(p?.roles, name).toContain('staff');
      expect(p?.affiliations.every((a) => ['记者', '编辑', '作者'].includes(a.position)), name).toBe(true);
    }
  });

  it('organizers and guiding units are the hosts of their events', () => {
    const hostsOf = (key: string) =>
      events.find((e) => e.key === key)?.hosts.map((h) => `${h.organizationKey}:${h.role}`).sort();
    expect(hostsOf('huangpu-joint-study-0118')).toEqual(['huangpu-district-committee:host', 'sh-eit-party:host']);
    expect(hostsOf('minhang-peak-dialogue-2023')).toEqual(['minhang-district-committee:host', 'minhang-gov:host']);
    expect(hostsOf('sh-non-party-expert-service-day-2024')).toEqual([
      'jinshan-ufwd:host',
      'sh-eit-party:guide',
      'sh-ufwd:guide',
      'sh-youth-intellectuals:host',
    ]);
  });

  it('the four party committees are the parties of the 2023 co-construction agreement', () => {
    const a = agreements.find((x) => x.key === 'minhang-party-co-construction-2023');
    const names = a?.parties.map((k) => organizations.find((o) => o.key === k)?.name);
    expect(names).toEqual([
      '中国中金财富证券有限公司党委',
      '东浩兰生（集团）有限公司党委',
      '中国建设银行上海市分行党委',
      '上海市闵行区委',
    ]);
    expect(a?.signedOn).toBe('2023-10-14');
  });

  it('the 央企外滩党建联盟 declares 13 founding, 22 joint-meeting and 30 member units', () => {
    const alliance = networks.find((n) => n.name === '央企外滩党建联盟');
    expect(alliance?.declaredCounts).toEqual({ founding: 13, joint_meeting: 22, member: 30 });
    expect(networks.find((n) => n.name === '央企外滩科技创新联盟')?.declaredCounts).toEqual({ member: 7 });
    expect(networks.find((n) => n.key === 'pudong-future-car-think-tank')?.declaredCounts).toEqual({ expert: 55 });
  });

  it('every number in labels.json is a figure of its article', () => {
    const numbers: [source: string, value: number][] = [
      ['000', 55], ['000', 3], ['000', 200],
      ['001', 13], ['001', 22], ['001', 30], ['001', 7],
      ['002', 3],
      ['003', 10], ['003', 3], ['003', 5],
      ['004', 15], ['004', 100], ['004', 5], ['004', 150], ['004', 200], ['004', 4000], ['004', 5000], ['004', 20000],
    ];
    const lacking = numbers.filter(
      ([source, value]) => !figures.some((f) => f.value === value && f.source.startsWith(`${source}_`)),
    );
    expect(lacking).toEqual([]);
  });

  it('events carry the dates and participant counts of labels.json', () => {
    const byKey = (k: string) => events.find((e) => e.key === k);
    expect(byKey('pudong-future-car-2024')).toMatchObject({ startDate: '2024-10-12', participantCount: 200 });
    expect(byKey('huangpu-joint-study-0118')).toMatchObject({ startDate: null });
    expect(byKey('huangpu-joint-study-0118')?.dateNote).toContain('1月18日');
    expect(byKey('minhang-peak-dialogue-2023')).toMatchObject({ startDate: '2023-10-14', participantCount: null });
    expect(byKey('sh-non-party-expert-service-day-2024')).toMatchObject({
      startDate: '2024-09-29',
      participantCount: 150,
      districtCode: '310116',
    });
    expect(byKey('sh-non-party-expert-service-day-2024')?.groups).toHaveLength(5);
  });
});

describe('data hygiene', () => {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  // Person names are kept exactly as printed, even where a character has a simplified form.
  const keptNames = people.map((p) => p.name).filter((n) => convert(n) !== n);

  it('only 李姝徵 keeps a traditional character', () => {
    expect(keptNames).toEqual(['李姝徵']);
  });

  it('all text is Simplified Chinese without pinyin annotations', () => {
    const traditional = allStrings.filter(([, s]) => {
      const masked = keptNames.reduce((acc, n) => acc.replaceAll(n, ''), s);
      return convert(masked) !== masked;
    });
    expect(traditional).toEqual([]);
    expect(allStrings.filter(([, s]) => /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(s))).toEqual([]);
  });

  it('holds no credit codes, phone numbers or e-mail addresses', () => {
    expect(organizations.every((o) => o.uscc === null)).toBe(true);
    expect(allStrings.filter(([, s]) => /@|\d{3,4}-?\d{7,8}|1[3-9]\d{9}/.test(s))).toEqual([]);
  });

  it('district codes are Shanghai districts', () => {
    const codes = [...organizations, ...networks, ...places, ...events].map((r) => r.districtCode);
    expect(codes.filter((c) => c !== null && !(c in shanghaiDistricts))).toEqual([]);
  });
});
