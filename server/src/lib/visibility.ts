import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { shanghaiToday } from '../../../common/shanghai-date';
import { districtName } from '../../../common/validators';
import { searchEntityTypes, type SearchEntityType } from '../../../common/domain';
import type { Executor } from '../db/client';
import { AppError, forbidden } from './errors';
import type { Actor } from './actor';

/**
 * The one visibility rule (docs/ACCESS.md): what an actor may READ and what they may CHANGE, per
 * entity, as an SQL condition for lists, search and exports and as a predicate for one record.
 *
 * - Admins read and change everything.
 * - Every other role reads the records of its scopes. A district scope (GB/T 2260 code) covers the
 *   records with that districtCode; a network scope covers the network and its sub-networks.
 *   Beyond its own district a record is reached only through CURRENT relations (a membership not
 *   left, an affiliation not ended): the current members of the networks in scope, and the people
 *   currently working at an organisation of the actor's districts.
 * - Only admins and coordinators change records, and a coordinator only those of their districts
 *   (and the networks of their network scopes). Being reached through a relation (a member of one's
 *   network, a person working at one's organisation) never makes a record changeable.
 *
 * Needs and events will register here like places: a district column, and reaches if they have any.
 */
export type Entity = 'organization' | 'person' | 'network' | 'place' | 'area' | 'route' | 'need' | 'event' | 'agreement' | 'report';
export type Access = 'read' | 'change';

interface Scopes {
  districts: string[];
  networkIds: string[];
}

const scopesOf = (actor: Actor): Scopes => ({
  districts: actor.scopes.filter((s) => s.kind === 'district').map((s) => s.value),
  networkIds: actor.scopes.filter((s) => s.kind === 'network').map((s) => s.value),
});

/** The roles that change records at all; everybody else reads. */
export const changesRecords = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';

/** The networks in the actor's network scopes and all their sub-networks (networks nest: "1+36+N"). */
const networkTree = (networkIds: string[]) => sql`(with recursive tree(id) as (
    select id from networks where id::text in ${networkIds}
    union select n.id from networks n join tree on n.parent_id = tree.id
  ) select id from tree)`;

/** A way a record (its id expression given) is reached beyond its own district: a condition, or nothing for these scopes. */
type Reach = (s: Scopes, id: SQL | AnyPgColumn) => SQL | undefined;

/** the few members of the networks in scope: a set built once per query */
const currentMembers =
  (col: 'organization_id' | 'person_id'): Reach =>
  (s, id) =>
    s.networkIds.length
      ? sql`${id} in (select ${sql.raw(col)} from memberships where left_on is null and ${sql.raw(col)} is not null and network_id in ${networkTree(s.networkIds)})`
      : undefined;

/**
 * correlated: a person's current affiliations are probed per person read (the index on
 * affiliations.person_id, then the organisation's primary key). `offset 0` keeps it a probe: without
 * it the planner may hash every person working in the districts first (36,000 people for 浦东新区 at
 * 1,000,000 organisations: 250 ms) when a list page needs a few dozen in index order.
 */
const currentlyWorkingInDistricts: Reach = (s, id) =>
  s.districts.length
    ? sql`exists (select 1 from affiliations a join organizations o on o.id = a.organization_id
        where a.person_id = ${id} and o.district_code in ${s.districts} and (a.end_on is null or a.end_on >= ${shanghaiToday()}) offset 0)`
    : undefined;

const networksInTree: Reach = (s, id) => (s.networkIds.length ? sql`${id} in ${networkTree(s.networkIds)}` : undefined);

/** a need whose organisation is a current member of a network in scope */
const needOfCurrentMember: Reach = (s, id) => {
  const member = currentMembers('organization_id')(s, sql`n.organization_id`);
  return member ? sql`exists (select 1 from needs n where n.id = ${id} and ${member})` : undefined;
};
/** an event with a venue in one of the actor's districts (a district branch of a city-wide service day) */
const venueInDistricts: Reach = (s, id) =>
  s.districts.length ? sql`exists (select 1 from event_venues v where v.event_id = ${id} and v.district_code in ${s.districts})` : undefined;
