/**
 * Schemas of the hand-written demo dataset (demo/*.json), transcribed from the five seed articles
 * in ../shared/seeds/. Every record names the seed files it comes from in `sources`.
 *
 * Conventions
 * - `key`: a kebab-case ASCII slug, unique within its file; cross-references use keys.
 * - All text is Simplified Chinese (person names are kept exactly as printed, e.g. 李姝徵).
 * - Optional fields carry what the articles say beyond the core shape (notes, qualifiers, links);
 *   nothing is invented: no credit codes, phone numbers or e-mail addresses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { membershipTiers, networkKinds, organizationKinds, personRoles, placeKinds } from '../common/domain';
import { shanghaiDistricts as commonDistricts } from '../common/validators';

export const seedFiles = [
  '000_37ff99f907eee8d3.txt',
  '001_0a49bba6b303c11c.txt',
  '002_fda4e5a990aaeddb.txt',
  '003_111e690303f93caf.txt',
  '004_2cb33fdb0c7e337f.txt',
] as const;

/** GB/T 2260 codes of Shanghai's 16 districts (code → name), from common/validators. */
export const shanghaiDistricts: Readonly<Record<string, string>> = Object.fromEntries(
  commonDistricts.map((d) => [d.code, d.name]),
);
export type ShanghaiDistrictCode = (typeof commonDistricts)[number]['code'];
/** GB/T 2260 code of the municipality itself, used as the scope of city-level figures. */
export const shanghaiCityCode = '310000';

const districtCodes = commonDistricts.map((d) => d.code) as [ShanghaiDistrictCode, ...ShanghaiDistrictCode[]];

export const keySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'key: kebab-case ASCII slug' });
export const sourceSchema = z.enum(seedFiles);
export const districtCodeSchema = z.enum(districtCodes);
const text = z.string().trim().min(1);
const isoDate = z.iso.date();
const sources = z.array(sourceSchema).min(1);

/** 18 characters, GB 32100-2015 alphabet. The demo never fills it: we do not invent credit codes. */
export const usccSchema = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/);

// ---------------------------------------------------------------- organizations


export const demoOrganizationSchema = z.strictObject({
  key: keySchema,
  name: text,
  aliases: z.array(text),
  kind: z.enum(organizationKinds),
  districtCode: districtCodeSchema.nullable(),
  uscc: usccSchema.nullable(),
  address: text.nullable(),
  industries: z.array(keySchema),
  description: text,
  /** the organisation this one belongs to (a party committee's company, a school's university) */
  parentKey: keySchema.nullable().optional(),
  sources,
});
export type DemoOrganization = z.infer<typeof demoOrganizationSchema>;

// ---------------------------------------------------------------- people


export const demoAffiliationSchema = z.strictObject({
  organizationKey: keySchema.nullable(),
  organizationName: text,
  position: text,
  /** how the affiliation was read from the text, when it is not literal */
  note: text.optional(),
});

export const demoPersonSchema = z.strictObject({
  key: keySchema,
  name: text,
  roles: z.array(z.enum(personRoles)),
  affiliations: z.array(demoAffiliationSchema).min(1),
  politicalAffiliation: text.nullable(),
  /** honorifics that are neither a post nor a party, e.g. 博士 */
  honorifics: z.array(text).optional(),
  expertise: z.array(text),
  industries: z.array(keySchema).optional(),
  sources,
});
export type DemoPerson = z.infer<typeof demoPersonSchema>;

// ---------------------------------------------------------------- industries

export const demoIndustrySchema = z.strictObject({
  key: keySchema,
  name: text,
  aliases: z.array(text).optional(),
  parentKey: keySchema.nullable(),
  /** industries this one supplies (upstream → downstream) */
  upstreamOf: z.array(keySchema),
  /** what is inferred rather than read in an article (the chain links are) */
  note: text.optional(),
});
export type DemoIndustry = z.infer<typeof demoIndustrySchema>;

// ---------------------------------------------------------------- networks

/** what a declared count counts: a membership tier, or people by role */
export const declaredCountKinds = [...membershipTiers, 'expert', 'mentor'] as const;

