import type { ErrorBody, ErrorCode, FieldError } from '../../../common/errors';

/** Codes the client adds for failures that never reached the server's error handler. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly requestId: string | undefined;
  readonly fields: FieldError[];
  /** the whole error body, for the extras some codes carry (`candidates` of DUPLICATE, `report` of IMPORT_INVALID) */
  readonly body: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    requestId?: string;
    fields?: FieldError[];
    body?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
    this.body = init.body ?? {};
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
      body: body as unknown as Record<string, unknown>,
    });
  }
  return new ApiError({
    status: response.status,
    code: 'UNKNOWN',
    message: response.statusText || `HTTP ${response.status}`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

/** fetch with the language, CSRF and error handling every API call shares; resolves only for 2xx. */
async function send(method: string, path: string, options: RequestOptions, body?: BodyInit): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(csrfCookieName);
    if (csrf) headers[csrfHeaderName] = csrf;
  }
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';

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
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await send(method, path, options, body);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name a response offers in Content-Disposition (RFC 5987 `filename*` first). */
function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain filename
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/.exec(header)?.[1]?.trim();
}

/** Downloads a file from the API (with the session and error handling), then hands it to the browser. */
async function download(path: string, options: Omit<RequestOptions, 'body'> & { fileName?: string } = {}): Promise<string> {
  const response = await send('GET', path, options);
  const blob = await response.blob();
  const fileName = dispositionFileName(response.headers.get('content-disposition')) ?? options.fileName ?? 'download';
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

/** POSTs a multipart form (file uploads); the answer is JSON like any other call. */
async function upload<T>(path: string, form: FormData, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  const response = await send('POST', path, options, form);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  download,
  upload,
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
