import { describe, expect, it, vi } from 'vitest';
import { setupTestServer } from '../test/test-server';
import { compareInServerOrder, listMergedPage, walkOrgCredentials, type OrgCredentialFilter } from './org-credential-index';
import type { OrgCredentialItem } from './org-credential-schemas';

const server = setupTestServer({ extensions: ['org_credentials'] });

const item = (id: string, lastUsed: string | null): OrgCredentialItem => ({
  id,
  client_id: `client-${id}`,
  name: id,
  created_at: '2026-01-01T00:00:00.000Z',
  last_used_at: lastUsed,
  service_account: { id: 'sa', name: 'SA' },
});

/** A new organization with `used` credentials used on Feb 1, 2, … 2026 and `never` never-used ones; their ids in server order. */
function arrange(used: number, never: number) {
  const org = server.addOrganization();
  const sa = server.addServiceAccount(org, { name: 'SA' });
  const add = (name: string, lastUsed: string | null) =>
    server.addCredential(sa.id, { name, created_at: '2026-01-01T00:00:00.000Z', last_used_at: lastUsed }).id;
  const usedIds = Array.from({ length: used }, (_, i) => add(`u${i}`, `2026-02-0${i + 1}T00:00:00.000Z`));
  const neverIds = Array.from({ length: never }, (_, i) => add(`n${i}`, null)).sort();
  return { org, usedIds, neverIds };
}

const used: OrgCredentialFilter = { sort: 'last_used_at', direction: 'asc', last_used_before: '2026-03-01T00:00:00.000Z' };
const never: OrgCredentialFilter = { sort: 'last_used_at', direction: 'asc', never_used: true };

describe('listMergedPage', () => {
  it('merges disjoint selections in the server order, page by page, with no gaps or repeats', async () => {
    const { org, usedIds, neverIds } = arrange(7, 4);

    const seen: string[] = [];
    let cursor: Parameters<typeof listMergedPage>[2];
    for (let page = 0; page < 10; page++) {
      const result = await listMergedPage(org, [used, never], cursor, 3);
      seen.push(...result.items.map((c) => c.id));
      if (!result.next) break;
      cursor = result.next;
    }
    // Never used sorts as the oldest use: all of them first (ties by id), then by last use.
    expect(seen).toEqual([...neverIds, ...usedIds]);
  });

  it('with one selection is plain paging', async () => {
    const { org, neverIds } = arrange(0, 2);
    const first = await listMergedPage(org, [never], undefined, 1);
    expect(first.items.map((c) => c.id)).toEqual([neverIds[0]]);
    const second = await listMergedPage(org, [never], first.next ?? undefined, 1);
    expect(second.items.map((c) => c.id)).toEqual([neverIds[1]]);
    expect(second.next).toBeNull();
  });
});

describe('walkOrgCredentials', () => {
  it('reads every page of every selection at the largest page size and reports progress', async () => {
    const { org, usedIds, neverIds } = arrange(1, 2);
    const progress = vi.fn();
    const all = await walkOrgCredentials(org, [used, never], new AbortController().signal, progress);
    expect(all.map((c) => c.id)).toEqual([...usedIds, ...neverIds]);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((r) => r.query.get('limit') === '1000')).toBe(true);
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
