import { describe, expect, it } from 'vitest';
import { splitByFrequency } from './need-matching';

describe('splitByFrequency', () => {
  const df = new Map([
    ['技术', 35_000],
    ['汽车', 8_800],
    ['智能网联', 1_600],
    ['产学研', 60],
  ]);
  const terms = ['技术', '汽车', '智能网联', '产学研'].map((term, i) => ({ term, weight: 10 - i }));

  it('ranks only the terms few documents hold, rarest first, within the budget', () => {
    const { rare, common } = splitByFrequency(terms, (l) => df.get(l) ?? 0, 3000);
    expect(rare.map((t) => t.term)).toEqual(['产学研', '智能网联']);
    expect(common.map((t) => t.term)).toEqual(['汽车', '技术']);
  });

  it('with no statistics (a small database) every term is rare', () => {
    const { rare, common } = splitByFrequency(terms, () => 0);
    expect(rare).toHaveLength(4);
    expect(common).toHaveLength(0);
  });
});
