import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { searchReadCondition } from '../../lib/visibility';

/**
 * What part of the index an actor may search: everything, or their district and network scopes.
 * `condition` is lib/visibility.ts's read rule over search_documents, so a search finds exactly the
 * records the lists show; districts and networkIds only inform the planner heuristics.
 */
export type SearchVisibility =
  | { all: true; condition?: undefined }
  | { all: false; districts: string[]; networkIds: string[]; condition: SQL | undefined };

export function searchVisibility(actor: Actor): SearchVisibility {
  if (actor.role === 'admin') return { all: true };
  return {
    all: false,
    districts: actor.scopes.filter((s) => s.kind === 'district').map((s) => s.value),
    networkIds: actor.scopes.filter((s) => s.kind === 'network').map((s) => s.value),
    condition: searchReadCondition(actor),
  };
}
