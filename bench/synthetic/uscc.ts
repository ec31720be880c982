/**
 * Synthetic 统一社会信用代码 (GB 32100-2015): registration department and kind (2), the
 * district's GB/T 2260 code (6), a 9-character body and the check character. Bodies come from a
 * bijection of a counter, so distinct counters never give the same code.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const BODY_SPACE = 31n ** 9n;
// multiplier coprime with 31^9: x → (x·A + B) mod 31^9 is a permutation of the bodies
const A = 16_180_339_887_498n;
const B = 7_777_777_777n;

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) throw new Error(`not a credit-code character: ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Registration department + kind: 11 机关, 12 事业单位, 13 中央编办其他, 51 社会团体, 91 企业. */
export type UsccPrefix = '11' | '12' | '13' | '51' | '91';

/** A valid credit code; `serial` (e.g. seed × 10^7 + index) picks the body. */
export function syntheticUscc(prefix: UsccPrefix, districtCode: string, serial: number): string {
  let x = ((BigInt(serial) % BODY_SPACE) * A + B) % BODY_SPACE;
  let body = '';
  for (let i = 0; i < 9; i++) {
    body = CHARSET[Number(x % 31n)] + body;
    x /= 31n;
  }
  const first17 = `${prefix}${districtCode}${body}`;
  return first17 + usccCheckChar(first17);
}
