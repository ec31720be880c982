import { errorCodes, type ErrorCode, type FieldError } from '../../../common/errors';

/** The one error type of the server; mapped to a response once, in app.ts. */
export class AppError extends Error {
  readonly status: number;
  readonly fields?: FieldError[];
  /** override of the localized default message for the code */
  readonly userMessage?: { zh: string; en: string };
  /** more members of the error body, e.g. the duplicate candidates or an import report */
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    opts: {
      fields?: FieldError[];
      userMessage?: { zh: string; en: string };
      details?: Record<string, unknown>;
      cause?: unknown;
      status?: number;
    } = {},
  ) {
    super(opts.userMessage?.en ?? code, { cause: opts.cause });
    this.status = opts.status ?? errorCodes[code];
    this.fields = opts.fields;
    this.userMessage = opts.userMessage;
    this.details = opts.details;
  }
}

export const forbidden = () => new AppError('FORBIDDEN');
export const notFound = () => new AppError('NOT_FOUND');