/** an event run by a network of the actor's network scopes */
const eventOfNetworks: Reach = (s, id) =>
  s.networkIds.length ? sql`exists (select 1 from events e where e.id = ${id} and e.network_id in ${networkTree(s.networkIds)})` : undefined;
/** an agreement signed at an event the actor reads (through its district, venues or network) */
const agreementOfEvent =
  (access: Access): Reach =>
  (s, id) => {
    const parts = [
      s.districts.length ? sql`e.district_code in ${s.districts}` : undefined,
      access === 'read' ? venueInDistricts(s, sql`e.id`) : undefined,
      eventOfNetworks(s, sql`e.id`),
    ].filter((x): x is SQL => x !== undefined);
    return parts.length ? sql`exists (select 1 from agreements a join events e on e.id = a.event_id where a.id = ${id} and (${sql.join(parts, sql` or `)}))` : undefined;
  };

interface Rule {
  /** the table's name and the search_documents entity_type */
  table: string;
  /** how a record beyond the actor's districts becomes readable */
  readReach: Reach[];
  /** how a record beyond the actor's districts becomes changeable (never through a relation) */
  changeReach: Reach[];
  /** read only by the roles that change records (admins, coordinators), whatever the scopes of the others */
  readByChangersOnly?: boolean;
}

const rules: Record<Entity, Rule> = {
  organization: { table: 'organizations', readReach: [currentMembers('organization_id')], changeReach: [] },
  person: { table: 'people', readReach: [currentMembers('person_id'), currentlyWorkingInDistricts], changeReach: [] },
  network: { table: 'networks', readReach: [networksInTree], changeReach: [networksInTree] },
  place: { table: 'places', readReach: [], changeReach: [] },
  // the map's areas and routes follow the place rule: their own district only
  area: { table: 'areas', readReach: [], changeReach: [] },
  route: { table: 'routes', readReach: [], changeReach: [] },
  // a need of an organisation that is a current member of a network in scope
  need: { table: 'needs', readReach: [needOfCurrentMember], changeReach: [] },
  event: { table: 'events', readReach: [venueInDistricts, eventOfNetworks], changeReach: [eventOfNetworks] },
  agreement: { table: 'agreements', readReach: [agreementOfEvent('read')], changeReach: [agreementOfEvent('change')] },
  /** press reports (issue 9): by their district only, and only by coordinators (and admins) */
  report: { table: 'reports', readReach: [], changeReach: [], readByChangersOnly: true },
};

/**
 * Needs are read by who stands to them, not by scope, for two roles: an enterprise user reads only its
 * own organisation's needs, an expert only the needs assigned to them (account_links says which
 * organisation or person the account is). Neither changes a need through the change rule: their steps
 * are the workflow's (common/need-workflow.ts).
 */
function needByRelation(actor: Actor, access: Access, id: SQL | AnyPgColumn): SQL | undefined {
  if (actor.role !== 'enterprise' && actor.role !== 'expert') return undefined;
  if (access === 'change' || !actor.userId) return sql`false`;
  if (actor.role === 'enterprise')
    return sql`exists (select 1 from needs n join account_links l on l.organization_id = n.organization_id
      where n.id = ${id} and l.user_id = ${actor.userId})`;
  return sql`exists (select 1 from need_assignments a join account_links l on l.person_id = a.person_id
    where a.need_id = ${id} and l.user_id = ${actor.userId} and a.status in ('proposed', 'accepted'))`;
}

