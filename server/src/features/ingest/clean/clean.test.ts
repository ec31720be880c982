import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanCharacters, cleanReport } from './index';
import { htmlMainText } from './html';
import { classifyLines } from './lines';
import { removePinyinAnnotations } from './pinyin';
import { collapseDoubledPunctuation, removeEmoji } from './punctuation';
import { repairStrippedHighBit, repairUtf8ReadAsGbk } from './repair-encoding';
import { decodeBytes } from '../decode';

// Lines copied from ../shared/seeds, and one made-up line per page artefact of report-labels.md.
const seed000Damaged = '浦東新區新階層人士助力“未來車”產業發展主題活動在金橋舉辦;顒映闪⒘似謻|新區“未來車”產業智庫';
const seed000Byline = '中新網(wǎng)上海新聞10月12日電(記者 李姝徵)';
const seed003Doubled = '向產(chǎn)業(yè)集群發(fā)展,、產(chǎn)業(yè)生態(tài)優(yōu)化,、產(chǎn)城深度融合發(fā)力。';

describe('pinyin annotations', () => {
  it('removes tone-marked annotations and keeps real parentheses', () => {
    expect(removePinyinAnnotations(seed000Byline)).toBe('中新網上海新聞10月12日電(記者 李姝徵)');
    expect(removePinyinAnnotations('中國國際金融股份有限公司(中金公司)首席經(jīng)濟(jì)學家')).toBe('中國國際金融股份有限公司(中金公司)首席經濟學家');
  });
  it('removes a toneless annotation only when it is the character’s reading', () => {
    expect(removePinyinAnnotations('我們(men)的網站')).toBe('我們的網站');
    expect(removePinyinAnnotations('看看新闻(knews)报道')).toBe('看看新闻(knews)报道');
    expect(removePinyinAnnotations('东浩兰生(集团)有限公司')).toBe('东浩兰生(集团)有限公司');
  });
  it('removes an annotation cut off at the end of a line', () => {
    expect(removePinyinAnnotations('發(fā)布了新的網(wǎ\n下一段')).toBe('發布了新的網\n下一段');
  });
});

describe('punctuation and emoji', () => {
  it('collapses doubled punctuation (seed 003) and made-up doubles', () => {
    expect(collapseDoubledPunctuation('向产业集群发展,、产业生态优化,、产城深度融合发力。')).toBe('向产业集群发展、产业生态优化、产城深度融合发力。');
    expect(collapseDoubledPunctuation('太好了!!真的吗??会议开始。。')).toBe('太好了!真的吗?会议开始。');
    expect(collapseDoubledPunctuation('他说……等等')).toBe('他说……等等');
  });
  it('drops injected emoji', () => {
    expect(removeEmoji('专家服务日🔥活动👍🏻圆满成功✅')).toBe('专家服务日活动圆满成功');
  });
});

describe('encoding damage', () => {
  it('repairs the high-bit-stripped GBK passage of seed 000', () => {
    const r = repairStrippedHighBit(seed000Damaged);
    expect(r.text).toContain('舉辦活動成立了浦東新區');
    expect(r.repairs).toEqual([expect.objectContaining({ kind: 'gbk_high_bit', to: '活動成立了浦東', doubtful: false })]);
  });
  it('repairs a high-bit-stripped run made here, flagging the character whose byte was lost', () => {
    // Simplified GBK re-synchronises only at the next ASCII byte: the last character of the run is lost (U+FFFD)
    const sentence = '上海市统战部主办的专家服务活动在金山区举行';
    const bytes = iconv.encode(`${sentence},来自各界`, 'gbk');
    const damaged = Buffer.from(bytes);
    damaged[6] &= 0x7f;
    const text = iconv.decode(damaged, 'gbk');
    expect(text).not.toContain('统战部');
    const r = repairStrippedHighBit(text);
    expect(r.text).toBe(`上海市统战部主办的专家服务活动在金山区举\uFFFD,来自各界`);
    expect(r.repairs[0]).toMatchObject({ kind: 'gbk_high_bit', doubtful: true });
    expect(repairStrippedHighBit('智库首批专家55人,ESG能力提升,A股上市,“1+36+N”体系').repairs).toEqual([]);
  });
  it('repairs UTF-8 read as GBK inside good text', () => {
    const moj = iconv.decode(Buffer.from('浦东新区新的社会阶层人士联谊会召开会议', 'utf8'), 'gbk');
    const r = repairUtf8ReadAsGbk(`据报道,${moj}。来自各界代表参加`);
    expect(r.text).toBe('据报道,浦东新区新的社会阶层人士联谊会召开会议。来自各界代表参加');
    expect(repairUtf8ReadAsGbk('来自市、区相关部门的代表参加了活动').repairs).toEqual([]);
  });
});

