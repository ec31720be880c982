import type { ErrorBody, ErrorCode, FieldError } from '../../../common/errors';

/** Codes the client adds for failures that never reached the server's error handler. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly requestId: string | undefined;
  readonly fields: FieldError[];

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    requestId?: string;
    fields?: FieldError[];
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export const csrfCookieName = 'tx_csrf';
export const csrfHeaderName = 'x-csrf-token';

let acceptLanguage: 'zh-CN' | 'en' = 'zh-CN';
/** Called by the i18n provider so that server messages come back in the user's language. */
export function setApiLocale(locale: 'zh-CN' | 'en'): void {
  acceptLanguage = locale;
}

type AuthRequiredHandler = () => void;
let authRequiredHandler: AuthRequiredHandler = () => {
  if (window.location.pathname !== '/login') {
    const next = window.location.pathname + window.location.search;
    window.location.assign(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  }
};
/** The app registers a router-aware handler; the default reloads the page on /login. */
export function onAuthRequired(handler: AuthRequiredHandler): void {
  authRequiredHandler = handler;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `/api/x` + query string, leaving out empty values. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** false: a 401 AUTH_REQUIRED is only thrown, not turned into a redirect to /login. */
  authRedirect?: boolean;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new ApiError({
      status: response.status,
      code: body.code,
      message: body.message,
      requestId: body.requestId,
      fields: Array.isArray(body.fields) ? body.fields : [],
    });
  }
  return new ApiError({
    status: response.status,
    code: 'UNKNOWN',
    message: response.statusText || `HTTP ${response.status}`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(csrfCookieName);
    if (csrf) headers[csrfHeaderName] = csrf;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Network error' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && error.code === 'AUTH_REQUIRED' && options.authRedirect !== false) {
      authRequiredHandler();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
