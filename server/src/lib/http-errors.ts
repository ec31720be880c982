import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, FieldError } from '../../../common/errors';
import { AppError } from './errors';
import { fieldLabel } from '../../../common/field-labels';
import { errorMessage, issueMessage, localizeText, pickLocale, type Locale } from './i18n';

/** Fastify's own client errors (bad JSON, wrong content type, too large) in the user's words, never its English text. */
const clientErrors: Record<number, { 'zh-CN': string; en: string }> = {
  400: { 'zh-CN': '请求格式有误（不是有效的 JSON 或缺少内容）', en: 'Malformed request (not valid JSON, or empty)' },
  413: { 'zh-CN': '请求内容过大', en: 'The request is too large' },
  415: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
};

/** "提交的内容有误：名称 最多 200 个字符" — the first field named by its label. */
function summary(locale: Locale, first: FieldError | undefined): string {
  const head = errorMessage('VALIDATION', locale);
  if (!first) return head;
  const label = fieldLabel(first.path, locale);
  return locale === 'en' ? `${head}. ${label}: ${first.message}` : `${head}。${label}：${first.message}`;
}

/** A field error of an AppError in the user's language ("中文 / English" messages give one side). */
const localizeField = (f: FieldError, locale: Locale): FieldError => ({ ...f, message: localizeText(f.message, locale) ?? f.message });

/** The one place where errors become responses: `{ code, message, requestId, fields? }` in the user's language. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    const requestId = String(req.id);
    const send = (status: number, body: Omit<ErrorBody, 'requestId'>, details?: Record<string, unknown>) =>
      reply
        .code(status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ ...details, ...body, requestId }));

    if (err instanceof AppError) {
      if (typeof err.details?.retryAfter === 'number') reply.header('retry-after', String(err.details.retryAfter));
      const message = err.userMessage ? (locale === 'en' ? err.userMessage.en : err.userMessage.zh) : errorMessage(err.code, locale);
      return send(err.status, { code: err.code, message, fields: err.fields?.map((f) => localizeField(f, locale)) }, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldError[] = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String((err as FastifyError).validationContext ?? ''),
        message: issueMessage({ code: v.keyword, path: v.instancePath.split('/').slice(1), message: v.message, ...v.params }, locale),
      }));
      return send(400, { code: 'VALIDATION', message: summary(locale, fields[0]), fields });
    }
    if ((err as { code?: string }).code === '23505') {
      return send(409, { code: 'CONFLICT', message: errorMessage('CONFLICT', locale) });
    }
    const status = (err as FastifyError).statusCode;
    if (!isResponseSerializationError(err) && status && status >= 400 && status < 500) {
      const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION';
      return send(status, { code, message: clientErrors[status]?.[locale] ?? errorMessage(code, locale) });
    }
    req.log.error({ err, requestId }, 'unhandled error');
    return send(500, { code: 'INTERNAL', message: `${errorMessage('INTERNAL', locale)}: ${requestId}` });
  });
}