export const demoMembershipSchema = z
  .strictObject({
    organizationKey: keySchema.optional(),
    personKey: keySchema.optional(),
    tier: z.enum(membershipTiers),
    role: text.nullable(),
    since: isoDate.nullable(),
  })
  .refine((m) => (m.organizationKey === undefined) !== (m.personKey === undefined), {
    message: 'a member is exactly one of organizationKey or personKey',
  });

export const demoNetworkSchema = z.strictObject({
  key: keySchema,
  name: text,
  aliases: z.array(text).optional(),
  kind: z.enum(networkKinds),
  parentKey: keySchema.nullable(),
  districtCode: districtCodeSchema.nullable(),
  description: text,
  /** 'YYYY' or 'YYYY-MM-DD' when the text gives it */
  established: z.string().regex(/^\d{4}(?:-\d{2}-\d{2})?$/).nullable().optional(),
  industries: z.array(keySchema).optional(),
  declaredCounts: z.partialRecord(z.enum(declaredCountKinds), z.number().int().nonnegative()),
  /** only members the text actually names, with the tier it gives */
  members: z.array(demoMembershipSchema),
  /** organisations the text ties to the network without saying that (or at which tier) they are members */
  relatedOrganizations: z.array(z.strictObject({ organizationKey: keySchema, relation: text })).optional(),
  sources,
});
export type DemoNetwork = z.infer<typeof demoNetworkSchema>;

// ---------------------------------------------------------------- places


export const demoPlaceSchema = z
  .strictObject({
    key: keySchema,
    name: text,
    aliases: z.array(text).optional(),
    kind: z.enum(placeKinds),
    districtCode: districtCodeSchema.nullable(),
    address: text.nullable(),
    /** approximate WGS-84, only for well-known places */
    lng: z.number().min(120.8).max(122.2).nullable(),
    lat: z.number().min(30.6).max(31.9).nullable(),
    coordNote: text.optional(),
    /** area in km² when the text states it */
    areaKm2: z.number().positive().optional(),
    parentKey: keySchema.nullable().optional(),
    /** the organisation that is this place (a company visited as a service point) */
    organizationKey: keySchema.optional(),
    /** networks this place is a base or station of */
    networkKeys: z.array(keySchema).optional(),
    description: text,
    sources,
  })
  .refine((p) => (p.lng === null) === (p.lat === null), { message: 'lng and lat are both set or both null' });
export type DemoPlace = z.infer<typeof demoPlaceSchema>;

// ---------------------------------------------------------------- events

export const eventKinds = [
  'service_day',
  'forum',
  'site_visit',
  'signing_meeting',
  'problem_meeting',
  'release_meeting',
  'sharing_session',
  'training',
  'other',
] as const;
export const hostRoles = ['host', 'organizer', 'guide', 'co_host'] as const;
export const countQualifiers = ['exact', 'more_than', 'about', 'nearly', 'at_least'] as const;

export const demoVenueSchema = z
  .strictObject({
    placeKey: keySchema.optional(),
    name: text.optional(),
    role: z.enum(['main', 'branch']),
  })
  .refine((v) => (v.placeKey === undefined) !== (v.name === undefined), {
    message: 'a venue is exactly one of placeKey or name',
  });

export const demoEventGroupSchema = z.strictObject({
  name: text,
  industryKey: keySchema.nullable(),
  placeKeys: z.array(keySchema),
  note: text.optional(),
});

export const demoEventSchema = z
  .strictObject({
    key: keySchema,
    title: text,
    kind: z.enum(eventKinds),
    status: z.enum(['held', 'announced']),
    startDate: isoDate.nullable(),
    /** what the text says about the date when it gives no full date */
    dateNote: text.optional(),
    districtCode: districtCodeSchema.nullable(),
    venues: z.array(demoVenueSchema),
    hosts: z.array(z.strictObject({ organizationKey: keySchema, role: z.enum(hostRoles) })),
    participantCount: z.number().int().positive().nullable(),
    participantCountQualifier: z.enum(countQualifiers).optional(),
    seriesName: text.nullable(),
    /** the event this one is a part of (a session within a day's programme) */
    partOfKey: keySchema.optional(),
    groups: z.array(demoEventGroupSchema),
    people: z.array(z.strictObject({ personKey: keySchema, role: text })).optional(),
    industries: z.array(keySchema).optional(),
    outcomes: z.array(text),
    sources,
  })
  .refine((e) => e.startDate !== null || e.dateNote !== undefined, {
    message: 'an event without startDate needs a dateNote',
  });
