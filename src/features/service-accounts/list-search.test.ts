import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, parseListSearch } from './list-search';
import { toggleListSort, toSearchParams } from './list-search-changes';

describe('parseListSearch', () => {
  it('reads limit, cursors and the query', () => {
    expect(parseListSearch(new URLSearchParams('limit=50&after=abc&q=bill'))).toEqual({
      limit: 50,
      after: 'abc',
      before: undefined,
      q: 'bill',
    });
  });

  it('falls back to the default page size for a bad limit', () => {
    for (const bad of ['0', '1001', 'x', '2.5', '']) {
      expect(parseListSearch(new URLSearchParams({ limit: bad })).limit).toBe(DEFAULT_PAGE_SIZE);
    }
  });

  it('never returns both cursors', () => {
    const search = parseListSearch(new URLSearchParams('after=a&before=b'));
    expect(search.after).toBe('a');
    expect(search.before).toBeUndefined();
  });
});

describe('toSearchParams', () => {
  it('omits defaults and round-trips', () => {
    expect(toSearchParams({ limit: DEFAULT_PAGE_SIZE, q: '' }).toString()).toBe('');
    const params = toSearchParams({ limit: 10, before: 'cur', q: 'ci' });
    expect(params.toString()).toBe('q=ci&limit=10&before=cur');
    expect(parseListSearch(params)).toEqual({ limit: 10, after: undefined, before: 'cur', q: 'ci' });
  });
});

describe('sort (service_account_query)', () => {
  it('round-trips sort and direction and flips the current column', async () => {
    const params = toSearchParams({ limit: DEFAULT_PAGE_SIZE, q: '', sort: 'last_used_at', dir: 'asc' });
    expect(params.toString()).toBe('sort=last_used_at&dir=asc');
    const search = parseListSearch(params);
    expect(search).toMatchObject({ sort: 'last_used_at', dir: 'asc' });
    expect(toggleListSort(search, 'last_used_at')).toEqual({ sort: 'last_used_at', dir: 'desc' });
    expect(toggleListSort(search, 'name')).toEqual({ sort: 'name', dir: 'asc' });
    // Default view is newest first: clicking Created flips it to oldest first.
    expect(toggleListSort(parseListSearch(new URLSearchParams()), 'created_at')).toEqual({ sort: 'created_at', dir: 'asc' });
    expect(parseListSearch(new URLSearchParams('sort=bogus&dir=up'))).not.toHaveProperty('sort');
  });
});
