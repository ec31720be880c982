export interface PersonMention {
  name: string;
  title: string | null;
  start: number;
  end: number;
  confidence: number;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪';
const SURNAME = `(?:欧阳|司马|诸葛|上官|东方|皇甫|[${SURNAMES}])`;

/** Positions and honorifics that end a title written before a name. */
const POSITION =
  '(?:党组书记|副书记|总书记|书记|副部长|部长|副主任|主任|副区长|区长|副市长|市长|副局长|局长|副会长|会长|副院长|院长|副校长|校长|副总经理|总经理|副董事长|董事长|副理事长|理事长|副主席|主席|常委|委员|院士|副教授|教授|研究员|专家|博士|经济学家|合伙人|负责人|副行长|行长|副主委|主委|秘书长|副所长|所长|副总裁|总裁|总监|创始人|镇长|处长|科长|主编|社长|总编辑|馆长|站长|团长|队长|厂长|总工程师|工程师|律师|医师|主任医师|导师|省长|县长|理事|董事|监事|总会计师|首席执行官|CEO|负责同志)';
/** What may follow a name: punctuation or the verbs that follow a speaker or participant in this genre. */
const FOLLOW =
  '(?=[,，、。;；:：\\s(（“]|$|出席|在|表示|对|围绕|介绍|分别|则|强调|等|担任|指出|致辞|主持|作|讲话|参加|以|提到|说|认为|和|与|及|为|还|也|就|向|带领|率|一行|同志|先生|女士|教授|博士|院士|书记|代表|共同|一同|一起|宣布|宣读|发布|颁发|接受|回答|解读|通报|发言|建议|希望|要求|听取|调研|考察|走访|会见|看望|寄语|点评|分享|交流|签署|见证|揭牌|启动)';
const EXCLUDE_BEFORE = /(记者|编辑|作者|通讯员|摄影|供稿|撰稿|责编|实习生|来源)[::\s]*$/;
/** Titles that are honorifics after the name (interleaved titles: 李明教授). */
const AFTER_TITLE = /^(教授|博士|院士|研究员|书记|主任|先生|女士|同志)/;

const TITLE_THEN_NAME = new RegExp(`(${POSITION})(${SURNAME}\\p{Script=Han}{1,2}?)${FOLLOW}`, 'gu');
const NAME_THEN_TITLE = new RegExp(`(?<=^|[,，。;；、:：\\s”])(${SURNAME}\\p{Script=Han}{1,2}?)(书记|教授|院士|博士|研究员)(?!关于|的重要|重要)`, 'gu');

/** Where a title begins: after the last clause boundary or the verb that introduces the person. */
function titleStart(s: string, end: number): number {
  const left = s.slice(0, end);
  let b = Math.max(...[',', '，', '。', ';', '；', ':', '：', '\n', '“', '”', '!', '！', '?', '？'].map((c) => left.lastIndexOf(c))) + 1;
  const verb = /(还邀请|邀请了|邀请|聘请|聘任|会上|当天|其中|此外|同时|期间|由|请|是)/g;
  for (const m of left.slice(b).matchAll(verb)) b = Math.max(b, b + m.index + m[0].length);
  // a title does not start with a date or an adverb
  while (/^[\s]/.test(left.slice(b))) b++;
  return b;
}

/**
 * People named with a title: "TITLE NAME" (区长陈华文, 无党派人士、上海交通大学副校长张兆国) and
 * "NAME TITLE" (陈吉宁书记). A name is a known surname plus one or two characters followed by
 * punctuation or a speaker's verb; the title runs back to the clause boundary. Journalists, editors
 * and authors are left out, and so is 总书记 quoted as a reference.
 */
export function peopleInText(text: string, offset: number): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(TITLE_THEN_NAME)) {
    const nameStart = m.index + m[1].length;
    const name = m[2];
    const tStart = titleStart(text, nameStart);
    let title = text.slice(tStart, nameStart).replace(/\s+/g, '');
    if (EXCLUDE_BEFORE.test(text.slice(0, nameStart)) || /总书记$/.test(title)) continue;
    if (/(记者|编辑|作者|通讯员)/.test(title)) continue;
    title = title.replace(/^(会上|当天|其中|此外|同时|期间)/, '').replace(/^[、,，]+/, '');
    const after = AFTER_TITLE.exec(text.slice(nameStart + name.length));
    if (after && !title.endsWith(after[1])) title = `${title}、${after[1]}`;
    if (title.length > 80 || title.length < 2) continue;
    out.push({ name, title, start: offset + nameStart, end: offset + nameStart + name.length, confidence: 0.8 });
  }
  for (const m of text.matchAll(NAME_THEN_TITLE)) {
    if (EXCLUDE_BEFORE.test(text.slice(0, m.index))) continue;
    if (m[2] === '书记' && text.slice(m.index - 1, m.index) === '总') continue;
    out.push({ name: m[1], title: m[2], start: offset + m.index, end: offset + m.index + m[1].length, confidence: 0.6 });
  }
  return out;
}

/** First mention with a title wins; later mentions of the same name add nothing. */
export function mergePeople(found: PersonMention[]): PersonMention[] {
  const byName = new Map<string, PersonMention>();
  for (const p of found.sort((a, b) => a.start - b.start)) {
    const cur = byName.get(p.name);
    if (!cur || (!cur.title && p.title)) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => a.start - b.start);
}