export type DemoEvent = z.infer<typeof demoEventSchema>;

// ---------------------------------------------------------------- agreements and plans

export const agreementKinds = ['co_construction', 'strategic', 'initiative', 'plan', 'other'] as const;

export const demoAgreementSchema = z.strictObject({
  key: keySchema,
  title: text,
  kind: z.enum(agreementKinds),
  /** signing, issuing or release date */
  signedOn: isoDate.nullable(),
  parties: z.array(keySchema),
  /** parties the text mentions without naming them */
  partiesNote: text.optional(),
  description: text.optional(),
  durationYears: z.number().int().positive().optional(),
  commitments: z.array(text),
  eventKey: keySchema.optional(),
  networkKeys: z.array(keySchema).optional(),
  placeKeys: z.array(keySchema).optional(),
  sources,
});
export type DemoAgreement = z.infer<typeof demoAgreementSchema>;

// ---------------------------------------------------------------- figures

export const figureScopeTypes = ['network', 'event', 'place', 'agreement', 'organization', 'industry', 'district', 'city'] as const;

export const demoFigureSchema = z
  .strictObject({
    label: text,
    value: z.number().nonnegative(),
    unit: text,
    qualifier: z.enum(countQualifiers),
    scopeType: z.enum(figureScopeTypes),
    /** a key of the scope's file, a district code, or 310000 for the city */
    scope: text,
    period: text.optional(),
    /** the sentence the figure comes from, in Simplified Chinese */
    quote: text,
    source: sourceSchema,
  })
  .refine((f) => f.scopeType !== 'city' || f.scope === shanghaiCityCode, { message: 'city scope is 310000' })
  .refine((f) => f.scopeType !== 'district' || f.scope in shanghaiDistricts, { message: 'unknown district code' });
export type DemoFigure = z.infer<typeof demoFigureSchema>;

// ---------------------------------------------------------------- files

export const demoFileSchemas = {
  organizations: z.array(demoOrganizationSchema),
  people: z.array(demoPersonSchema),
  networks: z.array(demoNetworkSchema),
  industries: z.array(demoIndustrySchema),
  places: z.array(demoPlaceSchema),
  events: z.array(demoEventSchema),
  agreements: z.array(demoAgreementSchema),
  figures: z.array(demoFigureSchema),
} as const;

export type DemoFileName = keyof typeof demoFileSchemas;
export type DemoData = { [K in DemoFileName]: z.infer<(typeof demoFileSchemas)[K]> };
export const demoFileNames = Object.keys(demoFileSchemas) as DemoFileName[];

/** The raw JSON of one demo file. */
export function readDemoFile(name: DemoFileName): unknown {
  return JSON.parse(readFileSync(join(import.meta.dirname, `${name}.json`), 'utf8'));
}

function parseFile<K extends DemoFileName>(name: K): DemoData[K] {
  const result = demoFileSchemas[name].safeParse(readDemoFile(name));
  if (!result.success) {
    throw new Error(`demo/${name}.json: ${z.prettifyError(result.error)}`);
  }
  return result.data as DemoData[K];
}

/** Read and validate every demo file; throws naming the file and the field on bad data. */
export function loadDemo(): DemoData {
  return {
    organizations: parseFile('organizations'),
    people: parseFile('people'),
    networks: parseFile('networks'),
    industries: parseFile('industries'),
    places: parseFile('places'),
    events: parseFile('events'),
    agreements: parseFile('agreements'),
    figures: parseFile('figures'),
  };
}
