import { describe, expect, it } from 'vitest';
import { formatRelativeTime, parseTimestamp } from './time-format';

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
