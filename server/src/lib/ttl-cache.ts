import type { Actor } from './actor';
import { coalesce, type Coalescer } from './coalesce';

/**
 * A small in-process cache for figures that do not change per request (home-page counts, the
 * industries' organisation counts): each value is kept for `ttlMs`, concurrent requests for the
 * same key share one load, and `clear()` drops everything (call it after a write in this
 * process). Safe with several app processes because values only live `ttlMs`: another process's
 * write shows after at most that long.
 */
export function ttlCache<V>(ttlMs: number, maxEntries = 500, opts: { refreshInBackground?: boolean } = {}) {
  interface Entry {
    at: number;
    ttl: number;
    value: Promise<V>;
    settled: boolean;
    refreshing: boolean;
  }
  const entries = new Map<string, Entry>();
  const start = (key: string, load: () => Promise<V>, ttlOf: ((v: V) => number) | undefined, now: number): Entry => {
    const value = load();
    const entry: Entry = { at: now, ttl: ttlMs, value, settled: false, refreshing: false };
    void value.then(
      (v) => {
        entry.settled = true;
        if (ttlOf) entry.ttl = ttlOf(v);
      },
      () => undefined,
    );
    return entry;
  };
  return {
    /**
     * `ttlOf` (optional) sets the entry's lifetime from the loaded value, e.g. longer for estimates
     * than for exact figures. With `refreshInBackground`, an expired value is still answered while
     * one reload runs beside it (nobody waits for a slow load twice); a failed reload keeps the old value.
     */
    get(key: string, load: () => Promise<V>, ttlOf?: (v: V) => number): Promise<V> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < hit.ttl) return hit.value;
      if (hit && opts.refreshInBackground && hit.settled) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          const next = start(key, load, ttlOf, now);
          next.value.then(
            () => {
              if (entries.get(key) === hit) entries.set(key, { ...next, settled: true });
            },
            () => {
              hit.refreshing = false;
              hit.at = Date.now();
            },
          );
        }
        return hit.value;
      }
      if (entries.size >= maxEntries) entries.clear();
      const entry = start(key, load, ttlOf, now);
      entries.set(key, entry);
      const value = entry.value;
      // a failed load is not kept
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}

/** A cache key for what an actor may see: the role and the scopes, not the person. */
export const scopeKey = (actor: Actor) =>
  actor.role === 'admin' ? 'admin' : `${actor.role}|${actor.scopes.map((s) => `${s.kind}:${s.value}`).sort().join(',')}`;

let sharing = true;
/** Turn sharedReads on or off for this process (TONGXIN_SHARED_READS: the load benchmark measures both). */
export const shareIdenticalReads = (on: boolean) => {
  sharing = on;
};

/**
 * Identical reads asked for together run once (lib/coalesce.ts, per statement): the requests for the
 * same statement (its SQL and parameters, on the same database) that arrive in one turn of the event
 * loop, or while that statement is running, are answered by ONE run of it that starts after they all
 * arrived. Twenty people opening the same list page together cost one query, not twenty.
 *  - not a cache: nothing is answered from a read that started before the request (a commit that
 *    preceded the request is always seen), and nothing is kept once a run has answered;
 *  - a transaction never shares (it may see its own uncommitted writes): pass the root database only;
 *  - the shared rows are frozen, so no caller can change what another one receives.
 */
export function sharedReads<V extends readonly object[]>() {
  const byDatabase = new WeakMap<object, Map<string, Coalescer<() => Promise<V>, V>>>();
  return (database: object, key: string, load: () => Promise<V>): Promise<V> => {
    if (!sharing) return load();
    let runs = byDatabase.get(database);
    if (!runs) byDatabase.set(database, (runs = new Map()));
    let run = runs.get(key);
    if (!run) {
      run = coalesce<() => Promise<V>, V>(async (loads) => {
        const rows = await loads[0]!();
        for (const row of rows) Object.freeze(row);
        const value = Object.freeze(rows);
        return loads.map(() => ({ ok: true as const, value }));
      });
      runs.set(key, run);
    }
    const answer = run(load);
    const idle = () => {
      if (run.size === 0 && runs.get(key) === run) runs.delete(key);
    };
    answer.then(idle, idle);
    return answer;
  };
}
