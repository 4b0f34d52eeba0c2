import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_SEARCH,
  activeFilterCount,
  parseReviewSearch,
  parseStaleDays,
  reviewSearchParams,
  toggleSort,
} from './review-search';

describe('review search params', () => {
  it('defaults to every credential, oldest last use first, stale after 90 days', () => {
    expect(parseReviewSearch(new URLSearchParams())).toEqual(DEFAULT_REVIEW_SEARCH);
    expect(reviewSearchParams(DEFAULT_REVIEW_SEARCH).toString()).toBe('');
  });

  it('round-trips every setting', () => {
    const search = {
      q: 'key 7',
      status: 'stale',
      serviceAccountId: 'sa1',
      sort: 'name',
      dir: 'desc',
      staleAfterDays: 45,
      rotationDue: true,
    } as const;
    const params = reviewSearchParams(search);
    expect(params.toString()).toBe('q=key+7&status=stale&account=sa1&sort=name&dir=desc&stale=45&rotation=due');
    expect(parseReviewSearch(params)).toEqual(search);
  });

  it('counts the filters that differ from the defaults', () => {
    expect(activeFilterCount(DEFAULT_REVIEW_SEARCH)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_REVIEW_SEARCH, status: 'idle', rotationDue: true })).toBe(2);
    expect(activeFilterCount({ ...DEFAULT_REVIEW_SEARCH, serviceAccountId: 'sa1', staleAfterDays: 10, sort: 'name' })).toBe(2);
  });

  it('ignores values it does not know', () => {
    const parsed = parseReviewSearch(new URLSearchParams('status=bogus&sort=size&dir=up&stale=abc'));
    expect(parsed).toEqual(DEFAULT_REVIEW_SEARCH);
  });

  it('accepts stale thresholds from 1 to 3650 whole days', () => {
    expect(parseStaleDays('1')).toBe(1);
    expect(parseStaleDays('3650')).toBe(3650);
    expect(parseStaleDays('0')).toBeNull();
    expect(parseStaleDays('3651')).toBeNull();
    expect(parseStaleDays('2.5')).toBeNull();
    expect(parseStaleDays('-3')).toBeNull();
    expect(parseStaleDays('')).toBeNull();
  });

  it('flips the direction on the same column and starts ascending on another', () => {
    const flipped = toggleSort(DEFAULT_REVIEW_SEARCH, 'last-used');
    expect(flipped).toMatchObject({ sort: 'last-used', dir: 'desc' });
    expect(toggleSort(flipped, 'name')).toMatchObject({ sort: 'name', dir: 'asc' });
  });
});