const or = (parts: SQL[]) => (parts.length === 0 ? sql`false` : parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`);

function build(actor: Actor, entity: Entity, access: Access, id: SQL | AnyPgColumn, district: SQL | AnyPgColumn): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  if (entity === 'need') {
    const byRelation = needByRelation(actor, access, id);
    if (byRelation) return byRelation;
  }
  if ((access === 'change' || rules[entity].readByChangersOnly) && !changesRecords(actor)) return sql`false`;
  const s = scopesOf(actor);
  const parts: SQL[] = [];
  if (s.districts.length) parts.push(sql`${district} in ${s.districts}`);
  for (const reach of access === 'read' ? rules[entity].readReach : rules[entity].changeReach) {
    const cond = reach(s, id);
    if (cond) parts.push(cond);
  }
  return or(parts);
}

/**
 * The districts outside which the actor reads no record of `entity`, or undefined when no district
 * bounds what they read (admins; scopes with a reach beyond their districts, e.g. a district
 * coordinator's people working at their organisations). A list filtered to another district is then
 * empty without a query (a 浦东 coordinator's organisations in 崇明).
 */
export function readDistricts(actor: Actor, entity: Entity): string[] | undefined {
  if (actor.role === 'admin' || (entity === 'need' && needByRelation(actor, 'read', sql`null`))) return undefined;
  const s = scopesOf(actor);
  return rules[entity].readReach.some((reach) => reach(s, sql`null`)) ? undefined : s.districts;
}

/**
 * The records of `entity` the actor may read or change, as a condition to AND into a query on its
 * table (undefined = no restriction). `cols` defaults to the table's own id and district_code.
 */
export function accessCondition(
  actor: Actor,
  entity: Entity,
  access: Access,
  cols?: { id: AnyPgColumn | SQL; districtCode: AnyPgColumn | SQL },
): SQL | undefined {
  const t = sql.raw(rules[entity].table);
  return build(actor, entity, access, cols?.id ?? sql`${t}.id`, cols?.districtCode ?? sql`${t}.district_code`);
}

export const readCondition = (actor: Actor, entity: Entity, cols?: { id: AnyPgColumn | SQL; districtCode: AnyPgColumn | SQL }) =>
  accessCondition(actor, entity, 'read', cols);
export const changeCondition = (actor: Actor, entity: Entity, cols?: { id: AnyPgColumn | SQL; districtCode: AnyPgColumn | SQL }) =>
  accessCondition(actor, entity, 'change', cols);

/**
 * The same rule over search_documents (entity_type, entity_id, district_code): a document is
 * readable exactly when its record is. Documents carry their record's district.
 */
export function searchReadCondition(actor: Actor, entities: readonly SearchEntityType[] = searchEntityTypes): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  const s = scopesOf(actor);
  const parts: SQL[] = [];
  // enterprise and expert accounts read needs by relation only (needByRelation), never by district
  const needRelation = entities.includes('need') ? needByRelation(actor, 'read', sql`entity_id`) : undefined;
  if (s.districts.length) parts.push(needRelation ? sql`(entity_type <> 'need' and district_code in ${s.districts})` : sql`district_code in ${s.districts}`);
  if (needRelation) parts.push(sql`(entity_type = 'need' and ${needRelation})`);
  for (const entity of entities) {
    if (entity === 'need' && needRelation) continue;
    const reaches = rules[entity].readReach.map((r) => r(s, sql`entity_id`)).filter((x): x is SQL => x !== undefined);
    if (reaches.length) parts.push(sql`(entity_type = ${entity} and (${sql.join(reaches, sql` or `)}))`);
  }
  const cond = or(parts);
  // documents of the kinds not asked for are not readable through this condition
  return entities.length < searchEntityTypes.length ? sql`(entity_type in ${entities} and ${cond})` : cond;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Whether the actor may read (or change) the record with this id; false when it does not exist. */
export async function canAccess(ex: Executor, actor: Actor, entity: Entity, access: Access, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const t = sql.raw(rules[entity].table);
  const cond = accessCondition(actor, entity, access) ?? sql`true`;
  const res = await ex.execute(sql`select exists (select 1 from ${t} where ${t}.id = ${id} and ${cond}) as ok`);
  const ok = (res.rows[0] as { ok: unknown } | undefined)?.ok;
  return ok === true || ok === 't';
}

/** Of these ids, the ones the actor may read (or change). */
export async function accessibleIds(ex: Executor, actor: Actor, entity: Entity, access: Access, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (!wanted.length) return new Set();
  const t = sql.raw(rules[entity].table);
  const cond = accessCondition(actor, entity, access) ?? sql`true`;
  const res = await ex.execute(sql`select ${t}.id::text as id from ${t} where ${t}.id in ${wanted} and ${cond}`);
  return new Set((res.rows as { id: string }[]).map((r) => r.id));
}

/** The districts the actor may place a record in ('all' for admins; none for read-only roles). */
export function placeableDistricts(actor: Actor): 'all' | string[] {
  if (actor.role === 'admin') return 'all';
  if (!changesRecords(actor)) return [];
  return scopesOf(actor).districts;
}

/** May the actor create a record in this district, or move one there? The change rule, before anything is written. */
export function mayPlaceIn(actor: Actor, districtCode: string | null | undefined): boolean {
  const v = placeableDistricts(actor);
  return v === 'all' || (!!districtCode && v.includes(districtCode));
}

/** "浦东新区、徐汇区": the districts an actor may place records in, for messages. */
export function placeableNames(actor: Actor): string {
  const v = placeableDistricts(actor);
  if (v === 'all') return '全市';
  return v.map((c) => districtName(c) ?? c).join('、') || '无';
}

/** The field error of a record placed outside the actor's districts (or nowhere, when a district is required). */
export const districtOutOfScope = (actor: Actor, path = 'districtCode') =>
  new AppError('FORBIDDEN', {
    fields: [{ path, message: `所在区须为您负责的区（${placeableNames(actor)}）/ the district must be one you look after` }],
  });

/**
 * The district a new record of a coordinator goes to: the one given, else (when they look after one
 * district only) that one. A record nobody in the coordinator's districts could change is refused on
 * the district field before anything is written. Admins place records anywhere, or nowhere.
 */
export function districtForNewRecord(actor: Actor, given: string | null | undefined, path = 'districtCode'): string | null {
  if (actor.role === 'admin') return given ?? null;
  const v = placeableDistricts(actor);
  const chosen = given ?? (v !== 'all' && v.length === 1 ? v[0] : null);
  if (!mayPlaceIn(actor, chosen)) throw districtOutOfScope(actor, path);
  return chosen;
}

/**
 * Would a network with this district and parent (and id, when it exists) be changeable by the actor?
 * The network change rule applied before the write: its district is one of theirs, or it is (or sits
 * under) a network of their network scopes.
 */
export async function mayPlaceNetwork(
  ex: Executor,
  actor: Actor,
  n: { id?: string; districtCode: string | null | undefined; parentId: string | null | undefined },
): Promise<boolean> {
  if (mayPlaceIn(actor, n.districtCode)) return true;
  if (!changesRecords(actor)) return false;
  const { networkIds } = scopesOf(actor);
  if (!networkIds.length) return false;
  if (n.id && networkIds.includes(n.id)) return true;
  if (!n.parentId || !isUuid(n.parentId)) return false;
  const res = await ex.execute(sql`select exists (select 1 from ${networkTree(networkIds)} t where t.id = ${n.parentId}) as ok`);
  const ok = (res.rows[0] as { ok: unknown } | undefined)?.ok;
  return ok === true || ok === 't';
}

/** Refuses (403) a change of a record the actor may read but not change; call it after the read check (404). */
export async function assertCanChange(ex: Executor, actor: Actor, entity: Entity, ...ids: string[]) {
  for (const id of ids) if (!(await canAccess(ex, actor, entity, 'change', id))) throw forbidden();
}
