import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { needs, organizations } from '../../db/schema';
import { deleteSearchDocument, upsertSearchDocuments, type SearchDoc } from '../search/search-index';

/**
 * A need's search document (search-index.ts builds the row): its title, found by words, pinyin and
 * initials like a name; the description and the enterprise's name as text; the category as kind.
 * Read through the need rule of lib/visibility.ts (searchReadCondition): an enterprise finds its own
 * needs, an expert the needs assigned to them, a coordinator those of their scope.
 */
export function needSearchDoc(n: Pick<typeof needs.$inferSelect, 'id' | 'title' | 'description' | 'districtCode' | 'category' | 'industryIds'>, organizationName: string): SearchDoc {
  return {
    entityType: 'need',
    entityId: n.id,
    title: n.title,
    subtitle: organizationName,
    texts: [organizationName, n.description],
    districtCode: n.districtCode,
    kind: n.category,
    industryIds: n.industryIds,
  };
}

/** Write (or drop, when they are gone) the search documents of these needs; call it in the transaction that changed them. */
export async function syncNeedSearch(ex: Executor, ids: string[]) {
  if (!ids.length) return;
  const rows = await ex
    .select({ need: needs, organizationName: organizations.name })
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(inArray(needs.id, ids));
  await upsertSearchDocuments(
    ex,
    rows.map((r) => needSearchDoc(r.need, r.organizationName)),
  );
  for (const id of ids) if (!rows.some((r) => r.need.id === id)) await deleteSearchDocument(ex, 'need', id);
}

/** The search documents of an organisation's needs, after its name changed (a rename, a merge). */
export async function syncNeedSearchOfOrganization(ex: Executor, organizationId: string) {
  const rows = await ex.select({ id: needs.id }).from(needs).where(eq(needs.organizationId, organizationId));
  await syncNeedSearch(
    ex,
    rows.map((r) => r.id),
  );
}
