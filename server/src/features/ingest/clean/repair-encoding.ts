import iconv from 'iconv-lite';
import { convertT2S, dictionaryCoverage } from '../../../lib/text';

/** A repair made (or doubted) in the text, for the review page and the extraction's flags. */
export interface Repair {
  kind: 'gbk_high_bit' | 'utf8_as_gbk';
  /** the damaged characters as found */
  from: string;
  /** the repaired characters */
  to: string;
  /** offset of `from` in the text given to the repair */
  at: number;
  /** dictionary coverage of the repaired window (0..1) */
  coverage: number;
  /** true when the repair is the best candidate but the dictionary does not clearly confirm it */
  doubtful: boolean;
}

const HAN = /\p{Script=Han}/u;
const gbkDecoder = (b: Buffer) => iconv.decode(b, 'gbk');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

const MAX_SPAN = 24;
const REPAIRED = /^[\p{Script=Han}，。、；：“”（）《》]*\p{Script=Han}[\p{Script=Han}，。、；：“”（）《》]*$/u;
const CONTEXT = 4;

/**
 * Share of the characters of `s` (after Traditional → Simplified) outside GB2312's level-1 block
 * (GBK lead bytes B0–D7: the 3,755 common characters). Ordinary text is mostly level-1; GBK read
 * with a shifted byte and UTF-8 read as GBK land mostly elsewhere. A cheap filter before the
 * dictionary is asked.
 */
export function rareShare(s: string): number {
  let chars = 0;
  let rare = 0;
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) continue;
    chars++;
    if (!isCommon(ch)) rare++;
  }
  return chars ? rare / chars : 0;
}

let level1: Set<string> | undefined;
const commonMemo = new Map<string, boolean>();
function isCommon(ch: string): boolean {
  let v = commonMemo.get(ch);
  if (v === undefined) {
    if (!level1) {
      level1 = new Set();
      for (let lead = 0xb0; lead <= 0xd7; lead++) {
        for (let trail = 0xa1; trail <= 0xfe; trail++) level1.add(iconv.decode(Buffer.from([lead, trail]), 'gbk'));
      }
      for (const p of '，。、；：？！“”‘’（）《》【】…—·') level1.add(p);
    }
    v = level1.has(ch) || level1.has(convertT2S(ch));
    if (commonMemo.size > 50_000) commonMemo.clear();
    commonMemo.set(ch, v);
  }
  return v;
}

function isNonAscii(ch: string | undefined): boolean {
  return ch !== undefined && ch.charCodeAt(0) > 0x7f;
}

/**
 * GBK text whose bytes lost their high bit and was then decoded as GBK again: a lead byte 0xBB
 * becomes ';' (0x3B) and every following byte pairs with the wrong neighbour, so
 * 活動成立了浦東 reads ;顒映闪⒘似謻|. For each ASCII character inside Chinese text whose
 * neighbourhood the dictionary does not cover, the candidate repairs (high bit restored on that
 * byte, the following 1..24 characters re-paired) are scored by dictionary coverage with four
 * characters of context either side; the best one is applied when it raises coverage clearly.
 */
export function repairStrippedHighBit(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  let t = text;
  let from = 0;
  for (let guard = 0; guard < 200; guard++) {
    const i = findCandidate(t, from);
    if (i < 0) break;
    const best = bestHighBitRepair(t, i);
    if (best) {
      repairs.push({ kind: 'gbk_high_bit', from: t.slice(i, best.end), to: best.to, at: i, coverage: best.coverage, doubtful: best.doubtful });
      t = t.slice(0, i) + best.to + t.slice(best.end);
      from = i + best.to.length;
    } else {
      from = i + 1;
    }
  }
  return { text: t, repairs };
}

function findCandidate(t: string, from: number): number {
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) continue;
    // inside Chinese text: a non-ASCII character on both sides
    if (!isNonAscii(t[i - 1]) || !isNonAscii(t[i + 1])) continue;
    const window = t.slice(Math.max(0, i - 6), i + 8);
    // shifted pairs land mostly outside the common block; when they happen to be common characters
    // (出!敝吠卣剐侣), the dictionary alone must find the window unreadable — asked only for the rarer
    // ASCII punctuation: letters, digits and the punctuation every normalised page is full of (,.:;())
    // would ask it everywhere
    const rare = rareShare(window);
    if (rare < 0.2 && /[\w,.:;()]/.test(t[i]!)) continue;
    if (dictionaryCoverage(window) >= (rare < 0.2 ? 0.3 : 0.6)) continue;
    return i;
  }
  return -1;
}

