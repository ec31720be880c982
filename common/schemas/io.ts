import { z } from 'zod';
import { membershipTiers, organizationKinds, personRoles, placeKinds } from '../domain';

/** What can be imported and exported: organisations, people, memberships of networks. */
export const ioKinds = ['organizations', 'people', 'memberships', 'places'] as const;
export type IoKind = (typeof ioKinds)[number];

export const ioKindParams = z.object({ kind: z.enum(ioKinds) });

export const importModes = ['all', 'valid'] as const;
export type ImportMode = (typeof importModes)[number];

/**
 * A row that matches a record already in the directory exactly (the same credit code, or the same
 * normalized name): skip leaves the record as it is, update writes the row's non-empty cells into it.
 */
export const existingModes = ['skip', 'update'] as const;
export type ExistingMode = (typeof existingModes)[number];

export const importQuery = z.object({
  /** all: nothing lands unless every row is good (default); valid: land the good rows, report the bad ones */
  mode: z.enum(importModes).default('all'),
  /** rows matching an existing record exactly: skip them (default) or update the record */
  existing: z.enum(existingModes).default('skip'),
});

/** One problem of one row: row numbered as in the spreadsheet (header = row 1), column = its Chinese header. */
export const importErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportError = z.infer<typeof importErrorSchema>;

/** At most this many errors are listed in a response; errorCount has them all, the error report every bad row. */
export const MAX_LISTED_ERRORS = 1000;

export const importResultSchema = z.object({
  /** new records */
  imported: z.number().int(),
  /** rows that matched an existing record exactly and were left out (existing=skip) */
  skipped: z.number().int(),
  /** existing records that rows matching them exactly updated (existing=update) */
  updated: z.number().int(),
  /** data rows in the file (empty rows not counted) */
  total: z.number().int(),
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
  /** GET /api/io/error-report/:token: the bad rows with a 错误 column (7 days, same user) */
  errorReportToken: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importReportSchema = z.object({
  total: z.number().int(),
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
  errorReportToken: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** 422 body when mode=all and a row is bad (or a required column is missing): nothing landed. */
export const importInvalidSchema = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  requestId: z.string(),
  report: importReportSchema,
});

export const importDuplicateReasons = ['uscc', 'name', 'alias', 'similar', 'phone', 'name+organization'] as const;
/** A record the row may duplicate: in the database (id) or another row of the same file (row). */
export const importDuplicateCandidateSchema = z.object({
  id: z.string().nullable(),
  row: z.number().int().nullable(),
  name: z.string(),
  districtName: z.string().nullable(),
  uscc: z.string().nullable(),
  reason: z.enum(importDuplicateReasons),
  score: z.number(),
});
export type ImportDuplicateCandidate = z.infer<typeof importDuplicateCandidateSchema>;

export const importCheckSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  errors: z.array(importErrorSchema),
  errorCount: z.number().int(),
  duplicates: z.array(z.object({ row: z.number().int(), candidates: z.array(importDuplicateCandidateSchema) })),
  /** rows that match an existing record exactly (credit code or normalized name): skipped or updated on import */
  matched: z.number().int(),
  /**
   * rows compared with the directory for near names (trigram similarity): the costly kind of match, so a
   * check spends a bounded time on it; when fewer than `valid`, the rest were checked for exact matches only
   */
  nearNamesChecked: z.number().int(),
});
export type ImportCheck = z.infer<typeof importCheckSchema>;

export const errorReportParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const exportFiles = [
  'organizations.xlsx',
  'organizations.csv',
  'people.xlsx',
  'people.csv',
  'memberships.xlsx',
  'memberships.csv',
  'places.xlsx',
  'places.csv',
] as const;
/** /api/io/export/:file, e.g. organizations.xlsx or people.csv */
export const exportParams = z.object({ file: z.enum(exportFiles) });

const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/**
 * The list filters of the exported kind (organisations: q kind districtCode industryId networkId tier sort;
 * people: q role organizationId networkId industryId districtCode sort; memberships: q networkId tier
 * districtCode current). `unmasked=1` (admin or coordinator) writes phone and e-mail in clear, audit-logged.
 */
export const exportQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.union([z.enum(organizationKinds), z.enum(placeKinds)]).optional(),
  role: z.enum(personRoles).optional(),
  districtCode: z.string().max(6).optional(),
  industryId: z.uuid().optional(),
  networkId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  tier: z.enum(membershipTiers).optional(),
  current: flag,
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'districtCode', '-districtCode']).default('name'),
  unmasked: flag,
});
export type ExportQuery = z.infer<typeof exportQuery>;
