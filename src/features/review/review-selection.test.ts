import { describe, expect, it } from 'vitest';
import type { OrgCredential } from '../../api/org-credentials';
import { CREDENTIAL_POLICY, DAY_MS } from '../../lib/credential-status';
import { buildRows } from './review-rows';
import { DEFAULT_REVIEW_SEARCH } from './review-search';
import { selectionSummary, splitSelection, withoutIds, withRows } from './review-selection';

const now = new Date('2026-06-01T00:00:00.000Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
const cred = (id: string, sa: string, usedDays: number | null): OrgCredential => ({
  id,
  client_id: `client-${id}`,
  name: `key ${id}`,
  created_at: ago(200),
  last_used_at: usedDays === null ? null : ago(usedDays),
  service_account: { id: sa, name: `Account ${sa}` },
});
const rows = buildRows([cred('a', 'sa1', 1), cred('b', 'sa1', 200), cred('c', 'sa2', 1)], now, CREDENTIAL_POLICY);

describe('selection kept across filters', () => {
  it('separates what the current filters hide and never counts it as visible', () => {
    const selection = withRows(new Map(), rows, true);
    const all = splitSelection(selection, DEFAULT_REVIEW_SEARCH, now, CREDENTIAL_POLICY);
    expect(all.visible).toHaveLength(3);
    expect(selectionSummary(all)).toBe('3 selected');

    const active = splitSelection(selection, { ...DEFAULT_REVIEW_SEARCH, status: 'active' }, now, CREDENTIAL_POLICY);
    expect(active.visible.map((r) => r.credential.id)).toEqual(['a', 'c']);
    expect(active.hidden.map((r) => r.credential.id)).toEqual(['b']);
    expect(selectionSummary(active)).toBe('3 selected, 1 hidden by the filters');

    const searched = splitSelection(selection, { ...DEFAULT_REVIEW_SEARCH, q: 'CLIENT-C' }, now, CREDENTIAL_POLICY);
    expect(searched.visible.map((r) => r.credential.id)).toEqual(['c']);
    const account = splitSelection(selection, { ...DEFAULT_REVIEW_SEARCH, serviceAccountId: 'sa2' }, now, CREDENTIAL_POLICY);
    expect(account.hidden.map((r) => r.credential.id)).toEqual(['a', 'b']);
  });

  it('recomputes status with the current stale threshold', () => {
    const selection = withRows(new Map(), rows, true);
    const strict = { ...CREDENTIAL_POLICY, staleAfterDays: 0.5 };
    const stale = splitSelection(selection, { ...DEFAULT_REVIEW_SEARCH, status: 'stale' }, now, strict);
    expect(stale.visible).toHaveLength(3);
  });

  it('adds and removes rows without touching the others', () => {
    const selection = withRows(new Map(), rows.slice(0, 2), true);
    expect([...withoutIds(selection, ['a']).keys()]).toEqual(['b']);
    expect([...withRows(selection, rows.slice(1), false).keys()]).toEqual(['a']);
    expect(selectionSummary({ visible: [], hidden: [] })).toBe('');
  });
});
