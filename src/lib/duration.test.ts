import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, serializeDuration } from './duration';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5 * S, '0 s'],
    [45 * S + 900, '45 s'],
    [2 * M + 5 * S, '2 min 5 s'],
    [12 * M + 5 * S, '12 min'],
    [H, '1 h'],
    [2 * H + 10 * M + 59 * S, '2 h 10 min'],
    [D, '24 h'],
    [D + 12 * H + 5 * M, '36 h 5 min'],
    [2 * D, '2 days'],
    [3 * D + 4 * H + 5 * M, '3 days 4 h'],
    [7 * D, '7 days'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('parseDuration and serializeDuration', () => {
  it('reads the URL forms', () => {
    expect(parseDuration('30s')).toBe(30 * S);
    expect(parseDuration('15m')).toBe(15 * M);
    expect(parseDuration('24h')).toBe(24 * H);
    expect(parseDuration('7d')).toBe(7 * D);
  });

  it('refuses anything else', () => {
    for (const bad of [null, '', '0h', '-1h', '1.5h', '10', 'h', '1w', '1234567d', '24 h']) expect(parseDuration(bad)).toBeNull();
  });

  it('round-trips in the largest exact unit', () => {
    expect(serializeDuration(7 * D)).toBe('7d');
    expect(serializeDuration(36 * H)).toBe('36h');
    expect(serializeDuration(24 * H)).toBe('24h');
    expect(serializeDuration(90 * M)).toBe('90m');
    expect(serializeDuration(10 * S)).toBe('10s');
    for (const ms of [10 * S, 90 * M, 25 * H, 30 * D]) expect(parseDuration(serializeDuration(ms))).toBe(ms);
  });
});
