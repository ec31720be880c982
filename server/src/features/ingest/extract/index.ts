import type { Evidence, Extraction } from '../../../../../common/schemas/ingest';
import type { Cleaned } from '../clean';
import { eventDate, publishDate } from './dates';
import { classifyEvent } from './event-type';
import { figuresInText, mergeFigures, participantCount } from './figures';
import { enumerationOrgs, isGenericOrg, mergeOrgs, orgsInSentence, taggedText, type OrgMention } from './orgs';
import { mergePeople, peopleInText } from './people';
import { findCity, findDistrict, findVenue } from './places';
import { dropShortForms, isDescriptiveGroup, onlyAsHonoraryPost } from './org-rules';
import { agreementsIn, organizerRoles, subjectOrganizers, type RoleMention } from './roles';
import { sentences } from './util';

export type ExtractionFields = Omit<Extraction, 'encoding' | 'repairs' | 'text'>;

const SITE_LINE = /(网|新闻|频道|正文|APP|客户端|首页|报|在线|日报|晚报|电视台)$|^[A-Za-z]|[-_|]/;
const BAIT = /^(热点|当前热议|今日热议|热议|最新|快讯|头条|重磅|关注|突发|独家|热门|焦点|当前看点|今日看点|天天热点)[!！:：]\s*/;

/** The headline: the longest header line that is not site furniture, else the 本文链接 / <title> one. */
function findTitle(cleaned: Cleaned): { value: string; start: number; end: number; confidence: number } | null {
  let best: { value: string; start: number; end: number; confidence: number } | null = null;
  for (const l of cleaned.lines) {
    if (l.kind !== 'header') continue;
    const t = l.text.replace(BAIT, '');
    if (t.length < 8 || t.length > 80 || /[。]$/.test(t)) continue;
    const siteLike = SITE_LINE.test(t) && t.length < 16;
    const score = t.length - (siteLike ? 100 : 0);
    if (score > 0 && (!best || t.length > best.value.length)) {
      const start = l.start + (l.text.length - t.length);
      best = { value: t, start, end: start + t.length, confidence: 0.85 };
    }
  }
  if (best) return best;
  if (cleaned.fallbackTitle) return { value: cleaned.fallbackTitle.replace(BAIT, ''), start: -1, end: -1, confidence: 0.6 };
  return null;
}

/**
 * The extraction of one cleaned report into the labels schema, each value with the span of the
 * cleaned text it came from and a confidence. Rules for the genre (Chinese government and
 * association news reports), no model: dates by pattern, places from the district/city tables,
 * organisations by their endings over jieba tokens, people by title + surname + a speaker's verb,
 * figures by number + measure word.
 */
