import { describe, expect, it } from 'vitest';
import { formatCount, formatRelativeTime, parseTimestamp } from './time-format';

const now = new Date('2026-11-30T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('formatRelativeTime', () => {
  it('says "just now" under a minute, including small clock skew into the future', () => {
    expect(formatRelativeTime(ago(30_000), now, 'en')).toBe('just now');
    expect(formatRelativeTime(ago(-20_000), now, 'en')).toBe('just now');
  });

  it('picks the largest whole unit and truncates', () => {
    expect(formatRelativeTime(ago(5 * 60_000), now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3.8 * 3600_000), now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(ago(24 * 3600_000), now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(45 * 86400_000), now, 'en')).toBe('last month');
    expect(formatRelativeTime(ago(800 * 86400_000), now, 'en')).toBe('2 years ago');
  });

  it('formats the future too', () => {
    expect(formatRelativeTime(ago(-2 * 3600_000), now, 'en')).toBe('in 2 hours');
  });
});

describe('parseTimestamp', () => {
  it('returns null for absent and invalid values', () => {
    expect(parseTimestamp(null)).toBeNull();
    expect(parseTimestamp(undefined)).toBeNull();
    expect(parseTimestamp('not a date')).toBeNull();
  });

  it('parses RFC 3339 strings', () => {
    expect(parseTimestamp('2026-11-30T03:55:39.123Z')?.toISOString()).toBe('2026-11-30T03:55:39.123Z');
  });
});

describe('formatCount', () => {
  it('groups integers as Intl.NumberFormat("en") does, without building one', () => {
    const intl = new Intl.NumberFormat('en');
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 1_234_567_890, -1, -1234, -1_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(formatCount(n)).toBe(intl.format(n));
    }
  });

  it('leaves fractions and huge numbers to Intl', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(1e21)).toBe(new Intl.NumberFormat('en').format(1e21));
  });
});

describe('formatRelativeTime in English', () => {
  it('says what Intl.RelativeTimeFormat("en", numeric auto) says, without building one', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const units = [
      ['minute', 60_000, 59],
      ['hour', 3_600_000, 23],
      ['day', 86_400_000, 29],
      ['month', 30 * 86_400_000, 12],
      ['year', 365 * 86_400_000, 1500],
    ] as const;
    for (const [unit, ms, most] of units) {
      for (let amount = 1; amount <= most; amount += amount < 30 ? 1 : 37) {
        for (const sign of [-1, 1]) {
          // A little over the whole amount: the function truncates.
          const date = new Date(now.getTime() + sign * (amount * ms + 1000));
          expect(formatRelativeTime(date, now), `${sign * amount} ${unit}`).toBe(intl.format(sign * amount, unit));
        }
      }
    }
  });

  it('leaves other locales to Intl', () => {
    expect(formatRelativeTime(ago(24 * 3600_000), now, 'de')).toBe('gestern');
  });
});
