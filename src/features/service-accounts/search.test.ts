import { describe, expect, it, vi } from 'vitest';
import type { ServiceAccount, ServiceAccountList } from '../../api/schemas';
import { addChunk, EMPTY_SEARCH, matchesSearch, rankMatches, scanServiceAccounts } from './search';

const sa = (id: string, name: string): ServiceAccount => ({
  id,
  name,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

function pages(...lists: ServiceAccount[][]) {
  return vi.fn(async (after: string | undefined): Promise<ServiceAccountList> => {
    const index = after ? Number(after) : 0;
    return {
      items: lists[index] ?? [],
      page_info: {
        has_next_page: index < lists.length - 1,
        has_prev_page: index > 0,
        end_cursor: String(index + 1),
      },
    };
  });
}

async function collect(iterable: AsyncIterable<Parameters<typeof addChunk>[1]>) {
  let progress = EMPTY_SEARCH;
  for await (const chunk of iterable) progress = addChunk(progress, chunk);
  return progress;
}

describe('matchesSearch', () => {
  it('matches a case-insensitive name substring or the exact id', () => {
    expect(matchesSearch(sa('abc123', 'Billing Worker'), 'billing')).toBe(true);
    expect(matchesSearch(sa('abc123', 'Billing Worker'), 'WORK')).toBe(true);
    expect(matchesSearch(sa('abc123', 'Billing Worker'), 'abc123')).toBe(true);
    expect(matchesSearch(sa('abc123', 'Billing Worker'), 'abc')).toBe(false);
    expect(matchesSearch(sa('abc123', 'Billing Worker'), '   ')).toBe(false);
  });
});

describe('scanServiceAccounts', () => {
  it('reads every page and collects matches from all of them', async () => {
    const fetchPage = pages([sa('1', 'ci-runner'), sa('2', 'billing')], [sa('3', 'deploy')], [sa('4', 'CI-nightly')]);
    const result = await collect(scanServiceAccounts(fetchPage, 'ci', new AbortController().signal));
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([undefined, '1', '2']);
    expect(result.scanned).toBe(4);
    expect(result.pages).toBe(3);
    expect(result.matches.map((m) => m.id)).toEqual(['1', '4']);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const fetchPage = pages([sa('1', 'a')], [sa('2', 'b')], [sa('3', 'c')]);
    const seen: number[] = [];
    await expect(async () => {
      for await (const chunk of scanServiceAccounts(fetchPage, 'a', controller.signal)) {
        seen.push(chunk.scanned);
        controller.abort();
      }
    }).rejects.toThrow();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([1]);
  });

  it('stops on a repeated cursor instead of looping forever', async () => {
    const fetchPage = vi.fn(
      async (): Promise<ServiceAccountList> => ({
        items: [sa('1', 'a')],
        page_info: { has_next_page: true, has_prev_page: false, end_cursor: 'same' },
      }),
    );
    await collect(scanServiceAccounts(fetchPage, 'a', new AbortController().signal));
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });
});

describe('rankMatches', () => {
  it('puts the exact id match first', () => {
    const matches = [sa('x1', 'has id1 in name'), sa('id1', 'other')];
    expect(rankMatches(matches, 'id1').map((m) => m.id)).toEqual(['id1', 'x1']);
  });
});
