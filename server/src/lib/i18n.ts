import type { ErrorCode } from '../../../common/errors';

export type Locale = 'zh-CN' | 'en';

/** zh-CN unless the request prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

const messages: Record<ErrorCode, { 'zh-CN': string; en: string }> = {
  VALIDATION: { 'zh-CN': '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid' },
  AUTH_REQUIRED: { 'zh-CN': '请先登录', en: 'Please log in' },
  AUTH_INVALID: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已锁定 15 分钟',
    en: 'Too many failed logins: the account is locked for 15 minutes',
  },
  CSRF: { 'zh-CN': '请求校验失败，请刷新页面后重试', en: 'Request check failed: reload the page and try again' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到该记录', en: 'Not found' },
  CONFLICT: { 'zh-CN': '与已有记录冲突', en: 'Conflicts with an existing record' },
  DUPLICATE: { 'zh-CN': '可能与已有记录重复', en: 'Looks like a duplicate of an existing record' },
  IMPORT_INVALID: { 'zh-CN': '导入文件中有错误行，未导入任何数据', en: 'The file has invalid rows; nothing was imported' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请联系管理员并提供请求编号', en: 'Internal error: tell an administrator the request id' },
};

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return messages[code][locale];
}

const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

/** The Chinese-only messages of the shared validators (統一社会信用代码) in English. */
const englishOf: [RegExp, (...m: string[]) => string][] = [
  [/^长度应为18位（当前为(\d+)位）$/, (_, n) => `must be 18 characters long (has ${n})`],
  [/^含有非法字符 (.+)（字母应为大写）$/, (_, c) => `contains ${c}: letters must be capitals`],
  [/^含有非法字符 (.+)（统一社会信用代码不使用 I、O、S、V、Z）$/, (_, c) => `contains ${c}: the code never uses I, O, S, V or Z`],
  [/^含有非法字符 (.+)$/, (_, c) => `contains the character ${c}, which is not allowed`],
  [/^校验位应为 (.)$/, (_, c) => `the check character should be ${c}`],
  [/^不是上海市的区级行政区划代码/, () => 'not a Shanghai district code (GB/T 2260)'],
];

/**
 * A message written in our schemas for users, in the user's language: "中文 / English" gives one side;
 * a Chinese-only message is translated when known. Undefined when there is nothing right to show.
 */
export function localizeText(text: string, locale: Locale): string | undefined {
  const cut = text.lastIndexOf(' / ');
  if (cut > 0 && hasChinese(text.slice(0, cut)) && !hasChinese(text.slice(cut + 3))) {
    return locale === 'en' ? text.slice(cut + 3) : text.slice(0, cut);
  }
  const slash = text.lastIndexOf('/ ');
  if (slash > 0 && hasChinese(text.slice(0, slash)) && !hasChinese(text.slice(slash + 2))) {
    return locale === 'en' ? text.slice(slash + 2) : text.slice(0, slash).trimEnd();
  }
  if (locale === 'zh-CN') return hasChinese(text) ? text : undefined;
  if (!hasChinese(text)) return text;
  for (const [re, en] of englishOf) {
    const m = re.exec(text);
    if (m) return en(...m);
  }
  return undefined;
}

type Issue = Record<string, unknown> & { code?: string; message?: string };

const num = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v as number));

const typeNames: Record<string, { 'zh-CN': string; en: string }> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否', en: 'true or false' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  date: { 'zh-CN': '日期', en: 'a date' },
};

const formatNames: Record<string, { 'zh-CN': string; en: string }> = {
  uuid: { 'zh-CN': '不是有效的编号', en: 'not a valid id' },
  guid: { 'zh-CN': '不是有效的编号', en: 'not a valid id' },
  email: { 'zh-CN': '电子邮箱格式不正确', en: 'not an e-mail address' },
  date: { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'date as YYYY-MM-DD' },
  datetime: { 'zh-CN': '时间格式应为 ISO 8601（如 2025-01-31T08:00:00+08:00）', en: 'time as ISO 8601 (2025-01-31T08:00:00+08:00)' },
  url: { 'zh-CN': '网址格式不正确', en: 'not a web address' },
};

/** A zod issue (as fastify-type-provider-zod passes it on) in the user's language, without the field's name. */
export function issueMessage(issue: Issue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const params = (issue.params ?? {}) as Record<string, unknown>;
  if (params.reason === 'unsafe_text') {
    const char = String(params.char);
    return zh ? `含有不允许的控制字符或不可见字符（${char}）` : `contains a control or invisible character (${char})`;
  }
  const written = issue.message ? localizeText(issue.message, locale) : undefined;
  if (issue.code === 'custom') return written ?? (zh ? '取值无效' : 'invalid value');
  const origin = String(issue.origin ?? '');
  switch (String(issue.code)) {
    case 'too_big': {
      const max = num(issue.maximum);
      if (origin === 'string') return zh ? `最多 ${max} 个字符` : `at most ${max} characters`;
      if (origin === 'array' || origin === 'set') return zh ? `最多 ${max} 项` : `at most ${max} items`;
      if (issue.inclusive === false) return zh ? `应小于 ${max}` : `must be less than ${max}`;
      return zh ? `不能大于 ${max}` : `must be at most ${max}`;
    }
    case 'too_small': {
      const min = num(issue.minimum);
      if (origin === 'string') {
        if (min === '1') return zh ? '不能为空' : 'is required';
        return zh ? `至少 ${min} 个字符` : `at least ${min} characters`;
      }
      if (origin === 'array' || origin === 'set') return zh ? `至少 ${min} 项` : `at least ${min} items`;
      if (issue.inclusive === false) return zh ? `应大于 ${min}` : `must be more than ${min}`;
      return zh ? `不能小于 ${min}` : `must be at least ${min}`;
    }
    case 'invalid_type': {
      if (/received undefined/.test(issue.message ?? '')) return zh ? '必填' : 'is required';
      const expected = typeNames[String(issue.expected)];
      return expected ? (zh ? `应为${expected['zh-CN']}` : `must be ${expected.en}`) : zh ? '类型不正确' : 'wrong type';
    }
    case 'invalid_format': {
      if (written && issue.message && !/^Invalid/.test(issue.message) && hasChinese(issue.message)) return written;
      const f = formatNames[String(issue.format)];
      return f ? f[locale] : zh ? '格式不正确' : 'wrong format';
    }
    case 'invalid_value': {
      if (written && issue.message && hasChinese(issue.message)) return written;
      const values = Array.isArray(issue.values) ? issue.values.map((v) => String(v)) : [];
      return zh ? `应为以下之一：${values.join('、')}` : `must be one of: ${values.join(', ')}`;
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(issue.keys) ? issue.keys.join(zh ? '、' : ', ') : '';
      return zh ? `不认识的字段：${keys}` : `unknown fields: ${keys}`;
    }
    case 'not_multiple_of':
      return zh ? `应为 ${num(issue.divisor)} 的倍数` : `must be a multiple of ${num(issue.divisor)}`;
    default:
      return written ?? (zh ? '取值无效' : 'invalid value');
  }
}
