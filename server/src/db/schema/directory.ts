import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  memberPositions,
  networkKinds,
  organizationKinds,
  organizationSizes,
  placeKinds,
  type PersonRole,
} from '../../../../common/domain';
import { coreNameSql } from '../../lib/text/names';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
/** stable key of a record loaded from the demo dataset (demo/*.json) */
const demoKey = () => text('demo_key');

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    /** normalized, Simplified name: duplicate detection and exact-name ranking */
    nameNorm: text('name_norm').notNull().default(''),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    formerNames: text('former_names').array().notNull().default(sql`'{}'::text[]`),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    districtCode: text('district_code'),
    uscc: text('uscc'),
    address: text('address'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    size: text('size', { enum: organizationSizes }),
    website: text('website'),
    description: text('description'),
    demoKey: demoKey(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organizations_uscc_uq').on(t.uscc).where(sql`${t.uscc} is not null`),
    uniqueIndex('organizations_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
    index('organizations_district_idx').on(t.districtCode),
    // a district-scoped list in name order (lib/visibility.ts): read in index order, stop at the page
    index('organizations_district_name_idx').on(t.districtCode, t.name, t.id),
    // list pages: newest/oldest first, and a kind filter (see search/list-query.ts)
    index('organizations_created_idx').on(t.createdAt, t.id),
    index('organizations_kind_created_idx').on(t.kind, t.createdAt, t.id),
    index('organizations_name_idx').on(t.name),
    index('organizations_name_norm_idx').on(t.nameNorm),
    index('organizations_name_trgm_idx').using('gin', sql`${t.nameNorm} gin_trgm_ops`),
    index('organizations_aliases_idx').using('gin', t.aliases),
    /** the duplicate finder's "same core name" (国药控股 = 国药控股股份有限公司), looked up by equality */
    index('organizations_name_core_idx').on(sql.raw(coreNameSql('name_norm'))),
  ],
);

export const industries = pgTable(
  'industries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    description: text('description'),
    sort: integer('sort').notNull().default(0),
    demoKey: demoKey(),
    ...timestamps,
  },
  (t) => [uniqueIndex('industries_name_uq').on(t.name), uniqueIndex('industries_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`)],
);

/** upstream → downstream along an industry chain */
export const industryLinks = pgTable(
  'industry_links',
  {
    upstreamId: uuid('upstream_id').notNull().references(() => industries.id, { onDelete: 'cascade' }),
    downstreamId: uuid('downstream_id').notNull().references(() => industries.id, { onDelete: 'cascade' }),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.upstreamId, t.downstreamId] }), check('industry_links_not_self', sql`${t.upstreamId} <> ${t.downstreamId}`)],
);

export const organizationIndustries = pgTable(
  'organization_industries',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    industryId: uuid('industry_id').notNull().references(() => industries.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.industryId] }), index('organization_industries_industry_idx').on(t.industryId)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    nameNorm: text('name_norm').notNull().default(''),
    roles: text('roles').array().$type<PersonRole[]>().notNull().default(sql`'{}'::text[]`),
    /** free expertise keywords; industries are in person_industries */
    expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
    bio: text('bio'),
    phone: text('phone'),
    email: text('email'),
    /** sensitive (PIPL): 无党派人士, a democratic party …; shown only with its own permission */
    politicalAffiliation: text('political_affiliation'),
    politicalConsent: boolean('political_consent').notNull().default(false),
    /** the district the person is attached to, for scoping */
    districtCode: text('district_code'),
    demoKey: demoKey(),
    ...timestamps,
  },
  (t) => [
    index('people_name_norm_idx').on(t.nameNorm),
    index('people_district_idx').on(t.districtCode),
    index('people_district_name_idx').on(t.districtCode, t.name, t.id),
    // list pages: newest/oldest first (see search/list-query.ts)
    index('people_created_idx').on(t.createdAt, t.id),
    index('people_phone_idx').on(t.phone),
    uniqueIndex('people_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
  ],
);

export const personIndustries = pgTable(
  'person_industries',
  {
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    industryId: uuid('industry_id').notNull().references(() => industries.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.industryId] })],
);

/** a person's title at an organisation ("上海交通大学副校长"); isContact marks the organisation's contacts */
export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** as written when no organisation record exists (yet) */
    organizationName: text('organization_name').notNull(),
    position: text('position'),
    startOn: date('start_on'),
    endOn: date('end_on'),
    isContact: boolean('is_contact').notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    // a person's reach through current affiliations (lib/visibility.ts), probed per person a coordinator's
    // search or list reads: index-only, no heap visit per affiliation (the search box's `zq` as 浦东 at 1M: 60 → 16 ms)
    index('affiliations_person_org_idx').on(t.personId, t.organizationId, t.endOn),
    index('affiliations_org_idx').on(t.organizationId),
    // "currently working at an organisation of the actor's districts" (lib/visibility.ts), index-only
    index('affiliations_org_current_idx').on(t.organizationId, t.endOn, t.personId),
  ],
);

export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    nameNorm: text('name_norm').notNull().default(''),
    kind: text('kind', { enum: networkKinds }).notNull(),
    parentId: uuid('parent_id'),
    districtCode: text('district_code'),
    description: text('description'),
    /** figures the network states for itself (13 founding units …), to compare with its recorded members */
    declaredCounts: jsonb('declared_counts').$type<Record<string, number>>().notNull().default({}),
    demoKey: demoKey(),
    ...timestamps,
  },
  (t) => [
    index('networks_parent_idx').on(t.parentId),
    index('networks_district_idx').on(t.districtCode),
    uniqueIndex('networks_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
  ],
);

/** a member of a network: an organisation or a person, with tier, role and term; leftOn keeps history */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    /** an organisation's tier or a person's role in the network (memberPositionProblem says which) */
    tier: text('tier', { enum: memberPositions }).notNull(),
    role: text('role'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('memberships_network_idx').on(t.networkId),
    index('memberships_org_idx').on(t.organizationId),
    index('memberships_person_idx').on(t.personId),
    // "current members of the networks in scope" (lib/visibility.ts), index-only
    index('memberships_current_org_idx').on(t.networkId, t.organizationId).where(sql`${t.leftOn} is null`),
    index('memberships_current_person_idx').on(t.networkId, t.personId).where(sql`${t.leftOn} is null`),
    check('memberships_one_member', sql`(${t.organizationId} is null) <> (${t.personId} is null)`),
  ],
);

export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: text('kind', { enum: placeKinds }).notNull(),
    districtCode: text('district_code'),
    address: text('address'),
    /** WGS-84; GCJ-02 input is converted on the way in */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    description: text('description'),
    demoKey: demoKey(),
    ...timestamps,
  },
  (t) => [index('places_district_idx').on(t.districtCode), uniqueIndex('places_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`)],
);
