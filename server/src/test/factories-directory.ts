import { randomBytes } from 'node:crypto';
import type { MembershipTier, NetworkKind, OrganizationKind, PersonRole } from '../../../common/domain';
import type { Permission, Role, Scope } from '../../../common/schemas/accounts';
import type { TongxinApp } from '../app';
import { affiliations, memberships, networks, organizations, people } from '../db/schema';
import { insertUser } from '../features/accounts/accounts.repository';
import { hashPassword } from '../features/accounts/passwords';
import { isValidUscc } from '../../../common/validators';
import { normalizeText } from '../lib/text';
import { login, TEST_PASSWORD } from './factories';
import { indexForSearch } from './search-docs';

const uid = () => randomBytes(4).toString('hex');
const norm = (s: string) => normalizeText(s).toLowerCase();
let passwordHash: Promise<string> | undefined;

/** Log in as a new user with extra permissions (e.g. 'political'). */
export async function loginWithPermissions(
  app: TongxinApp,
  opts: { role?: Role; scopes?: Scope[]; permissions?: Permission[] } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `u_${uid()}`;
  const user = await insertUser(app.services.db, {
    username,
    displayName: `测试用户 ${username}`,
    passwordHash: await passwordHash,
    role: opts.role ?? 'coordinator',
    scopes: opts.scopes ?? [],
    permissions: opts.permissions ?? [],
  });
  return { user, session: await login(app, username) };
}

/** An organisation with a filled normalized name (duplicate detection needs it). */
export async function makeOrg(
  app: TongxinApp,
  opts: { name?: string; kind?: OrganizationKind; districtCode?: string | null; uscc?: string | null; aliases?: string[] } = {},
) {
  const name = opts.name ?? `测试单位${uid()}`;
  const [row] = await app.services.db
    .insert(organizations)
    .values({
      name,
      nameNorm: norm(name),
      aliases: opts.aliases ?? [],
      kind: opts.kind ?? 'enterprise',
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      uscc: opts.uscc ?? null,
    })
    .returning();
  await indexForSearch(app, { kind: 'organization', row: row! });
  return row!;
}

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
      nameNorm: norm(name),
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

export async function makeNetwork(app: TongxinApp, opts: { name?: string; kind?: NetworkKind; districtCode?: string | null; parentId?: string } = {}) {
  const name = opts.name ?? `测试网络${uid()}`;
  const [row] = await app.services.db
    .insert(networks)
    .values({
      name,
      nameNorm: norm(name),
      kind: opts.kind ?? 'alliance',
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      parentId: opts.parentId ?? null,
    })
    .returning();
  await indexForSearch(app, { kind: 'network', row: row! });
  return row!;
}

export async function addMember(
  app: TongxinApp,
  networkId: string,
  member: { organizationId?: string; personId?: string; tier?: MembershipTier; role?: string; joinedOn?: string; leftOn?: string },
) {
  const [row] = await app.services.db
    .insert(memberships)
    .values({
      networkId,
      organizationId: member.organizationId ?? null,
      personId: member.personId ?? null,
      tier: member.tier ?? 'member',
      role: member.role ?? null,
      joinedOn: member.joinedOn ?? null,
      leftOn: member.leftOn ?? null,
    })
    .returning();
  return row!;
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A random, valid 统一社会信用代码 (GB 32100-2015 check character). */
export function makeUscc(): string {
  const body = `91310115${Array.from({ length: 9 }, () => USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)]).join('')}`;
  const check = [...USCC_CHARSET].find((c) => isValidUscc(body + c))!;
  return body + check;
}
