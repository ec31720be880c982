import { z } from 'zod';
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

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

/** A zod issue (as fastify-type-provider-zod passes it on) in the user's language. */
export function issueMessage(issue: Record<string, unknown> & { code?: string; message?: string }, locale: Locale): string {
  // custom messages written in our schemas are already meant for users
  if (issue.code === 'custom' || (issue.message && /[\u4e00-\u9fff]/.test(issue.message) && locale === 'zh-CN')) {
    return issue.message ?? '';
  }
  try {
    const out = zodLocales[locale].localeError?.(issue as never);
    const text = typeof out === 'string' ? out : out?.message;
    return text ?? issue.message ?? '';
  } catch {
    return issue.message ?? '';
  }
}
