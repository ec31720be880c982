import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ExportQuery, IoKind } from '../../../../common/schemas/io';
import type { Executor } from '../../db/client';
import { memberships, networks, organizations, people, places } from '../../db/schema';
import { likeContains } from '../../lib/text';
import type { Actor } from '../../lib/actor';
import { changeCondition, readCondition } from '../../lib/visibility';
import { rowsOf, uuidArray } from './io-import.repository';

const like = likeContains;
/** a current membership (in that network, of that tier) */
const currentIn = (col: 'organization_id' | 'person_id', q: ExportQuery) => {
  return sql`exists (select 1 from memberships m where m.left_on is null and m.${sql.raw(col)} = ${col === 'organization_id' ? organizations.id : people.id}
    ${q.networkId ? sql`and m.network_id = ${q.networkId}` : sql``} ${q.tier ? sql`and m.tier = ${q.tier}` : sql``})`;
};

function organizationWhere(actor: Actor, q: ExportQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [readCondition(actor, 'organization', organizations)];
  if (q.q) {
    where.push(
      or(
        ilike(organizations.name, like(q.q)),
        ilike(organizations.uscc, like(q.q)),
        sql`exists (select 1 from unnest(${organizations.aliases}) a where a ilike ${like(q.q)})`,
      ),
    );
  }
  if (q.kind) where.push(sql`${organizations.kind} = ${q.kind}`);
  if (q.districtCode) where.push(eq(organizations.districtCode, q.districtCode));
  if (q.industryId) {
    where.push(sql`exists (select 1 from organization_industries oi where oi.organization_id = ${organizations.id} and oi.industry_id = ${q.industryId})`);
  }
  if (q.networkId || q.tier) where.push(currentIn('organization_id', q));
  return and(...where);
}

function personWhere(actor: Actor, q: ExportQuery): SQL | undefined {
  // clear contact data only of the people the actor looks after (the unmask rule: change, not read)
  const where: (SQL | undefined)[] = [q.unmasked ? changeCondition(actor, 'person', people) : readCondition(actor, 'person', people)];
  if (q.q) where.push(or(ilike(people.name, like(q.q)), sql`exists (select 1 from unnest(${people.expertise}) e where e ilike ${like(q.q)})`));
  if (q.role) where.push(sql`${q.role} = any(${people.roles})`);
  if (q.districtCode) where.push(eq(people.districtCode, q.districtCode));
  if (q.organizationId) {
    where.push(sql`exists (select 1 from affiliations a where a.person_id = ${people.id} and a.organization_id = ${q.organizationId})`);
  }
  if (q.industryId) {
    where.push(sql`exists (select 1 from person_industries pi where pi.person_id = ${people.id} and pi.industry_id = ${q.industryId})`);
  }
  if (q.networkId || q.tier) where.push(currentIn('person_id', q));
  return and(...where);
}

function membershipWhere(actor: Actor, q: ExportQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [readCondition(actor, 'network', networks)];
  if (q.networkId) where.push(eq(memberships.networkId, q.networkId));
  if (q.tier) where.push(eq(memberships.tier, q.tier));
  if (q.districtCode) where.push(eq(networks.districtCode, q.districtCode));
  if (q.current) where.push(sql`${memberships.leftOn} is null`);
  if (q.q) {
    where.push(sql`(exists (select 1 from organizations o where o.id = ${memberships.organizationId} and o.name ilike ${like(q.q)})
      or exists (select 1 from people p where p.id = ${memberships.personId} and p.name ilike ${like(q.q)}))`);
  }
  return and(...where);
}

function placeWhere(actor: Actor, q: ExportQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [readCondition(actor, 'place', places)];
  if (q.q) where.push(or(ilike(places.name, like(q.q)), ilike(places.address, like(q.q))));
  if (q.kind) where.push(sql`${places.kind} = ${q.kind}`);
  if (q.districtCode) where.push(eq(places.districtCode, q.districtCode));
  return and(...where);
}

