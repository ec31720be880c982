/**
 * The one place tests make users, sessions and records. Records are written straight to the
 * database (fast, no HTTP), but through the same rules the services use: names are normalised by the
 * real normaliser (duplicate detection and keyword search read `name_norm`), credit codes are valid.
 * Files (spreadsheets, CSV, uploads) are in ./files.ts.
 *
 * factories-directory.ts and factories-networks.ts only re-export this module, for older imports.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { MembershipTier, NetworkKind, OrganizationKind, PersonRole, PlaceKind } from '../../../common/domain';
import type { Permission, Role, Scope } from '../../../common/schemas/accounts';
import { isValidUscc } from '../../../common/validators';
import type { TongxinApp } from '../app';
import { affiliations, industries, memberships, networks, organizationIndustries, organizations, people, places } from '../db/schema';
import { insertUser } from '../features/accounts/accounts.repository';
import { hashPassword } from '../features/accounts/passwords';
import { nameNorm } from '../features/organizations/organizations.repository';
import { indexForSearch } from './search-docs';

const uid = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'Test-Passw0rd!';
let passwordHash: Promise<string> | undefined;

// ---------------------------------------------------------------------------------------------- users

export async function makeUser(app: TongxinApp, opts: { role?: Role; scopes?: Scope[]; permissions?: Permission[]; username?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `u_${uid()}`;
  return insertUser(app.services.db, {
    username,
    displayName: `测试用户 ${username}`,
    passwordHash: await passwordHash,
    role: opts.role ?? 'coordinator',
    scopes: opts.scopes ?? [],
    permissions: opts.permissions ?? [],
  });
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

/** A new user of that role, scopes and permissions (e.g. 'political'), logged in. */
export async function loginAs(app: TongxinApp, opts: { role?: Role; scopes?: Scope[]; permissions?: Permission[] } = {}) {
  const user = await makeUser(app, opts);
  return { user, session: await login(app, user.username) };
}

/** The same as loginAs (kept for older tests). */
export const loginWithPermissions = loginAs;

// ------------------------------------------------------------------------------------ organisations

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A fresh, valid 统一社会信用代码 (GB 32100-2015 check character, from common/validators) of a Shanghai district. */
export function makeUscc(districtCode = '310115'): string {
  const body = `91${districtCode}${[...randomBytes(9)].map((b) => USCC_CHARSET[b % 31]).join('')}`;
  return body + [...USCC_CHARSET].find((c) => isValidUscc(body + c))!;
}

export async function makeOrganization(
  app: TongxinApp,
  opts: { name?: string; kind?: OrganizationKind; districtCode?: string | null; uscc?: string | null; aliases?: string[] } = {},
) {
  const name = opts.name ?? `测试单位${uid()}`;
  const [row] = await app.services.db
    .insert(organizations)
    .values({
      name,
      nameNorm: nameNorm(name),
      aliases: opts.aliases ?? [],
      kind: opts.kind ?? 'enterprise',
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      uscc: opts.uscc ?? null,
    })
    .returning();
  await indexForSearch(app, { kind: 'organization', row: row! });
  return row!;
}

/** The same as makeOrganization (kept for older tests). */
export const makeOrg = makeOrganization;

// ------------------------------------------------------------------------------------------- people

export async function makePerson(
  app: TongxinApp,
  opts: {
    name?: string;
    districtCode?: string | null;
    roles?: PersonRole[];
    phone?: string | null;
    email?: string | null;
    politicalAffiliation?: string | null;
    politicalConsent?: boolean;
    affiliations?: { organizationId?: string | null; organizationName: string; position?: string | null }[];
  } = {},
) {
  const name = opts.name ?? `测试人员${uid()}`;
  const db = app.services.db;
  const [row] = await db
    .insert(people)
    .values({
      name,
      nameNorm: nameNorm(name),
      roles: opts.roles ?? ['expert'],
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      phone: opts.phone ?? null,
      email: opts.email ?? null,
      politicalAffiliation: opts.politicalAffiliation ?? null,
      politicalConsent: opts.politicalConsent ?? false,
    })
    .returning();
  if (opts.affiliations?.length) {
    await db.insert(affiliations).values(
      opts.affiliations.map((a, sort) => ({
        personId: row!.id,
        organizationId: a.organizationId ?? null,
        organizationName: a.organizationName,
        position: a.position ?? null,
        sort,
      })),
    );
  }
  await indexForSearch(app, { kind: 'person', row: row!, affiliations: (opts.affiliations ?? []).map((a) => ({ organizationName: a.organizationName, position: a.position ?? null, endOn: null })) });
  return row!;
}

