import { describe, expect, it } from 'vitest';
import { dailySeries, pluralUses, summarizeDays, totalUses } from './usage-series';

describe('dailySeries', () => {
  const start = new Date('2026-11-28T00:00:00Z');

  it('fills the days the server left out with zero, in order', () => {
    const series = dailySeries(
      [
        { start: '2026-11-30T00:00:00Z', count: 4 },
        { start: '2026-11-28T00:00:00.000Z', count: 2 },
      ],
      start,
      4,
    );
    expect(series).toEqual([
      { start: '2026-11-28T00:00:00.000Z', count: 2 },
      { start: '2026-11-29T00:00:00.000Z', count: 0 },
      { start: '2026-11-30T00:00:00.000Z', count: 4 },
      { start: '2026-12-01T00:00:00.000Z', count: 0 },
    ]);
  });

  it('drops buckets outside the window and ignores unparsable starts', () => {
    const series = dailySeries(
      [
        { start: '2026-11-27T00:00:00Z', count: 9 },
        { start: 'not a date', count: 9 },
        { start: '2026-12-02T00:00:00Z', count: 9 },
        { start: '2026-11-29T00:00:00Z', count: 1 },
      ],
      start,
      4,
    );
    expect(totalUses(series)).toBe(1);
  });
});

describe('summarizeDays', () => {
  it('counts uses and active days and finds the busiest day', () => {
    const summary = summarizeDays([
      { start: 'a', count: 3 },
      { start: 'b', count: 0 },
      { start: 'c', count: 5 },
      { start: 'd', count: 5 },
    ]);
    expect(summary).toEqual({ total: 13, activeDays: 3, busiest: { start: 'd', count: 5 } });
  });

  it('has no busiest day without uses', () => {
    expect(summarizeDays([{ start: 'a', count: 0 }])).toEqual({ total: 0, activeDays: 0, busiest: undefined });
  });
});

describe('pluralUses', () => {
  it('says "use" for one', () => {
    expect(pluralUses(1)).toBe('1 use');
    expect(pluralUses(0)).toBe('0 uses');
  });
});
