import { z } from 'zod';
import { searchEntityTypes } from '../domain';

export { searchEntityTypes, type SearchEntityType } from '../domain';

/** `types=organization,person` (comma-separated; empty or absent = every type). */
const typeList = z
  .string()
  .max(200)
  .transform((s) => [...new Set(s.split(',').map((t) => t.trim()).filter((t) => t.length > 0))])
  .pipe(z.array(z.enum(searchEntityTypes, { message: '类型应为 organization、person、network、place、need 或 event / unknown type' })));

export const searchQuery = z.object({
  q: z.string().trim().min(1, { message: '请输入搜索内容 / enter something to search for' }).max(100),
  types: typeList.optional(),
  districtCode: z.string().trim().max(6).optional(),
  industryId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** A piece of a title or snippet; `hit` marks the parts that match the query (render them in bold). */
export const highlightSegment = z.object({ text: z.string(), hit: z.boolean() });
export type HighlightSegment = z.infer<typeof highlightSegment>;

export const searchMatchKinds = ['name', 'pinyin', 'text'] as const;
export type SearchMatchKind = (typeof searchMatchKinds)[number];

export const searchItemSchema = z.object({
  type: z.enum(searchEntityTypes),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  /** the title split into segments, hits marked */
  highlight: z.array(highlightSegment),
  /** ~40 characters of the other searchable text around its first hit (aliases, titles, keywords …); [] when none */
  snippet: z.array(highlightSegment),
  /** name: the title contains the query; pinyin: full pinyin or initials of the title; text: other searchable text */
  matchedBy: z.enum(searchMatchKinds),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchResponse = z.object({
  items: z.array(searchItemSchema),
  /** matching records found; a lower bound when `capped` */
  total: z.number().int(),
  /** true when more records match than were ranked (a very common query): refine it to see the rest */
  capped: z.boolean(),
  tookMs: z.number(),
});
export type SearchResponse = z.infer<typeof searchResponse>;
