/**
 * Where an import's time goes, per phase, summed since the process started (read by the import
 * benchmark, which prints them; cheap enough to stay on). Phases overlap: the next batch is read and
 * checked while the current one is written.
 */
export const importPhaseMs: Record<string, number> = {};

export async function timed<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    importPhaseMs[phase] = (importPhaseMs[phase] ?? 0) + performance.now() - t0;
  }
}

export function timedSync<T>(phase: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    importPhaseMs[phase] = (importPhaseMs[phase] ?? 0) + performance.now() - t0;
  }
}

/** the items of an async iterable, the time spent waiting for each summed under `phase` */
export async function* timedIterable<T>(phase: string, it: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = it[Symbol.asyncIterator]();
  for (;;) {
    const next = await timed(phase, () => iterator.next());
    if (next.done) return;
    yield next.value;
  }
}
