import { ORG_SUFFIX, type OrgMention } from './orgs';
import { DISTRICTS } from './places';

export interface RoleMention {
  name: string;
  start: number;
  end: number;
}

const SEP = /、|和|与|及|以及|,|，/;
const DISTRICT_BODY = new RegExp(`(${DISTRICTS.map((d) => d.full).join('|')}|${DISTRICTS.map((d) => d.short).join('|')}区)(委|政府)`);

/** Splits "A、B和C" into its items with offsets; a bare 区委/区政府 after "X区…" becomes "X区政府". */
export function splitParties(s: string, offset: number): RoleMention[] {
  const out: RoleMention[] = [];
  let pos = 0;
  let district = '';
  for (const part of s.split(SEP)) {
    const start = s.indexOf(part, pos);
    pos = start + part.length;
    let name = part.trim().replace(/^(由|经|在)/, '');
    if (!name) continue;
    const d = DISTRICT_BODY.exec(name);
    if (d) district = d[1];
    if (/^区(委|政府)/.test(name) && district) name = district.replace(/新?区$/, '') + name;
    out.push({ name, start: offset + start, end: offset + start + part.length });
  }
  return out;
}

const ORGANIZE = /([^,，。;；:：]{2,120}?)(?:联合|共同)?(主办|举办|承办|协办|牵头|发起|指导)(?!单位|人|方|成员|意见|作用|思想)/g;

/**
 * 主办 / 联合举办 / 牵头 / 发起 → organizers, 承办 / 协办 → undertakers, 指导 → guiding units:
 * the parties named before the verb in the same clause ("由A、B主办", "A、B联合举办", "在A指导下").
 * "举办" counts only with 联合/共同 or after 由.
 */
export function organizerRoles(body: string, offset: number) {
  const organizers: RoleMention[] = [];
  const undertakers: RoleMention[] = [];
  const guiding: RoleMention[] = [];
  for (const m of body.matchAll(ORGANIZE)) {
    let subject = m[1];
    const verb = m[2];
    const joint = /(联合|共同)$/.test(body.slice(m.index, m.index + m[0].length - verb.length));
    const byIdx = subject.lastIndexOf('由');
    const inIdx = subject.lastIndexOf('在');
    if (verb === '举办' && !joint && byIdx < 0) continue;
    // 统筹指导、政策支持: 指导 as a noun in a list
    if (verb === '指导' && body[m.index + m[0].length] === '、') continue;
    let subStart = m.index;
    if (byIdx >= 0) {
      subStart += byIdx + 1;
      subject = subject.slice(byIdx + 1);
    } else if (verb === '指导' && inIdx >= 0) {
      subStart += inIdx + 1;
      subject = subject.slice(inIdx + 1);
    } else if (byIdx < 0 && verb !== '指导' && /举行|召开|活动|会议/.test(subject)) continue;
    subject = subject.replace(/(联合|共同)$/, '');
    if (/^(的|了|将|并)/.test(subject) || subject.length > 100) continue;
    let parties = splitParties(subject, offset + subStart).filter((p) => p.name.length >= 3 && !/^(本次|此次|活动|会议)/.test(p.name));
    // without 由 / 在…下 the subject must be organisations, not a sentence
    const introduced = byIdx >= 0 || (verb === '指导' && inIdx >= 0 && body.slice(m.index + m[0].length).startsWith('下'));
    if (!introduced && !parties.every((p) => ORG_SUFFIX.test(p.name))) parties = [];
    if (verb === '指导' && inIdx >= 0 && byIdx < 0 && !introduced) parties = [];
    const target = verb === '指导' ? guiding : verb === '承办' || verb === '协办' ? undertakers : organizers;
    for (const p of parties) if (!target.some((t) => t.name === p.name)) target.push(p);
  }
  return { organizers, undertakers, guiding };
}

/**
 * "ORG1、ORG2主题教育联学会在…举行": when the event sentence's subject opens with recognised
 * organisations, they are the organizers.
 */
export function subjectOrganizers(sentence: string, offset: number, orgs: OrgMention[]): RoleMention[] {
  const m = /^(?:[^,，]*[,，])?([^,，]{4,120}?)(?:在|于)[^,，。]{2,30}(?:举行|举办|召开)/.exec(sentence);
  if (!m) return [];
  const subject = m[1];
  const subStart = offset + sentence.indexOf(subject);
  const out: RoleMention[] = [];
  let pos = 0;
  for (const part of subject.split(/、|和|与/)) {
    const at = subject.indexOf(part, pos);
    pos = at + part.length;
    const org = orgs.find((o) => o.start === subStart + at && part.startsWith(o.name));
    if (!org) break;
    // "X成立大会 / X揭牌仪式": X is what the event is about, not who held it
    if (/^(成立|揭牌|启动|授牌|年会|换届)/.test(part.slice(org.name.length))) break;
    out.push({ name: org.name, start: org.start, end: org.end });
  }
  return out;
}

export interface AgreementMention {
  type: string;
  parties: RoleMention[];
  start: number;
  end: number;
}

const AGREEMENT = /([^,，。;；:：]{4,200}?)(?:共同|正式|现场|分别|当场)?(?:签订|签署|签约)了?([^,，。;；]{0,30}?(?:协议|备忘录|协定|合同|意向书|合作书))/g;

/** Agreements: "A、B、C共同签订了X协议" / "A与B签署X备忘录" → type and parties. */
export function agreementsIn(body: string, offset: number): AgreementMention[] {
  const out: AgreementMention[] = [];
  for (const m of body.matchAll(AGREEMENT)) {
    const subject = m[1].replace(/^(活动当天|当天|会上|现场|仪式上|活动中|其间|期间)/, '');
    const subStart = offset + m.index + (m[1].length - subject.length);
    const parties = splitParties(subject, subStart).filter((p) => p.name.length >= 2);
    if (parties.length < 2) continue;
    out.push({ type: m[2].replace(/^了/, ''), parties, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}