// ----------------------------------------------------------------------------------------- networks

export async function makeNetwork(
  app: TongxinApp,
  opts: { name?: string; kind?: NetworkKind; parentId?: string | null; districtCode?: string | null; declaredCounts?: Record<string, number> } = {},
) {
  const name = opts.name ?? `测试网络${uid()}`;
  const [row] = await app.services.db
    .insert(networks)
    .values({
      name,
      nameNorm: nameNorm(name),
      kind: opts.kind ?? 'alliance',
      parentId: opts.parentId ?? null,
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      declaredCounts: opts.declaredCounts ?? {},
    })
    .returning();
  await indexForSearch(app, { kind: 'network', row: row! });
  return row!;
}

type MemberOpts = { organizationId?: string; personId?: string; tier?: MembershipTier; role?: string | null; joinedOn?: string | null; leftOn?: string | null };

export async function makeMembership(app: TongxinApp, opts: MemberOpts & { networkId: string }) {
  const [row] = await app.services.db
    .insert(memberships)
    .values({
      networkId: opts.networkId,
      organizationId: opts.organizationId ?? null,
      personId: opts.personId ?? null,
      tier: opts.tier ?? 'member',
      role: opts.role ?? null,
      joinedOn: opts.joinedOn ?? null,
      leftOn: opts.leftOn ?? null,
    })
    .returning();
  return row!;
}

/** makeMembership with the network first (kept for older tests). */
export const addMember = (app: TongxinApp, networkId: string, member: MemberOpts) => makeMembership(app, { ...member, networkId });

// ------------------------------------------------------------------------------- industries, places

/** An industry: `makeIndustry(app)`, `makeIndustry(app, '名称')` or `makeIndustry(app, { name, parentId })`. */
export async function makeIndustry(app: TongxinApp, opts: string | { name?: string; parentId?: string | null } = {}) {
  const o = typeof opts === 'string' ? { name: opts } : opts;
  const [row] = await app.services.db
    .insert(industries)
    .values({ name: o.name ?? `测试产业${uid()}`, parentId: o.parentId ?? null })
    .returning();
  return row!;
}

/** Tag an organisation with an industry. */
export async function tagOrganization(app: TongxinApp, organizationId: string, industryId: string) {
  await app.services.db.insert(organizationIndustries).values({ organizationId, industryId }).onConflictDoNothing();
  // the list's industry filter reads the search document's copy of the tags, as the services keep it
  await app.services.db.execute(sql`update search_documents set industry_ids = array_append(industry_ids, ${industryId}::uuid)
    where entity_type = 'organization' and entity_id = ${organizationId} and not (${industryId}::uuid = any(industry_ids))`);
}

export async function makePlace(app: TongxinApp, opts: { name?: string; kind?: PlaceKind; districtCode?: string | null; lng?: number; lat?: number } = {}) {
  const [row] = await app.services.db
    .insert(places)
    .values({
      name: opts.name ?? `测试地点${uid()}`,
      kind: opts.kind ?? 'park',
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      lng: opts.lng ?? null,
      lat: opts.lat ?? null,
    })
    .returning();
  await indexForSearch(app, { kind: 'place', row: row! });
  return row!;
}

// ------------------------------------------------------------------------------------------ queries

/** Number of rows of a table matching a condition (to show that nothing landed). */
export async function countRows(app: TongxinApp, table: 'organizations' | 'people' | 'memberships' | 'search_documents', where = sql`true`) {
  const res = (await app.services.db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`)) as unknown as { rows: { n: number }[] };
  return res.rows[0].n;
}
