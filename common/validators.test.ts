import { describe, expect, it } from 'vitest';
import {
  districtCodeByName,
  districtName,
  isMobilePhone,
  isValidPhone,
  normalizePhone,
  isShanghaiDistrictCode,
  isValidUscc,
  shanghaiDistricts,
  usccProblem,
} from './validators';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A second, independent check-character computation: weights as 3^i mod 31, not a table. */
function checkChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const c of first17) {
    sum += CHARSET.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

// Published examples; both verified by the computation above.
const published = ['91350100M000100Y43', '91110000802100433B'];

describe('统一社会信用代码', () => {
  it('accepts published valid codes', () => {
    for (const code of published) {
      expect(checkChar(code.slice(0, 17))).toBe(code[17]);
      expect(isValidUscc(code)).toBe(true);
      expect(usccProblem(code)).toBeNull();
    }
  });

  it('accepts codes built with the independent computation, including check value 31 → 0', () => {
    for (const body of ['91310115MA1K4A2B3', '52310000500000000', '00000000000000000', '12100000400000000']) {
      const code = body + checkChar(body);
      expect(isValidUscc(code), code).toBe(true);
    }
    expect(checkChar('00000000000000000')).toBe('0');
  });

  it('rejects every single-character change of a valid code', () => {
    const code = published[0];
    for (let i = 0; i < code.length; i++) {
      const next = CHARSET[(CHARSET.indexOf(code[i]) + 1) % CHARSET.length];
      const changed = code.slice(0, i) + next + code.slice(i + 1);
      expect(isValidUscc(changed), changed).toBe(false);
    }
  });

  it('tells the user what is wrong, in Chinese', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('长度应为18位（当前为17位）');
    expect(usccProblem('9135010OM000100Y43')).toMatch(/^含有非法字符 O/);
    expect(usccProblem('91350100m000100Y43')).toMatch(/^含有非法字符 m（字母应为大写）/);
    expect(usccProblem('91350100M000100Y44')).toBe('校验位应为 3');
    expect(usccProblem('91310000MA1FL0Q878')).toBe(`校验位应为 ${checkChar('91310000MA1FL0Q87')}`);
  });
});

describe('上海市 districts', () => {
  it('lists the 16 districts with unique GB/T 2260 codes', () => {
    expect(shanghaiDistricts).toHaveLength(16);
    expect(new Set(shanghaiDistricts.map((d) => d.code)).size).toBe(16);
    expect(shanghaiDistricts.every((d) => /^3101\d\d$/.test(d.code))).toBe(true);
  });

  it('knows current codes only', () => {
    expect(isShanghaiDistrictCode('310115')).toBe(true);
    expect(isShanghaiDistrictCode('310108')).toBe(false); // 闸北区, merged into 静安区 in 2015
    expect(isShanghaiDistrictCode('110101')).toBe(false);
  });

  it('names a district in Chinese or English', () => {
    expect(districtName('310115')).toBe('浦东新区');
    expect(districtName('310106', 'en')).toBe("Jing'an");
    expect(districtName('310115', 'en-US')).toBe('Pudong New Area');
    expect(districtName('999999')).toBeUndefined();
  });

  it('finds the code from names as people write them', () => {
    for (const name of ['浦东新区', '浦东', '浦東', '浦東新區', '上海市浦东新区', 'Pudong', 'Pudong New Area']) {
      expect(districtCodeByName(name), name).toBe('310115');
    }
    expect(districtCodeByName('徐匯區')).toBe('310104');
    expect(districtCodeByName("Jing'an District")).toBe('310106');
    expect(districtCodeByName('闸北区')).toBe('310106');
    expect(districtCodeByName('崇明县')).toBe('310151');
    expect(districtCodeByName('310101')).toBe('310101');
    expect(districtCodeByName('朝阳区')).toBeUndefined();
    expect(districtCodeByName('')).toBeUndefined();
  });
});

describe('phone numbers (the one rule: form, API, import)', () => {
  it('accepts a mobile with dashes, spaces or +86 as the same number, and keeps a landline dash', () => {
    for (const v of ['13800138000', '138-0013-8000', '138 0013 8000', '+86 138-0013-8000', '86-13800138000']) {
      expect(normalizePhone(v)).toBe('13800138000');
      expect(isValidPhone(normalizePhone(v))).toBe(true);
    }
    expect(normalizePhone('021-6234 5678')).toBe('021-62345678');
    expect(isValidPhone(normalizePhone('021-62345678-123'))).toBe(true);
    expect(isValidPhone(normalizePhone('12345'))).toBe(false);
    expect(isMobilePhone('021-62345678')).toBe(false);
  });
});
