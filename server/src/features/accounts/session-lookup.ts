import type { Db } from '../../db/client';
import { coalesce } from '../../lib/coalesce';
import * as repo from './accounts.repository';

/**
 * Session lookups of concurrent requests share ONE statement (`sessions.id in (…)`): the requests read in
 * one turn of the event loop are looked up together at its end, and those arriving while a lookup runs
 * form the next one. Not a cache: every request's session is read after the request arrived, so a session
 * ended by any process (logout, password or role change, disabled user) is refused from the next request on.
 * The refresh of `last_seen_at` (at most every 30 s per session) is shared by the requests that ask for it at once.
 */
export function createSessionLookup(db: Db) {
  const find = coalesce<string, repo.SessionWithUser | undefined>(async (ids) => {
    const rows = await repo.findSessions(db, [...new Set(ids)]);
    const byId = new Map(rows.map((r) => [r.session.id, r]));
    return ids.map((id) => ({ ok: true, value: byId.get(id) }));
  });
  const touching = new Map<string, Promise<unknown>>();
  const touch = (id: string) => {
    let p = touching.get(id);
    if (!p) {
      p = Promise.resolve(repo.touchSession(db, id)).finally(() => touching.delete(id));
      touching.set(id, p);
    }
    return p;
  };
  return { find, touch };
}