function bestHighBitRepair(t: string, i: number) {
  const before = t.slice(Math.max(0, i - CONTEXT), i);
  type Candidate = { end: number; to: string; coverage: number; gain: number };
  let best: Candidate | undefined;
  // a run cut on half a character is only a fallback, when no run re-synchronises
  let bestDangling: Candidate | undefined;
  for (let end = i + 2; end <= Math.min(t.length, i + MAX_SPAN); end++) {
    const span = t.slice(i, end);
    // a run that ends in U+FFFD lost its last trail byte: the last character cannot be recovered
    const lost = span.endsWith('\uFFFD');
    const bytes = iconv.encode(lost ? span.slice(0, -1) : span, 'gbk');
    if (bytes.length === 0 || bytes[0] > 0x7f || (!lost && span.includes('\uFFFD'))) continue;
    bytes[0] |= 0x80;
    let body = lost ? bytes.subarray(0, bytes.length - 1) : bytes;
    let to = gbkDecoder(body);
    // the re-paired bytes must end on a character boundary: re-encoding gives the same bytes; when
    // the damage also lost a byte (出!敝吠…恿), the run ends on half a character: it is dropped as lost
    let dangling = false;
    if (!iconv.encode(to, 'gbk').equals(body) && body.length > 2) {
      const shorter = body.subarray(0, body.length - 1);
      const toShorter = gbkDecoder(shorter);
      if (iconv.encode(toShorter, 'gbk').equals(shorter)) {
        body = shorter;
        to = toShorter;
        dangling = true;
      }
    }
    // a repair gives Chinese text (Han characters and Chinese punctuation), never ASCII
    if (!REPAIRED.test(to)) continue;
    if (!iconv.encode(to, 'gbk').equals(body)) continue;
    if (lost || dangling) to += '\uFFFD';
    const after = t.slice(end, end + CONTEXT);
    const coverage = dictionaryCoverage(before + to + after);
    const original = dictionaryCoverage(before + span + after);
    const gain = coverage - original;
    if (dangling) {
      if (!bestDangling || gain > bestDangling.gain + 1e-9) bestDangling = { end, to, coverage, gain };
    } else if (!best || gain > best.gain + 1e-9) best = { end, to, coverage, gain };
  }
  const good = (c: Candidate | undefined) => c !== undefined && c.gain >= 0.2 && c.coverage >= 0.4;
  if (!good(best)) best = bestDangling;
  if (!best || !good(best)) return undefined;
  return { ...best, doubtful: best.coverage < 0.7 || best.gain < 0.35 || best.to.endsWith('\uFFFD') };
}

/** Characters that real Chinese punctuation or spacing end a mojibake run on. */
const RUN = /[^\p{ASCII}，。、；：！？“”‘’（）《》【】…—\s]+/gu;

/**
 * UTF-8 text that was decoded as GBK (浦东 → 娴︿笢): each run the dictionary does not cover is
 * re-encoded to GBK bytes and, where a stretch of those bytes is valid UTF-8, decoded as such; the
 * repair is kept when the dictionary covers the result clearly better. A run whose last character
 * was split (odd byte count) is repaired up to it and flagged doubtful.
 */
export function repairUtf8ReadAsGbk(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (run.length < 2 || rareShare(run) < 0.3 || dictionaryCoverage(run) >= 0.3) continue;
    const fixed = repairRun(run);
    if (!fixed) continue;
    const at = m.index;
    out.push(text.slice(last, at), fixed.to);
    last = at + run.length;
    repairs.push({ kind: 'utf8_as_gbk', from: run, to: fixed.to, at, coverage: fixed.coverage, doubtful: fixed.doubtful });
  }
  if (repairs.length === 0) return { text, repairs };
  out.push(text.slice(last));
  return { text: out.join(''), repairs };
}

function repairRun(run: string) {
  const bytes = iconv.encode(run, 'gbk');
  if (!iconv.decode(bytes, 'gbk').startsWith(run.slice(0, 1))) return undefined;
  // decode as much valid UTF-8 as possible from the start; a split last character is dropped
  let end = bytes.length;
  let to: string | undefined;
  for (; end >= 2 && end > bytes.length - 4; end--) {
    try {
      to = utf8Fatal.decode(bytes.subarray(0, end));
      break;
    } catch {
      to = undefined;
    }
  }
  if (!to || !HAN.test(to)) return undefined;
  const coverage = dictionaryCoverage(to);
  if (coverage < dictionaryCoverage(run) + 0.3) return undefined;
  return { to, coverage, doubtful: end < bytes.length || coverage < 0.6 };
}
