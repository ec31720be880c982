import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, FieldError } from '../../../common/errors';
import { AppError } from './errors';
import { errorMessage, issueMessage, pickLocale } from './i18n';

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
      const message = err.userMessage ? (locale === 'en' ? err.userMessage.en : err.userMessage.zh) : errorMessage(err.code, locale);
      return send(err.status, { code: err.code, message, fields: err.fields }, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldError[] = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String((err as FastifyError).validationContext ?? ''),
        message: issueMessage({ code: v.keyword, path: v.instancePath.split('/').slice(1), message: v.message, ...v.params }, locale),
      }));
      const first = fields[0];
      const summary = errorMessage('VALIDATION', locale);
      return send(400, { code: 'VALIDATION', message: first ? `${summary}：${first.path} ${first.message}` : summary, fields });
    }
    if ((err as { code?: string }).code === '23505') {
      return send(409, { code: 'CONFLICT', message: errorMessage('CONFLICT', locale) });
    }
    const status = (err as FastifyError).statusCode;
    if (!isResponseSerializationError(err) && status && status >= 400 && status < 500) {
      const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION';
      return send(status, { code, message: `${errorMessage(code, locale)} (${err.message})` });
    }
    req.log.error({ err, requestId }, 'unhandled error');
    return send(500, { code: 'INTERNAL', message: `${errorMessage('INTERNAL', locale)}: ${requestId}` });
  });
}
