import { randomBytes } from 'node:crypto';
import type { MembershipTier, NetworkKind, PlaceKind } from '../../../common/domain';
import type { TongxinApp } from '../app';
import { industries, memberships, networks, organizationIndustries, people, places } from '../db/schema';
import { normalizeText } from '../lib/text';
import { indexForSearch } from './search-docs';

const uid = () => randomBytes(4).toString('hex');

/** A person row, written directly (the people feature is not needed to test networks). */
export async function makePerson(app: TongxinApp, opts: { name?: string; districtCode?: string | null } = {}) {
  const name = opts.name ?? `测试人员${uid()}`;
  const [row] = await app.services.db
    .insert(people)
    .values({ name, nameNorm: normalizeText(name).toLowerCase(), districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode })
    .returning();
  await indexForSearch(app, { kind: 'person', row: row! });
  return row!;
}

export async function makeNetwork(
  app: TongxinApp,
  opts: { name?: string; kind?: NetworkKind; parentId?: string | null; districtCode?: string | null; declaredCounts?: Record<string, number> } = {},
) {
  const name = opts.name ?? `测试网络${uid()}`;
  const [row] = await app.services.db
    .insert(networks)
    .values({
      name,
      nameNorm: normalizeText(name).toLowerCase(),
      kind: opts.kind ?? 'alliance',
      parentId: opts.parentId ?? null,
      districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode,
      declaredCounts: opts.declaredCounts ?? {},
    })
    .returning();
  await indexForSearch(app, { kind: 'network', row: row! });
  return row!;
}

export async function makeMembership(
  app: TongxinApp,
  opts: { networkId: string; organizationId?: string; personId?: string; tier?: MembershipTier; joinedOn?: string | null; leftOn?: string | null },
) {
  const [row] = await app.services.db
    .insert(memberships)
    .values({
      networkId: opts.networkId,
      organizationId: opts.organizationId ?? null,
      personId: opts.personId ?? null,
      tier: opts.tier ?? 'member',
      joinedOn: opts.joinedOn ?? null,
      leftOn: opts.leftOn ?? null,
    })
    .returning();
  return row!;
}

export async function makeIndustry(app: TongxinApp, opts: { name?: string; parentId?: string | null } = {}) {
  const [row] = await app.services.db
    .insert(industries)
    .values({ name: opts.name ?? `测试产业${uid()}`, parentId: opts.parentId ?? null })
    .returning();
  return row!;
}

/** Tag an organisation with an industry. */
export async function tagOrganization(app: TongxinApp, organizationId: string, industryId: string) {
  await app.services.db.insert(organizationIndustries).values({ organizationId, industryId }).onConflictDoNothing();
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
