import { createHash } from 'node:crypto';

/** A seeded pseudo-random number generator: returns floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for synthetic data; the same seed gives the same stream. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed (murmur3's finaliser after each part). */
export function mix32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + Math.imul(p / 4294967296, 0x27d4eb2f)) >>> 0; // high bits of large numbers
  }
  return h >>> 0;
}

/** Streams keep kinds of records independent: more organisations do not change the networks' names. */
export const streams = { industry: 1, organization: 2, person: 3, network: 4, membership: 5 } as const;
export type Stream = keyof typeof streams;

/**
 * The generator of record `index` of a stream: every synthetic record is a pure function of
 * (seed, stream, index), so any slice can be generated again without the rest.
 */
export function recordRng(seed: number, stream: Stream, index: number): Rng {
  return mulberry32(mix32(seed, streams[stream], index));
}

/** An integer in [min, max]. */
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const chance = (rng: Rng, p: number) => rng() < p;

/** Picks by weight: weighted([['a', 3], ['b', 1]]) returns a three times as often as b. */
export function weighted<T>(items: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of items) cumulative.push((acc += w / total));
  return (rng) => {
    const r = rng();
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return items[i][0];
    return items[items.length - 1][0];
  };
}

/** `count` distinct items (or all of them when there are fewer). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  return out;
}

/**
 * A deterministic UUID (version-4 layout) for a record: SHA-1 of its coordinates, e.g.
 * syntheticUuid(seed, 'person', 17) or syntheticUuid(seed, 'affiliation', 17, 0). Not drawn from
 * a generator: mulberry32 has 32 bits of state, so streams of a million records overlap and
 * would repeat ids.
 */
export function syntheticUuid(...parts: (string | number)[]): string {
  const h = createHash('sha1').update(parts.join(':')).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A date (YYYY-MM-DD) between two years, inclusive. */
export function dateBetween(rng: Rng, fromYear: number, toYear: number): string {
  const y = int(rng, fromYear, toYear);
  const m = int(rng, 1, 12);
  const d = int(rng, 1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The id of record `index` of a stream, without generating the rest of it. */
export const syntheticId = (seed: number, stream: Stream, index: number) => syntheticUuid(seed, stream, index);
