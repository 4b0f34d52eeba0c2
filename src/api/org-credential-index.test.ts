import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from './client';
import { compareInServerOrder, listMergedPage, walkOrgCredentials, type OrgCredentialFilter } from './org-credential-index';
import type { OrgCredentialItem } from './org-credential-schemas';

vi.mock('./client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./client')>()),
  apiRequest: vi.fn(),
}));

afterEach(() => vi.resetAllMocks());

const item = (id: string, lastUsed: string | null): OrgCredentialItem => ({
  id,
  client_id: `client-${id}`,
  name: id,
  created_at: '2026-01-01T00:00:00.000Z',
  last_used_at: lastUsed,
  service_account: { id: 'sa', name: 'SA' },
});

/** A fake server holding `rows` per selection (keyed by never_used), paging with numeric cursors. */
function fakeServer(streams: Record<'used' | 'never', OrgCredentialItem[]>) {
  vi.mocked(apiRequest).mockImplementation(async (_path, options) => {
    const query = options?.query as { never_used?: boolean; limit: number; after?: string };
    const rows = streams[query.never_used ? 'never' : 'used'];
    const start = query.after ? Number(query.after) : 0;
    const end = Math.min(start + query.limit, rows.length);
    return {
      items: rows.slice(start, end),
      page_info: { has_next_page: end < rows.length, has_prev_page: start > 0, end_cursor: String(end) },
    } as never;
  });
}

const used: OrgCredentialFilter = { sort: 'last_used_at', direction: 'asc', last_used_before: '2026-03-01T00:00:00.000Z' };
const never: OrgCredentialFilter = { sort: 'last_used_at', direction: 'asc', never_used: true };

describe('listMergedPage', () => {
  it('merges disjoint selections in the server order, page by page, with no gaps or repeats', async () => {
    const usedRows = Array.from({ length: 7 }, (_, i) => item(`u${i}`, `2026-02-0${i + 1}T00:00:00.000Z`));
    const neverRows = Array.from({ length: 4 }, (_, i) => item(`n${i}`, null));
    fakeServer({ used: usedRows, never: neverRows });

    const seen: string[] = [];
    let cursor: Parameters<typeof listMergedPage>[2];
    for (let page = 0; page < 10; page++) {
      const result = await listMergedPage('acme', [used, never], cursor, 3);
      seen.push(...result.items.map((c) => c.id));
      if (!result.next) break;
      cursor = result.next;
    }
    // Never used sorts as the oldest use: all of them first (ties by id), then by last use.
    expect(seen).toEqual(['n0', 'n1', 'n2', 'n3', 'u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
  });

  it('with one selection is plain paging', async () => {
    fakeServer({ used: [item('a', null), item('b', null)], never: [] });
    const first = await listMergedPage('acme', [used], undefined, 1);
    expect(first.items.map((c) => c.id)).toEqual(['a']);
    const second = await listMergedPage('acme', [used], first.next ?? undefined, 1);
    expect(second.items.map((c) => c.id)).toEqual(['b']);
    expect(second.next).toBeNull();
  });
});

describe('walkOrgCredentials', () => {
  it('reads every page of every selection at the largest page size and reports progress', async () => {
    fakeServer({ used: [item('u1', '2026-02-01T00:00:00.000Z')], never: [item('n1', null), item('n2', null)] });
    const progress = vi.fn();
    const all = await walkOrgCredentials('acme', [used, never], new AbortController().signal, progress);
    expect(all.map((c) => c.id)).toEqual(['u1', 'n1', 'n2']);
    expect(vi.mocked(apiRequest).mock.calls.every(([, o]) => (o?.query as { limit: number }).limit === 1000)).toBe(true);
    expect(progress).toHaveBeenLastCalledWith({ loaded: 3 });
  });
});

describe('compareInServerOrder', () => {
  it('sorts never used as oldest and breaks ties by id, both ways', () => {
    const rows = [item('b', null), item('c', '2026-01-02T00:00:00.000Z'), item('a', null)];
    expect([...rows].sort(compareInServerOrder('last_used_at', 'asc')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect([...rows].sort(compareInServerOrder('last_used_at', 'desc')).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});
