import type { FieldError } from '../../../../common/errors';
import { AppError } from '../../lib/errors';

/** 409 DUPLICATE carrying the existing records the new one may duplicate (organisations or people) as `candidates`. */
export class DuplicateError extends AppError {
  constructor(
    readonly candidates: unknown[],
    opts: { fields?: FieldError[]; userMessage?: { zh: string; en: string } } = {},
  ) {
    super('DUPLICATE', { ...opts, details: { candidates } });
  }
}
