const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals (三, 十五, 二十, 一百二十, 百, 两千) → number; null when not a numeral. */
export function chineseNumber(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch in UNIT) {
      section += (digit ?? 1) * UNIT[ch];
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** "200", "2.5", "三", "2万" → number (万 and 亿 multiply). */
export function parseNumber(num: string, mult?: string): number | null {
  let v = /^\d+(\.\d+)?$/.test(num) ? Number(num) : chineseNumber(num);
  if (v === null || Number.isNaN(v)) return null;
  if (mult === '万') v *= 10000;
  if (mult === '亿') v *= 100000000;
  return Math.round(v * 100) / 100;
}

export const NUM = '\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+';
