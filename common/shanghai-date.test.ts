import { afterEach, describe, expect, it, vi } from 'vitest';
import { shanghaiDate, shanghaiToday } from './shanghai-date';

describe('Shanghai calendar dates', () => {
  afterEach(() => vi.useRealTimers());

  it('is the next day from 16:00 UTC on, whatever the machine’s time zone', () => {
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(shanghaiDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(shanghaiDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });

  it('reads the clock on every call: at 23:30 UTC today is tomorrow', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T23:30:00Z'));
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-11-27');
    expect(shanghaiToday()).toBe('2026-11-28');
    vi.setSystemTime(new Date('2026-11-28T00:30:00Z'));
    expect(shanghaiToday()).toBe('2026-11-28');
  });
});
