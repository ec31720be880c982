/** Error codes shared by server and web. The server maps each to an HTTP status once. */
export const errorCodes = {
  VALIDATION: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  AUTH_LOCKED: 423,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  IMPORT_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  /** dotted path of the field, or "row 3 / 名称" for imports */
  path: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  requestId: string;
  fields?: FieldError[];
}
