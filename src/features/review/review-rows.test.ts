import { describe, expect, it } from 'vitest';
import type { OrgCredential } from '../../api/org-credentials';
import { CREDENTIAL_POLICY, DAY_MS } from '../../lib/credential-status';
import {
  buildRows,
  compareServiceAccountNames,
  countByStatus,
  exactMatchFirst,
  filterByText,
  filterByServiceAccount,
  filterByStatus,
  mostRecentUse,
  sortRows,
} from './review-rows';

const now = new Date('2026-06-15T12:00:00.000Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

function cred(id: string, name: string, createdDaysAgo: number, usedDaysAgo: number | null, sa = 'sa1'): OrgCredential {
  return {
    id,
    name,
    client_id: `client-${id}`,
    created_at: ago(createdDaysAgo),
    last_used_at: usedDaysAgo === null ? null : ago(usedDaysAgo),
    service_account: { id: sa, name: sa === 'sa1' ? 'Billing' : 'Analytics' },
  };
}

const credentials = [
  cred('a', 'alpha', 200, 1),
  cred('b', 'Bravo', 100, 60),
  cred('c', 'charlie', 400, 120, 'sa2'),
  cred('d', 'delta', 20, null),
  cred('e', 'echo', 3, null, 'sa2'),
];
const rows = buildRows(credentials, now, CREDENTIAL_POLICY);
const ids = (r: { credential: { id: string } }[]) => r.map((x) => x.credential.id);

describe('review rows', () => {
  it('computes status and rotation due with the policy', () => {
    expect(rows.map((r) => `${r.credential.id}:${r.status}:${r.rotationDue}`)).toEqual([
      'a:active:true',
      'b:idle:true',
      'c:stale:true',
      'd:stale:false',
      'e:new:false',
    ]);
  });

  it('applies a lowered stale threshold', () => {
    const strict = buildRows(credentials, now, { ...CREDENTIAL_POLICY, staleAfterDays: 50 });
    expect(strict.find((r) => r.credential.id === 'b')?.status).toBe('stale');
  });

  it('sorts by last use, never used first and oldest of them first', () => {
    expect(ids(sortRows(rows, 'last-used', 'asc'))).toEqual(['d', 'e', 'c', 'b', 'a']);
    expect(ids(sortRows(rows, 'last-used', 'desc'))).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('sorts by age (creation time) and by name, case-insensitively', () => {
    expect(ids(sortRows(rows, 'age', 'asc'))).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(ids(sortRows(rows, 'name', 'asc'))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(sortRows(rows, 'name', 'desc'))).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('does not reorder its input', () => {
    sortRows(rows, 'name', 'desc');
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('filters by service account and status', () => {
    expect(ids(filterByServiceAccount(rows, 'sa2'))).toEqual(['c', 'e']);
    expect(ids(filterByServiceAccount(rows, null))).toHaveLength(5);
    expect(ids(filterByStatus(rows, 'stale'))).toEqual(['c', 'd']);
  });

  it('counts totals per status', () => {
    expect(countByStatus(rows)).toEqual({ all: 5, active: 1, idle: 1, stale: 2, new: 1, rotationDue: 3 });
  });

  it('finds the most recent use, or null when none was used', () => {
    expect(mostRecentUse(rows)).toBe(ago(1));
    expect(mostRecentUse(rows.filter((r) => !r.credential.last_used_at))).toBeNull();
  });

  it('orders service account names ignoring case, numbers by value', () => {
    const names = ['worker 10', 'Billing', 'worker 9', 'analytics'].map((name) => ({ name }));
    expect(names.sort(compareServiceAccountNames).map((n) => n.name)).toEqual(['analytics', 'Billing', 'worker 9', 'worker 10']);
  });
});

describe('text search', () => {
  const now = new Date('2026-06-01T00:00:00.000Z');
  const make = (id: string, name: string, sa: string, description?: string) => ({
    id,
    client_id: `cl_${id}`,
    name,
    description,
    created_at: '2026-01-01T00:00:00.000Z',
    last_used_at: null,
    service_account: { id: `sa-${sa}`, name: sa },
  });
  const rows = buildRows(
    [make('x1', 'deploy key', 'Billing'), make('x2', 'ci', 'Payments', 'used by the DEPLOY job'), make('x3', 'other', 'Deployer')],
    now,
    CREDENTIAL_POLICY,
  );

  it('matches name, description, client_id or service account name, ignoring case', () => {
    expect(filterByText(rows, 'Deploy').map((r) => r.credential.id)).toEqual(['x1', 'x2', 'x3']);
    expect(filterByText(rows, 'CL_X2').map((r) => r.credential.id)).toEqual(['x2']);
    expect(filterByText(rows, 'billing').map((r) => r.credential.id)).toEqual(['x1']);
    expect(filterByText(rows, '  ')).toHaveLength(3);
  });

  it('puts an exact client_id or id match first', () => {
    expect(exactMatchFirst(rows, 'cl_x3').map((r) => r.credential.id)).toEqual(['x3', 'x1', 'x2']);
    expect(exactMatchFirst(rows, 'x2').map((r) => r.credential.id)).toEqual(['x2', 'x1', 'x3']);
    expect(exactMatchFirst(rows, 'cl_x')).toBe(rows);
  });
});
