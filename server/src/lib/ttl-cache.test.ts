import { describe, expect, it } from 'vitest';
import { sharedReads, ttlCache } from './ttl-cache';

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

describe('sharedReads', () => {
  const dbA = {};
  const dbB = {};

  it('runs identical reads at the same moment once, and again once that one has settled', async () => {
    const read = sharedReads<{ n: number }[]>();
    let runs = 0;
    const load = async () => {
      await sleep(20);
      return [{ n: ++runs }];
    };
    const together = await Promise.all([read(dbA, 'page 1', load), read(dbA, 'page 1', load), read(dbA, 'page 1', load)]);
    expect(together.map((rows) => rows[0]!.n)).toEqual([1, 1, 1]);
    expect((await read(dbA, 'page 1', load))[0]!.n).toBe(2); // nothing kept after it settled
  });

  it('never answers from a read that started before the request: who asks while it runs gets the next run', async () => {
    const read = sharedReads<{ n: number }[]>();
    let runs = 0;
    const load = async () => {
      const n = ++runs;
      await sleep(30);
      return [{ n }];
    };
    const first = read(dbA, 'page 1', load);
    await sleep(10); // the first run is under way
    const later = [read(dbA, 'page 1', load), read(dbA, 'page 1', load)];
    expect((await first)[0]!.n).toBe(1);
    expect((await Promise.all(later)).map((rows) => rows[0]!.n)).toEqual([2, 2]);
    expect(runs).toBe(2);
  });

  it('does not share between other statements or other databases', async () => {
    const read = sharedReads<{ key: string }[]>();
    let runs = 0;
    const load = (key: string) => async () => {
      runs++;
      await sleep(10);
      return [{ key }];
    };
    const got = await Promise.all([read(dbA, 'page 1', load('a1')), read(dbA, 'page 2', load('a2')), read(dbB, 'page 1', load('b1'))]);
    expect(got.map((rows) => rows[0]!.key)).toEqual(['a1', 'a2', 'b1']);
    expect(runs).toBe(3);
  });

  it('gives every waiter a failed read’s error and keeps nothing of it', async () => {
    const read = sharedReads<{ n: number }[]>();
    const failing = async (): Promise<{ n: number }[]> => {
      await sleep(10);
      throw new Error('connection lost');
    };
    const results = await Promise.allSettled([read(dbA, 'k', failing), read(dbA, 'k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await read(dbA, 'k', async () => [{ n: 7 }])).toEqual([{ n: 7 }]);
  });

  it('freezes the shared rows, so one caller cannot change what another receives', async () => {
    const read = sharedReads<{ phone: string }[]>();
    const [mine, theirs] = await Promise.all([read(dbA, 'k', async () => [{ phone: '13800000000' }]), read(dbA, 'k', async () => [{ phone: 'other' }])]);
    expect(() => {
      (mine[0] as { phone: string }).phone = '138****0000';
    }).toThrow(TypeError);
    expect(theirs[0]!.phone).toBe('13800000000');
  });
});
