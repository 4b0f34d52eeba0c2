import { describe, expect, it } from 'vitest';
import { CREDENTIAL_POLICY, DAY_MS } from '../../lib/credential-status';
import { DEFAULT_REVIEW_SEARCH } from './review-search';
import { matchingCount, serverSelections, statsPolicy, totalsFromStats } from './server-selection';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const ago = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

describe('serverSelections', () => {
  it('maps the view to one selection: search, account, sort and direction', () => {
    const search = { ...DEFAULT_REVIEW_SEARCH, q: 'abc', serviceAccountId: 'sa1', sort: 'service-account', dir: 'desc' } as const;
    expect(serverSelections(search, CREDENTIAL_POLICY, NOW)).toEqual([
      { q: 'abc', service_account_id: 'sa1', sort: 'service_account_name', direction: 'desc' },
    ]);
    expect(serverSelections(DEFAULT_REVIEW_SEARCH, CREDENTIAL_POLICY, NOW)).toEqual([
      { q: undefined, service_account_id: undefined, sort: 'last_used_at', direction: 'asc' },
    ]);
  });

  it('turns each status into time ranges with the page policy; stale is two disjoint selections', () => {
    const at = (status: (typeof DEFAULT_REVIEW_SEARCH)['status']) =>
      serverSelections({ ...DEFAULT_REVIEW_SEARCH, status }, { ...CREDENTIAL_POLICY, staleAfterDays: 60 }, NOW).map(
        ({ sort: _s, direction: _d, q: _q, service_account_id: _a, ...range }) => range,
      );
    expect(at('active')).toEqual([{ last_used_after: ago(30) }]);
    expect(at('idle')).toEqual([{ last_used_before: ago(30), last_used_after: ago(60) }]);
    expect(at('stale')).toEqual([{ last_used_before: ago(60) }, { never_used: true, created_before: ago(7) }]);
    expect(at('new')).toEqual([{ never_used: true, created_after: ago(7) }]);
  });

  it('has no idle credentials when the stale threshold is at or below the active window', () => {
    const policy = { ...CREDENTIAL_POLICY, staleAfterDays: 10 };
    expect(serverSelections({ ...DEFAULT_REVIEW_SEARCH, status: 'idle' }, policy, NOW)).toEqual([]);
    // Stale is checked first: "active" shrinks to the stale threshold.
    expect(serverSelections({ ...DEFAULT_REVIEW_SEARCH, status: 'active' }, policy, NOW)[0]?.last_used_after).toBe(ago(10));
    expect(statsPolicy(policy)).toEqual({
      idle_after_days: 10,
      stale_after_days: 10,
      new_within_days: 7,
      rotation_due_after_days: 90,
    });
  });
});

describe('totalsFromStats', () => {
  it('reads the server counts in the page statuses', () => {
    const totals = totalsFromStats({
      total: 10,
      active: 3,
      idle: 2,
      stale: 4,
      never_used_new: 1,
      never_used_stale: 2,
      rotation_due: 5,
      computed_at: '2026-06-01T00:00:00.000Z',
    });
    expect(totals).toEqual({ all: 10, active: 3, idle: 2, stale: 4, new: 1, rotationDue: 5 });
    expect(matchingCount(totals, null)).toBe(10);
    expect(matchingCount(totals, 'stale')).toBe(4);
  });
});
