import { randomBytes } from 'node:crypto';
import type { Role, Scope } from '../../../common/schemas/accounts';
import type { OrganizationKind } from '../../../common/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { TongxinApp } from '../app';
import { organizations } from '../db/schema';
import { hashPassword } from '../features/accounts/passwords';
import { insertUser } from '../features/accounts/accounts.repository';
import { indexForSearch } from './search-docs';

const uid = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'Test-Passw0rd!';
let passwordHash: Promise<string> | undefined;

export async function makeUser(app: TongxinApp, opts: { role?: Role; scopes?: Scope[]; username?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `u_${uid()}`;
  return insertUser(app.services.db, {
    username,
    displayName: `测试用户 ${username}`,
    passwordHash: await passwordHash,
    role: opts.role ?? 'coordinator',
    scopes: opts.scopes ?? [],
  });
}

export async function makeOrganization(
  app: TongxinApp,
  opts: { name?: string; kind?: OrganizationKind; districtCode?: string | null; uscc?: string | null } = {},
) {
  const [row] = await app.services.db
    .insert(organizations)
    .values({
      name: opts.name ?? `测试单位${uid()}`,
      kind: opts.kind ?? 'enterprise',
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      uscc: opts.uscc ?? null,
    })
    .returning();
  await indexForSearch(app, { kind: 'organization', row: row! });
  return row!;
}

export interface Session {
  cookie: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Log in through the real route and return a client that carries the cookies and the CSRF token. */
export async function login(app: TongxinApp, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = cookies.find((c) => c.name === 'tx_csrf')!.value;
  return {
    cookie,
    csrf,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, payload, headers = {}) =>
      app.inject({ method, url, payload: payload as never, headers: { cookie, 'x-csrf-token': csrf, ...headers } }),
  };
}

export async function loginAs(app: TongxinApp, opts: { role?: Role; scopes?: Scope[] } = {}) {
  const user = await makeUser(app, opts);
  return { user, session: await login(app, user.username) };
}
