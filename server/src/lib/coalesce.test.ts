import { describe, expect, it } from 'vitest';
import { coalesce, type Settled } from './coalesce';

/** a coalescer whose runs are recorded and end when the test says so */
function recorder(max?: number) {
  const runs: number[][] = [];
  const ends: (() => void)[] = [];
  const add = coalesce<number, number>(
    (items) => {
      runs.push(items);
      return new Promise<Settled<number>[]>((resolve) =>
        ends.push(() => resolve(items.map((x) => (x < 0 ? { ok: false, error: new Error(`bad ${x}`) } : { ok: true, value: x * 10 })))),
      );
    },
    { max },
  );
  return { add, runs, end: () => ends.shift()!() };
}
const turn = () => new Promise((r) => setImmediate(r));

describe('coalesce', () => {
  it('runs the items of one turn together, and those added while it runs as the next run, never before they were added', async () => {
    const { add, runs, end } = recorder();
    const first = [add(1), add(2), add(3)];
    expect(runs).toEqual([]);
    await turn();
    expect(runs).toEqual([[1, 2, 3]]);
    const second = [add(4), add(5)];
    await turn();
    // one run in flight: 4 and 5 wait for it
    expect(runs).toEqual([[1, 2, 3]]);
    end();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await turn();
    expect(runs).toEqual([[1, 2, 3], [4, 5]]);
    end();
    expect(await Promise.all(second)).toEqual([40, 50]);
    expect(add.size).toBe(0);
  });

  it('fails only the item that failed; a run that throws fails all of its items', async () => {
    const { add, end } = recorder();
    const got = [add(1), add(-2), add(3)].map((p) => p.then(String, (e: Error) => e.message));
    await turn();
    end();
    expect(await Promise.all(got)).toEqual(['10', 'bad -2', '30']);
    const broken = coalesce<number, number>(() => Promise.reject(new Error('database gone')));
    const all = await Promise.allSettled([broken(1), broken(2)]);
    expect(all.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['database gone', 'database gone']);
    const wrong = coalesce<number, number>(() => {
      throw new Error('thrown before a promise');
    });
    await expect(wrong(1)).rejects.toThrow('thrown before a promise');
  });

  it('takes at most `max` items a run', async () => {
    const { add, runs, end } = recorder(2);
    const all = Promise.all([1, 2, 3, 4, 5].map(add));
    for (let i = 0; i < 3; i++) {
      await turn();
      await turn();
      end();
    }
    expect(await all).toEqual([10, 20, 30, 40, 50]);
    expect(runs).toEqual([[1, 2], [3, 4], [5]]);
  });
});
