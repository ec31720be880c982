import { pinyin } from 'pinyin-pro';
import { stripPinyinAnnotations } from '../../../lib/text';

/** Toneless annotation candidates: 們(men), 的(de). Removed only when it IS the character's reading. */
const TONELESS = /(\p{Script=Han})[(（] ?([a-zü]{1,6}) ?[)）]/gu;
/** An annotation cut off at the end of a line or text: 網(wǎ⏎ */
const CUT_OFF = /(?<=\p{Script=Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{0,8}$/gmu;

/**
 * Pinyin annotations removed without touching real parentheses: 網(wǎng) → 網 (tone marks: lib/text),
 * 們(men) → 們 only when "men" is a reading of 們 (so 公司(ltd) and 看看新闻(knews) stay), and an
 * annotation cut off at the end of a line (網(wǎ).
 */
export function removePinyinAnnotations(s: string): string {
  let t = stripPinyinAnnotations(s);
  t = t.replace(TONELESS, (m, ch: string, py: string) => {
    const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: false });
    return readings.includes(py) ? ch : m;
  });
  return t.replace(CUT_OFF, (m) => (/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(m) || m.length === 1 ? '' : m));
}