/** The ids of what an export writes, in list order: the list endpoints' filters within the actor's scope. */
export async function exportIds(ex: Executor, actor: Actor, kind: IoKind, q: ExportQuery): Promise<string[]> {
  const dir = q.sort.startsWith('-') ? desc : asc;
  switch (kind) {
    case 'organizations': {
      const col = q.sort.endsWith('createdAt') ? organizations.createdAt : q.sort.endsWith('districtCode') ? organizations.districtCode : organizations.name;
      const rows = await ex.select({ id: organizations.id }).from(organizations).where(organizationWhere(actor, q)).orderBy(dir(col), asc(organizations.id));
      return rows.map((r) => r.id);
    }
    case 'people': {
      const col = q.sort.endsWith('createdAt') ? people.createdAt : q.sort.endsWith('districtCode') ? people.districtCode : people.name;
      const rows = await ex.select({ id: people.id }).from(people).where(personWhere(actor, q)).orderBy(dir(col), asc(people.id));
      return rows.map((r) => r.id);
    }
    case 'places': {
      const col = q.sort.endsWith('createdAt') ? places.createdAt : q.sort.endsWith('districtCode') ? places.districtCode : places.name;
      const rows = await ex.select({ id: places.id }).from(places).where(placeWhere(actor, q)).orderBy(dir(col), asc(places.id));
      return rows.map((r) => r.id);
    }
    case 'memberships': {
      const rows = await ex
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(networks, eq(networks.id, memberships.networkId))
        .where(membershipWhere(actor, q))
        .orderBy(asc(networks.name), asc(memberships.tier), asc(memberships.joinedOn), asc(memberships.id));
      return rows.map((r) => r.id);
    }
  }
}

export interface PlaceExportRow {
  id: string;
  name: string;
  kind: string;
  district_code: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  description: string | null;
}

export interface OrganizationExportRow {
  id: string;
  name: string;
  kind: string;
  district_code: string | null;
  uscc: string | null;
  aliases: string[];
  address: string | null;
  industries: string[];
  size: string | null;
  website: string | null;
  description: string | null;
}

export interface PersonExportRow {
  id: string;
  name: string;
  roles: string[];
  organization_name: string | null;
  position: string | null;
  district_code: string | null;
  phone: string | null;
  email: string | null;
  expertise: string[];
  political_affiliation: string | null;
  political_consent: boolean;
}

export interface MembershipExportRow {
  id: string;
  network_name: string;
  organization_name: string | null;
  person_name: string | null;
  tier: string;
  role: string | null;
  joined_on: string | null;
  left_on: string | null;
}

/** Rows by id (a chunk of exportIds), in the order of the ids. */
export async function exportRows<T extends { id: string }>(ex: Executor, kind: IoKind, ids: string[]): Promise<T[]> {
  const list = uuidArray(ids);
  let res: unknown;
  switch (kind) {
    case 'organizations':
      res = await ex.execute(sql`
        select o.id, o.name, o.kind, o.district_code, o.uscc, o.aliases, o.address, o.size, o.website, o.description,
          coalesce((select array_agg(i.name order by i.name) from organization_industries oi join industries i on i.id = oi.industry_id
            where oi.organization_id = o.id), '{}'::text[]) as industries
        from organizations o where o.id = any(${list})`);
      break;
    case 'people':
      res = await ex.execute(sql`
        select p.id, p.name, p.roles, p.district_code, p.phone, p.email, p.expertise, p.political_affiliation, p.political_consent,
          a.organization_name, a.position
        from people p
        left join lateral (
          select coalesce(o.name, a.organization_name) as organization_name, a.position from affiliations a
          left join organizations o on o.id = a.organization_id
          where a.person_id = p.id order by (a.end_on is not null), a.sort, a.id limit 1
        ) a on true
        where p.id = any(${list})`);
      break;
    case 'places':
      res = await ex.execute(sql`
        select id, name, kind, district_code, address, lng, lat, description from places where id = any(${list})`);
      break;
    case 'memberships':
      res = await ex.execute(sql`
        select m.id, n.name as network_name, o.name as organization_name, p.name as person_name, m.tier, m.role,
          to_char(m.joined_on, 'YYYY-MM-DD') as joined_on, to_char(m.left_on, 'YYYY-MM-DD') as left_on
        from memberships m join networks n on n.id = m.network_id
        left join organizations o on o.id = m.organization_id left join people p on p.id = m.person_id
        where m.id = any(${list})`);
      break;
  }
  const byId = new Map(rowsOf<T>(res).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
