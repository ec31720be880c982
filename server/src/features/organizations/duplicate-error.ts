import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../../common/errors';
import { AppError } from '../../lib/errors';
import { errorMessage, pickLocale } from '../../lib/i18n';

/** 409 DUPLICATE carrying the existing records the new one may duplicate (organisations or people). */
export class DuplicateError extends AppError {
  constructor(
    readonly candidates: unknown[],
    opts: { fields?: FieldError[]; userMessage?: { zh: string; en: string } } = {},
  ) {
    super('DUPLICATE', opts);
  }
}

/**
 * Runs a route's work and answers a DuplicateError itself, with its candidates: the one error handler
 * (lib/http-errors.ts) only knows `{ code, message, requestId, fields }`. Anything else goes on to it.
 * Resolves to undefined when it has answered.
 */
export async function answeringDuplicates<T>(req: FastifyRequest, reply: unknown, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof DuplicateError)) throw e;
    const locale = pickLocale(req.headers['accept-language']);
    const message = e.userMessage ? (locale === 'en' ? e.userMessage.en : e.userMessage.zh) : errorMessage('DUPLICATE', locale);
    await (reply as FastifyReply)
      .code(409)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ code: 'DUPLICATE', message, requestId: String(req.id), fields: e.fields, candidates: e.candidates }));
    return undefined;
  }
}
