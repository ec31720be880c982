import { describe, expect, it } from 'vitest';
import { ttlCache } from './ttl-cache';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ttlCache', () => {
  it('shares one load, keeps it for its lifetime, and lets the value set a longer one', async () => {
    const cache = ttlCache<number>(30);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    await sleep(40);
    expect(await cache.get('k', load, () => 1000)).toBe(2);
    await sleep(40);
    expect(await cache.get('k', load)).toBe(2); // the value asked for 1 s
  });

  it('with refreshInBackground answers the expired value at once and the reloaded one after', async () => {
    const cache = ttlCache<number>(20, 10, { refreshInBackground: true });
    let loads = 0;
    const slow = async () => {
      await sleep(50);
      return ++loads;
    };
    expect(await cache.get('k', slow)).toBe(1);
    await sleep(30);
    const t = performance.now();
    expect(await cache.get('k', slow)).toBe(1); // stale, not waited for
    expect(await cache.get('k', slow)).toBe(1); // one reload only
    expect(performance.now() - t).toBeLessThan(40);
    await sleep(70);
    expect(await cache.get('k', slow)).toBe(2);
    expect(loads).toBe(2);
  });
});
