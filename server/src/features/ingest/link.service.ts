import type { LinkBody, LinkResult } from '../../../../common/schemas/ingest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { findOrganizationDuplicatesBatch } from '../organizations/organization-duplicates.repository';
import { findPersonDuplicatesBatch } from '../people/person-duplicates.repository';

type Match = LinkResult['organizations'][number]['match'];

/**
 * Each extracted organisation and person matched to the directory through THE duplicate finders (which
 * scope by lib/visibility.ts): organisations exact (same name / core name), alias, near (trigram) or
 * new; people exact when the same name works at one of the report's organisations, near when only the
 * name is shared (never linked silently: common names repeat), else new. Reads only.
 */
export async function linkExtraction(db: Db, actor: Actor, body: LinkBody): Promise<LinkResult> {
  return db.transaction(async (tx) => {
    const orgHits = body.organizations.length ? await findOrganizationDuplicatesBatch(tx, actor, body.organizations.map((name) => ({ name })), { limit: 5 }) : [];
    const organizations = body.organizations.map((name, k) => {
      const candidates = orgHits[k] ?? [];
      const best = candidates[0];
      let match: Match = 'new';
      if (best) match = best.reason === 'alias' ? 'alias' : best.reason === 'similar' || best.score < 1 ? 'near' : 'exact';
      return { name, match, candidates: candidates.map((c) => ({ id: c.id, name: c.name, reason: c.reason, score: c.score })) };
    });
    // a person's organisations: those of the report that their title names
    const queries = body.people.map((p) => ({ name: p.name, organizationNames: body.organizations.filter((o) => p.title?.includes(o)) }));
    const personHits = queries.length ? await findPersonDuplicatesBatch(tx, actor, queries, 5) : [];
    const people = body.people.map((p, k) => {
      const candidates = personHits[k] ?? [];
      const best = candidates[0];
      const match: Match = !best ? 'new' : best.score >= 1 ? 'exact' : 'near';
      return { name: p.name, title: p.title, match, candidates: candidates.map((c) => ({ id: c.id, name: c.name, reason: c.reason, score: c.score })) };
    });
    return { organizations, people };
  });
}