export function extractFields(cleaned: Cleaned): ExtractionFields {
  const evidence: Evidence[] = [];
  const ev = (field: string, index: number | null, start: number, end: number, confidence: number) => {
    if (start >= 0) evidence.push({ field, index, start, end, quote: cleaned.text.slice(start, end), confidence });
  };
  const headerLines = cleaned.lines.filter((l) => l.kind !== 'body');
  const bodyLines = cleaned.lines.filter((l) => l.kind === 'body');
  const bodyStart = bodyLines[0]?.start ?? 0;
  const bodyEnd = bodyLines.length ? bodyLines[bodyLines.length - 1].start + bodyLines[bodyLines.length - 1].text.length : 0;
  const body = cleaned.text.slice(bodyStart, bodyEnd);

  const title = findTitle(cleaned);
  if (title) ev('title', null, title.start, title.end, title.confidence);

  let pub = null as ReturnType<typeof publishDate>;
  for (const l of headerLines) {
    pub = publishDate(l.text, l.start);
    if (pub) break;
  }
  if (pub) ev('publish_date', null, pub.start, pub.end, 0.9);
  const evd = eventDate(body, bodyStart, pub?.value ?? null);
  if (evd) ev('event_date', null, evd.start, evd.end, evd.value ? 0.8 : 0.5);

  const lead = bodyLines[0]?.text ?? '';
  const district = findDistrict(body, bodyStart, lead.length);
  if (district) ev('district', null, district.start, district.end, district.confidence);
  const city = findCity(body, bodyStart, district);
  if (city) ev('city', null, city.start, city.end, city.confidence);
  const venue = findVenue(body, bodyStart);
  if (venue) ev('venue', null, venue.start, venue.end, venue.confidence);

  const kind = classifyEvent(title?.value ?? '', lead, body.slice(lead.length));
  ev('event_type', null, bodyStart, bodyStart + lead.length, kind.confidence);

  // organisations, sentence by sentence, then enumerations
  const sents = sentences(body, bodyStart);
  let found: OrgMention[] = [];
  // the body is cut by jieba once; every sentence and clause takes its words from that one cut
  const words = taggedText(body);
  for (const s of sents) found.push(...orgsInSentence(s.text, s.start, words(s.start - bodyStart, s.start - bodyStart + s.text.length)));
  const known = new Set(found.map((o) => o.name));
  for (const s of sents) {
    let pos = 0;
    for (const clause of s.text.split(/[,，;；:：]/)) {
      const at = s.text.indexOf(clause, pos);
      pos = at + clause.length;
      const base = s.start + at - bodyStart;
      found.push(...enumerationOrgs(clause, s.start + at, known, (a, b) => words(base + a, base + b)));
    }
  }
  found = found.sort((a, b) => a.start - b.start);
  const orgs = mergeOrgs(found);

  const roles = organizerRoles(body, bodyStart);
  let organizers: RoleMention[] = roles.organizers;
  if (organizers.length === 0) {
    const eventSentence = sents.find((s) => /举行|举办|召开/.test(s.text));
    if (eventSentence) organizers = subjectOrganizers(eventSentence.text, eventSentence.start, found);
  }
  const agreements = agreementsIn(body, bodyStart);
  if (organizers.length === 0 && kind.type === 'agreement_signing' && agreements[0]) organizers = agreements[0].parties;

  const people = mergePeople(sents.flatMap((s) => peopleInText(s.text, s.start)));
  const participants = participantCount(body, bodyStart);
  if (participants) ev('participant_count', null, participants.start, participants.end, 0.8);
  const figures = mergeFigures(
    sents.flatMap((s) => figuresInText(s.text, s.start)),
    participants,
  );

  // every organisation the text names, organizers included (report-labels.md)
  // the venue is a building or place, not an organisation mentioned
  const afters = (name: string) => found.filter((o) => o.name === name).map((o) => cleaned.text.slice(o.end, o.end + 6));
  let mentioned = orgs.filter((o) => !isGenericOrg(o.name) && o.name !== venue?.value && !isDescriptiveGroup(o.name) && !onlyAsHonoraryPost(afters(o.name)));
  for (const r of [...organizers, ...roles.undertakers, ...roles.guiding]) {
    if (!mentioned.some((o) => o.name === r.name) && !isGenericOrg(r.name)) mentioned.push({ name: r.name, start: r.start, end: r.end, confidence: 0.75 });
  }
  // a short form written after the full name (浦东新联会 after 浦东新区新的社会阶层人士联谊会) is the same body
  mentioned = dropShortForms(mentioned);
  organizers.forEach((o, i) => ev('organizers', i, o.start, o.end, 0.75));
  roles.guiding.forEach((o, i) => ev('guiding_units', i, o.start, o.end, 0.75));
  roles.undertakers.forEach((o, i) => ev('undertakers', i, o.start, o.end, 0.75));
  mentioned.forEach((o, i) => ev('organizations_mentioned', i, o.start, o.end, o.confidence));
  people.forEach((p, i) => ev('people', i, p.start, p.end, p.confidence));
  figures.forEach((f, i) => ev('numbers', i, f.start, f.end, f.confidence));
  agreements.forEach((a, i) => ev('agreements', i, a.start, a.end, 0.7));

  return {
    title: title?.value ?? null,
    publish_date: pub?.value ?? null,
    event_date: evd?.value ?? null,
    event_date_partial: evd && !evd.value ? evd.partial : null,
    city: city?.value ?? null,
    district: district?.value ?? null,
    venue: venue?.value ?? null,
    event_type: kind.type,
    organizers: organizers.map((o) => o.name),
    guiding_units: roles.guiding.map((o) => o.name),
    undertakers: roles.undertakers.map((o) => o.name),
    organizations_mentioned: mentioned.map((o) => o.name),
    people: people.map((p) => ({ name: p.name, title: p.title })),
    participant_count: participants?.value ?? null,
    numbers: figures.map((f) => ({ label: f.label, value: f.value })),
    agreements: agreements.map((a) => ({ type: a.type, parties: a.parties.map((p) => p.name) })),
    evidence,
  };
}
