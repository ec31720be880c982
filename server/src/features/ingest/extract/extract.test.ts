import { describe, expect, it } from 'vitest';
import { extractReportText } from '../ingest';

// Short made-up reports of the genre, one per event kind and per page artefact (none copied from the seeds).
const signing = `热点!徐汇区与三家企业签署战略合作协议
发布时间:2025-03-06 来源:徐汇融媒
3月5日下午,徐汇区人民政府与上海某某科技有限公司、上海某某生物医药股份有限公司签署了战略合作框架协议。副区长王海宁出席签约仪式并致辞。
根据协议,三方将在人工智能、生物医药等领域开展合作,共建2个联合实验室,首期投入资金1.5亿元。
责任编辑:李明
上一篇:某某新闻`;

const matchmaking = `長寧區舉辦產業鏈供需對接會
2024年12月3日 來源:長寧區工商聯
11月28日,由長寧區工商聯主辦、長寧區新的社會階層人士聯誼會承辦的產業鏈供需對接會在虹橋臨空經濟示範區舉行。長寧區委常委、統戰部部長劉曉東出席。來自30家企業的代表近80人參加對接,現場達成合作意向12項。
編輯:王五`;

const serviceDay = `奉贤区开展“同心服务日”活动
来源:奉贤统战 2023-09-18
9月16日,在区委统战部指导下,奉贤区知联会组织医疗、法律等领域专家20余人走进南桥镇,开展义诊和法律咨询服务,服务群众超300人次。
区知联会会长、上海某某大学教授陈立群表示,将持续开展专家服务活动。`;

const thinkTank = `宝山区成立“智能制造”产业智库
2025-01-10 09:30 来源:宝山发布
1月9日,宝山区“智能制造”产业智库成立大会在宝山区行政中心召开。智库首批聘任专家36名,涵盖高校、科研院所和龙头企业。
区委书记张建国为专家颁发聘书。宝山区科委、宝山区经委、上海大学等单位相关负责同志参加会议。`;

const forumNoYear = `6月12日,杨浦区“创新创业”论坛在五角场创智天地举行,由杨浦区科委、复旦大学共同举办。
复旦大学副校长、教授许宁生作主旨演讲。论坛设3个分论坛,线上观看超过1万人次。`;

describe('extraction of made-up reports', () => {
  it('an agreement signing: bait prefix dropped, date resolved, parties, figures in 亿元', () => {
    const x = extractReportText(signing);
    expect(x.title).toBe('徐汇区与三家企业签署战略合作协议');
    expect(x.publish_date).toBe('2025-03-06');
    expect(x.event_date).toBe('2025-03-05');
    expect(x).toMatchObject({ city: '上海', district: '徐汇区', event_type: 'agreement_signing' });
    expect(x.agreements[0].parties).toEqual(['徐汇区人民政府', '上海某某科技有限公司', '上海某某生物医药股份有限公司']);
    expect(x.people).toEqual([{ name: '王海宁', title: '副区长' }]);
    expect(x.numbers).toContainEqual({ label: '联合实验室', value: 2 });
    expect(x.people.map((p) => p.name)).not.toContain('李明');
  });

  it('a matchmaking meeting in Traditional characters: 主办 vs 承办, a month before the page date, 近80人', () => {
    const x = extractReportText(matchmaking);
    expect(x.title).toBe('长宁区举办产业链供需对接会');
    expect(x.event_date).toBe('2024-11-28');
    expect(x.district).toBe('长宁区');
    expect(x.event_type).toBe('matchmaking_meeting');
    expect(x.organizers).toEqual(['长宁区工商联']);
    expect(x.undertakers).toEqual(['长宁区新的社会阶层人士联谊会']);
    expect(x.people).toEqual([{ name: '刘晓东', title: '长宁区委常委、统战部部长' }]);
    expect(x.participant_count).toBe(80);
    expect(x.numbers).toEqual(expect.arrayContaining([{ label: '企业', value: 30 }, { label: '现场达成合作意向', value: 12 }]));
    expect(x.people.map((p) => p.name)).not.toContain('王五');
  });

  it('a service day: 指导 is a guide, not an organizer; 超300人次 is a figure, not attendance', () => {
    const x = extractReportText(serviceDay);
    expect(x.event_type).toBe('service_day');
    expect(x.guiding_units).toEqual(['区委统战部']);
    expect(x.organizers).toEqual([]);
    expect(x.event_date).toBe('2023-09-16');
    expect(x.district).toBe('奉贤区');
    expect(x.participant_count).toBeNull();
    expect(x.numbers).toContainEqual({ label: '服务群众(人次)', value: 300 });
    expect(x.people).toEqual([{ name: '陈立群', title: '区知联会会长、上海某某大学教授' }]);
  });

  it('a think tank: venue, Chinese title before the name, 36名 experts', () => {
    const x = extractReportText(thinkTank);
    expect(x.event_type).toBe('think_tank');
    expect(x.venue).toBe('宝山区行政中心');
    expect(x.people).toEqual([{ name: '张建国', title: '区委书记' }]);
    expect(x.numbers).toContainEqual({ label: '智库首批聘任专家', value: 36 });
    expect(x.organizations_mentioned).toEqual(expect.arrayContaining(['宝山区“智能制造”产业智库', '宝山区科委', '上海大学']));
  });

  it('a forum with no year anywhere: the date is null and the partial kept; 共同举办 makes organizers', () => {
    const x = extractReportText(forumNoYear);
    expect(x.publish_date).toBeNull();
    expect(x.event_date).toBeNull();
    expect(x.event_date_partial).toBe('--06-12');
    expect(x.event_type).toBe('forum');
    expect(x.organizers).toEqual(['杨浦区科委', '复旦大学']);
    expect(x.people).toEqual([{ name: '许宁生', title: '复旦大学副校长、教授' }]);
    expect(x.numbers).toEqual(expect.arrayContaining([{ label: '分论坛', value: 3 }, { label: '线上观看(人次)', value: 10000 }]));
  });

  it('reads the attendance written after the noun: 参会人员达300余人', () => {
    const x = extractReportText('5月20日,静安区侨联举办侨界青年座谈会,参会人员达300余人,其中海归青年120名。');
    expect(x.participant_count).toBe(300);
    expect(x.numbers).toContainEqual({ label: '海归青年', value: 120 });
  });

  it('every evidence span points at its quote in the cleaned text', () => {
    for (const report of [signing, matchmaking, serviceDay, thinkTank, forumNoYear]) {
      const x = extractReportText(report);
      for (const e of x.evidence) expect(x.text.slice(e.start, e.end)).toBe(e.quote);
      expect(x.evidence.length).toBeGreaterThan(5);
    }
  });
});
