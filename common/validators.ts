/** Validators shared by server and web. No Node or React imports here. */

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015
// ---------------------------------------------------------------------------------------------

/** The 31 characters a USCC may use: digits and capitals without I, O, S, V, Z. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of positions 1–17: 3^i mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_LENGTH = 18;

/** The check character for the first 17 characters, or null if one of them is not allowed. */
function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check];
}

/** What is wrong with a 统一社会信用代码, as data: the web and the server word it in the user's language. */
export type UsccIssue =
  | { kind: 'length'; length: number }
  | { kind: 'lowercase' | 'forbiddenLetter' | 'badChar'; char: string }
  | { kind: 'checkChar'; expected: string };

/** The first problem of a 统一社会信用代码, or null when it is valid. Expects it trimmed, in capitals. */
export function usccIssue(code: string): UsccIssue | null {
  const chars = [...code];
  if (chars.length !== USCC_LENGTH) return { kind: 'length', length: chars.length };
  const bad = chars.find((c) => !USCC_CHARSET.includes(c));
  if (bad !== undefined) {
    if (/[a-z]/.test(bad)) return { kind: 'lowercase', char: bad };
    if (/[IOSVZ]/.test(bad)) return { kind: 'forbiddenLetter', char: bad };
    return { kind: 'badChar', char: bad };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { kind: 'checkChar', expected: expected ?? '' };
  return null;
}

/**
 * What is wrong with a 统一社会信用代码, in Chinese for the user, or null when it is valid.
 * Expects the code as stored: trimmed, capital letters.
 */
export function usccProblem(code: string): string | null {
  const issue = usccIssue(code);
  if (!issue) return null;
  switch (issue.kind) {
    case 'length':
      return `长度应为18位（当前为${issue.length}位）`;
    case 'lowercase':
      return `含有非法字符 ${issue.char}（字母应为大写）`;
    case 'forbiddenLetter':
      return `含有非法字符 ${issue.char}（统一社会信用代码不使用 I、O、S、V、Z）`;
    case 'badChar':
      return `含有非法字符 ${issue.char}`;
    case 'checkChar':
      return `校验位应为 ${issue.expected}`;
  }
}

/** True when the code has 18 allowed characters and the right GB 32100-2015 check character. */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

// ---------------------------------------------------------------------------------------------
// 上海市 districts, GB/T 2260 codes
// ---------------------------------------------------------------------------------------------

export interface ShanghaiDistrict {
  code: string;
  name: string;
  nameEn: string;
}

export const shanghaiDistricts: readonly ShanghaiDistrict[] = [
  { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
  { code: '310104', name: '徐汇区', nameEn: 'Xuhui' },
  { code: '310105', name: '长宁区', nameEn: 'Changning' },
  { code: '310106', name: '静安区', nameEn: "Jing'an" },
  { code: '310107', name: '普陀区', nameEn: 'Putuo' },
  { code: '310109', name: '虹口区', nameEn: 'Hongkou' },
  { code: '310110', name: '杨浦区', nameEn: 'Yangpu' },
  { code: '310112', name: '闵行区', nameEn: 'Minhang' },
  { code: '310113', name: '宝山区', nameEn: 'Baoshan' },
  { code: '310114', name: '嘉定区', nameEn: 'Jiading' },
  { code: '310115', name: '浦东新区', nameEn: 'Pudong New Area' },
  { code: '310116', name: '金山区', nameEn: 'Jinshan' },
  { code: '310117', name: '松江区', nameEn: 'Songjiang' },
  { code: '310118', name: '青浦区', nameEn: 'Qingpu' },
  { code: '310120', name: '奉贤区', nameEn: 'Fengxian' },
  { code: '310151', name: '崇明区', nameEn: 'Chongming' },
];

const districtByCode = new Map(shanghaiDistricts.map((d) => [d.code, d]));

export function isShanghaiDistrictCode(code: string): boolean {
  return districtByCode.has(code);
}

/** The district's name (English when locale starts with "en"), or undefined for an unknown code. */
export function districtName(code: string, locale = 'zh'): string | undefined {
  const d = districtByCode.get(code);
  if (!d) return undefined;
  return locale.toLowerCase().startsWith('en') ? d.nameEn : d.name;
}

/** Traditional forms of the characters used in district names (common/ cannot load OpenCC). */
const traditionalChars: Readonly<Record<string, string>> = {
  黃: '黄', 匯: '汇', 滙: '汇', 長: '长', 寧: '宁', 靜: '静', 楊: '杨', 閔: '闵', 寶: '宝',
  東: '东', 賢: '贤', 區: '区', 縣: '县', 閘: '闸', 盧: '卢', 灣: '湾', 滬: '沪',
};

/** Former districts, now part of a current one: a name from an old record still finds its district. */
const formerDistricts: Readonly<Record<string, string>> = {
  卢湾: '310101', // merged into 黄浦区 in 2011
  闸北: '310106', // merged into 静安区 in 2015
  南汇: '310115', // merged into 浦东新区 in 2009
  崇明县: '310151', // became 崇明区 in 2016
};

const byKey = new Map<string, string>();
for (const d of shanghaiDistricts) {
  const short = d.name.replace(/新区$|区$/, '');
  const en = d.nameEn.toLowerCase().replace(/[^a-z]/g, '');
  for (const key of [d.name, short, `${short}区`, en, en.replace(/newarea$/, '')]) byKey.set(key, d.code);
}
for (const [name, code] of Object.entries(formerDistricts)) {
  byKey.set(name, code);
  if (!name.endsWith('县')) byKey.set(`${name}区`, code);
}

/**
 * The district code for a name as people write it: 浦东新区, 浦东, 浦東新區, 上海市浦东新区,
 * Pudong, Pudong New Area, Jing'an district, or the code itself. Undefined when not recognised.
 */
export function districtCodeByName(name: string): string | undefined {
  const trimmed = name.trim();
  if (isShanghaiDistrictCode(trimmed)) return trimmed;
  const zh = [...trimmed.replace(/\s+/g, '')]
    .map((c) => traditionalChars[c] ?? c)
    .join('')
    .replace(/^(上海市|上海|沪)/, '');
  const hit = byKey.get(zh);
  if (hit) return hit;
  const en = trimmed
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/^shanghai/, '')
    .replace(/(district|newarea|newdistrict|xinqu|qu)$/, '');
  return en ? byKey.get(en) : undefined;
}

// ---------------------------------------------------------------------------------------------
// phone numbers: the one rule (the form, the API schema, the import and the web form call it)
// ---------------------------------------------------------------------------------------------

const MOBILE = /^1[3-9]\d{9}$/;
/** 区号-号码[-分机]: 021-12345678, 0571-8765432, 12345678, 021-12345678-123 */
const LANDLINE = /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/;

/**
 * Phone numbers as stored: spaces and brackets removed; a mobile loses its dashes and a +86/86 country
 * prefix (138-0013-8000 and +86 138 0013 8000 are 13800138000); a landline keeps its dashes (021-62345678).
 */
export function normalizePhone(v: string): string {
  const t = v.trim().replace(/[\s()（）]/g, '');
  const digits = t.replace(/-/g, '');
  const m = /^(?:\+?86)?(1\d{10})$/.exec(digits);
  return m ? m[1] : t.replace(/^\+?86-?(?=0)/, '');
}
/** A mainland mobile number (normalized). */
export const isMobilePhone = (v: string) => MOBILE.test(v);
/** A mainland mobile or landline number (normalized). */
export const isValidPhone = (v: string) => MOBILE.test(v) || LANDLINE.test(v);
