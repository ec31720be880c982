/**
 * Coalescing of concurrent calls into one statement (group commit, DataLoader style) — NOT a cache.
 *
 * Items added in the same turn of the event loop (for HTTP: the requests read in one poll phase) are run
 * together at the end of that turn, by ONE call of `run`. While a run is in flight, new items wait and form
 * the next run, which starts when it ends (one run in flight per coalescer): a run never starts before its
 * items were added, so nothing is answered from a read made before the caller asked. Under load the waiting
 * items pile up and a run takes all of them (at most `max`), so the statements per request fall as the load rises;
 * with one caller at a time a run is one item, one statement, as before.
 *
 * `run` returns one settled result per item, in the items' order (an item's own error does not fail the
 * others); a run that throws fails every item of it.
 */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface Coalescer<I, O> {
  (item: I): Promise<O>;
  /** items waiting or running (tests) */
  readonly size: number;
}

export function coalesce<I, O>(run: (items: I[]) => Promise<Settled<O>[]>, { max = 500 }: { max?: number } = {}): Coalescer<I, O> {
  interface Entry {
    item: I;
    resolve: (o: O) => void;
    reject: (e: unknown) => void;
  }
  let waiting: Entry[] = [];
  let running = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || running || !waiting.length) return;
    scheduled = true;
    setImmediate(flush);
  };

  function flush() {
    scheduled = false;
    const batch = waiting.slice(0, max);
    waiting = waiting.slice(batch.length);
    running = batch.length;
    const settle = (each: (e: Entry, i: number) => void) => {
      running = 0;
      batch.forEach(each);
      schedule();
    };
    void Promise.resolve(batch.map((e) => e.item))
      .then(run)
      .then(
      (results) => {
        if (results.length !== batch.length) {
          const error = new Error(`coalesce: ${results.length} results for ${batch.length} items`);
          return settle((e) => e.reject(error));
        }
        settle((e, i) => {
          const r = results[i]!;
          if (r.ok) e.resolve(r.value);
          else e.reject(r.error);
        });
      },
      (error: unknown) => settle((e) => e.reject(error)),
    );
  }

  const add = (item: I) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
  Object.defineProperty(add, 'size', { get: () => waiting.length + running });
  return add as Coalescer<I, O>;
}
