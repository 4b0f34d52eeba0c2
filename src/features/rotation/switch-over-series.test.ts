import { describe, expect, it } from 'vitest';
import { describeSwitchOver, hourlySeries } from './switch-over-series';

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 11, 1, 0);
const at = (h: number) => new Date(t0 + h * HOUR).toISOString();
const hourLabel = (start: number) => `${new Date(start).getUTCHours().toString().padStart(2, '0')}:00`;

describe('hourlySeries', () => {
  it('has one point per hour up to the current one, with zeros where the server left buckets out', () => {
    const points = hourlySeries(t0 + 30 * 60_000, t0 + 3 * HOUR + 5, [{ start: at(1), count: 4 }], [{ start: at(3), count: 2 }]);
    expect(points).toEqual([
      { start: t0, old: 0, replacement: 0 },
      { start: t0 + HOUR, old: 4, replacement: 0 },
      { start: t0 + 2 * HOUR, old: 0, replacement: 0 },
      { start: t0 + 3 * HOUR, old: 0, replacement: 2 },
    ]);
  });

  it('copes with no data at all', () => {
    expect(hourlySeries(t0, t0 + HOUR, null, null).map((p) => p.old + p.replacement)).toEqual([0, 0]);
  });
});

describe('describeSwitchOver', () => {
  const created = t0 + 2 * HOUR + 10 * 60_000; // 02:10
  const series = (old: Record<number, number>, replacement: Record<number, number>, hours = 8) =>
    hourlySeries(
      t0,
      t0 + hours * HOUR,
      Object.entries(old).map(([h, count]) => ({ start: at(Number(h)), count })),
      Object.entries(replacement).map(([h, count]) => ({ start: at(Number(h)), count })),
    );

  it('says when neither is used', () => {
    expect(describeSwitchOver(series({ 0: 5 }, {}), created, hourLabel)).toBe(
      'Neither credential has been used since the hour the replacement was created.',
    );
  });

  it('counts the old credential’s uses in the hour the replacement was created', () => {
    expect(describeSwitchOver(series({ 2: 3, 5: 1 }, {}), created, hourLabel)).toBe(
      'Only the old credential is in use: 4 uses since the hour the replacement was created, none of the new one yet.',
    );
  });

  it('says when only the new one is used', () => {
    expect(describeSwitchOver(series({ 1: 9 }, { 3: 1 }), created, hourLabel)).toBe(
      'Clients use only the new credential: 1 use since the hour the replacement was created, none of the old one.',
    );
  });

  it('shows the cutover: the old one’s last hour, and only the new one since', () => {
    expect(describeSwitchOver(series({ 3: 10, 4: 2 }, { 4: 5, 5: 20, 8: 20 }), created, hourLabel)).toBe(
      'Clients have switched over: the old credential was last used in the hour from 04:00 (12 uses since the hour the replacement was created); since then only the new one, 40 uses.',
    );
  });

  it('says both are in use while the old one is still used this hour', () => {
    expect(describeSwitchOver(series({ 3: 1, 8: 2 }, { 5: 7 }), created, hourLabel)).toBe(
      'Both credentials are in use: since the hour the replacement was created, the old one 3 times (most recently in the hour from 08:00) and the new one 7 times.',
    );
  });
});