describe('decoding bytes', () => {
  const text = '上海开展党外知识分子专家服务日活动,助力各区经济社会发展。来自市区相关部门、高校代表150余人参加。';
  it('detects UTF-8, GBK/GB18030 and Big5 and says which', () => {
    expect(decodeBytes(Buffer.from(text, 'utf8'))).toMatchObject({ text, encoding: 'utf-8' });
    expect(decodeBytes(iconv.encode(text, 'gbk'))).toMatchObject({ text, encoding: 'gb18030' });
    expect(decodeBytes(iconv.encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
    const trad = '上海開展黨外知識分子專家服務日活動,助力各區經濟社會發展。來自市區相關部門、高校代表150餘人參加。';
    expect(decodeBytes(iconv.encode(trad, 'big5'))).toMatchObject({ text: trad, encoding: 'big5' });
    expect(decodeBytes(iconv.encode(trad, 'gbk'))).toMatchObject({ text: trad, encoding: 'gb18030' });
  });
});

describe('Traditional → Simplified with names protected', () => {
  it('keeps 李姝徵 and converts the rest', () => {
    expect(cleanCharacters(seed000Byline).text).toBe('中新网上海新闻10月12日电(记者 李姝徵)');
    expect(cleanCharacters(seed003Doubled).text).toBe('向产业集群发展、产业生态优化、产城深度融合发力。');
    expect(cleanCharacters('專家王徵羽出席', ['王徵羽']).text).toBe('专家王徵羽出席');
  });
});

describe('page furniture', () => {
  it('keeps header, meta and body; drops navigation, share widgets, copyright and related lists', () => {
    const page = [
      '您的位置: 首页 > 新闻 > 正文',
      '登录',
      '热点!上海某区召开新阶层人士座谈会',
      '发布时间:2024-06-01 10:00 来源:某区融媒体中心',
      '5月30日,某区新的社会阶层人士联谊会召开座谈会,区委统战部部长王某出席并讲话,来自各界的代表40余人参加。',
      '会议听取了新联会工作报告,研究部署下一阶段工作。',
      '责任编辑:张三',
      '上一篇:某某新闻',
      '00:08',
      '版权所有 © 某某网 沪ICP备12345678号',
    ];
    const c = classifyLines(page);
    expect(c.lines.map((l) => l.kind)).toEqual([
      'boilerplate', 'boilerplate', 'header', 'meta', 'body', 'body', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate',
    ]);
  });
  it('takes the headline from a 本文链接 line when the header has none (seed 001)', () => {
    const c = cleanReport('1月18日,某某会议在某中心举行,来自各方面的代表参加了会议并交流发言。\n本文链接:http://www.example.com/showinfo-28-7046-0.html央地合作加快塑造黄浦产业发展新动能\n声明:本网页内容旨在传播知识');
    expect(c.fallbackTitle).toBe('央地合作加快塑造黄浦产业发展新动能');
    expect(c.text).not.toContain('声明');
  });
  it('takes the main text of an HTML page with Readability', () => {
    const para = '9月29日,上海党外知识分子专家服务日活动在金山区举行。市委常委、统战部部长陈通出席主会场活动并讲话,来自各界的专家150余人参加了活动。';
    const html = `<!doctype html><html><head><title>专家服务日活动举行 - 某某网</title></head><body>
      <nav><a href="/">首页</a> <a href="/news">新闻</a></nav><h1>专家服务日活动举行</h1>
      <div class="info"><span>2024-10-08 09:59 来源:某某网</span></div>
      <article><p>${para}</p><p>${para}</p></article>
      <footer>版权所有 © 某某网</footer></body></html>`;
    const page = htmlMainText(html);
    expect(page.text).toContain('市委常委、统战部部长陈通出席');
    expect(page.text).not.toContain('版权所有');
    const c = cleanReport(html);
    expect(c.lines.find((l) => l.kind === 'header')?.text).toBe('专家服务日活动举行');
    expect(c.lines.find((l) => l.kind === 'meta')?.text).toContain('2024-10-08');
  });
});

describe('high-bit repair when the damage also lost a byte', () => {
  it('restores the high bit of an ASCII punctuation byte and drops the half character at the end', () => {
    // made here: 。 / “ … ” lead bytes lost their high bit, and one trail byte went missing
    const bytes = iconv.encode('为企业“走出去”开拓新市场、寻找新机遇。', 'gbk');
    const open = bytes.indexOf(0xa1, 8); // ” A1 B1
    const damaged = Buffer.concat([bytes.subarray(0, open), Buffer.from([0x21]), bytes.subarray(open + 1, bytes.length - 3), bytes.subarray(bytes.length - 2)]);
    const text = iconv.decode(damaged, 'gbk');
    expect(text).not.toContain('开拓');
    const r = repairStrippedHighBit(text);
    expect(r.text).toContain('开拓新市场');
    expect(r.repairs[0]).toMatchObject({ kind: 'gbk_high_bit', doubtful: true });
    // ordinary text with ASCII punctuation between Chinese words is left alone
    expect(repairStrippedHighBit('活动由区委统战部主办!来自各界的代表参加,现场气氛热烈').repairs).toEqual([]);
  });
});
