/**
 * Names, codes and phone numbers unique to one run of the browser tests, so that no test depends on
 * what another (or an earlier attempt) left behind: the suite runs without retries.
 */
import { randomInt } from 'node:crypto';
import { isValidUscc } from '../common/validators';

const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土';
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A few Chinese characters, different on every call (≈ 30⁴ possibilities). */
export const tag = (length = 4) => Array.from({ length }, () => HAN[randomInt(HAN.length)]).join('');

/** A valid 统一社会信用代码 of 浦东 with letters in it, and its check character. */
export function makeUscc(): { code: string; check: string; wrong: string } {
  const body = `91310115MA1${Array.from({ length: 6 }, () => USCC_CHARSET[randomInt(USCC_CHARSET.length)]).join('')}`;
  const check = [...USCC_CHARSET].find((c) => isValidUscc(body + c))!;
  const wrongChar = [...'XY0123'].find((c) => c !== check)!;
  return { code: body + check, check, wrong: body + wrongChar };
}

/** A mainland mobile number nobody else in the demo data has. */
export const mobile = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
