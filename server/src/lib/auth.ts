import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountsService } from '../features/accounts/accounts.service';
import type { Actor } from './actor';
import { AppError } from './errors';

export const SESSION_COOKIE = 'tx_session';
export const CSRF_COOKIE = 'tx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** the authenticated actor (anonymous on public routes) */
    actor(): Actor;
    actorValue?: Actor;
  }
  interface FastifyContextConfig {
    /** reachable without a session (login, health, API description) */
    public?: boolean;
  }
}

export const cookieOptions = (secure: boolean, httpOnly: boolean): CookieSerializeOptions => ({
  path: '/',
  httpOnly,
  secure,
  sameSite: 'strict',
});

const anonymous = (req: FastifyRequest): Actor => ({
  userId: null,
  username: 'anonymous',
  role: 'viewer',
  scopes: [],
  permissions: [],
  requestId: String(req.id),
  ip: req.ip,
});

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Decided on the route Fastify matched (its pattern, after percent-decoding), never on the raw URL:
 * `/%61pi/industries` matches `/api/industries` and needs a session like it. Requests that matched no
 * route go to the not-found handler (404 or the web app's index.html) and carry no data.
 */
export function needsSession(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route === undefined || req.is404) return false;
  return route.startsWith('/api/') && !req.routeOptions.config?.public;
}

/** Every /api route authenticates here unless it says `config: { public: true }`; state changes need the CSRF token. */
export function installAuth(app: FastifyInstance, accounts: AccountsService) {
  app.decorateRequest('actorValue', undefined);
  app.decorateRequest('actor', function (this: FastifyRequest) {
    return this.actorValue ?? anonymous(this);
  });
  app.addHook('onRequest', async (req) => {
    if (!needsSession(req)) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await accounts.resolveSession(token) : undefined;
    if (!session) throw new AppError('AUTH_REQUIRED');
    if (!safeMethods.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) throw new AppError('CSRF');
    const u = session.user;
    req.actorValue = { userId: u.id, username: u.username, role: u.role, scopes: u.scopes, permissions: u.permissions, requestId: String(req.id), ip: req.ip };
  });
}

const loopback = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host.replace(/^\[|\]$/g, ''));

/** The start-up warning when session cookies go without `Secure` to a network beyond this machine. */
export function insecureCookieWarning(env: { HOST: string; TONGXIN_SECURE_COOKIES: boolean }): string | undefined {
  if (env.TONGXIN_SECURE_COOKIES || loopback(env.HOST)) return undefined;
  return (
    `TONGXIN_SECURE_COOKIES 未开启而服务监听 ${env.HOST}：会话 Cookie 可能经明文 HTTP 传输，请在 HTTPS 之后运行并设置 TONGXIN_SECURE_COOKIES=1 / ` +
    `TONGXIN_SECURE_COOKIES is off while listening on ${env.HOST}: session cookies may travel over plain HTTP; serve over HTTPS and set TONGXIN_SECURE_COOKIES=1`
  );
}
