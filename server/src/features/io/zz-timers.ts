export const T: Record<string, number> = {};
export async function timed<R>(k: string, f: () => Promise<R> | R): Promise<R> {
  const t = performance.now();
  try { return await f(); } finally { T[k] = (T[k] ?? 0) + performance.now() - t; }
}
export function timedSync<R>(k: string, f: () => R): R {
  const t = performance.now();
  try { return f(); } finally { T[k] = (T[k] ?? 0) + performance.now() - t; }
}
