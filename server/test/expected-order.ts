// What the list and stats tests compare responses against: rows read with plain SQL, ordered here in JS the way
// the server's keyset order is specified, and the contract's error body.
import { expect } from 'vitest';
import { ErrorBodySchema } from '../../src/api/schemas';
import { credentialStatus, isRotationDue, type CredentialPolicy } from '../../src/lib/credential-status';

/** Code-unit order, as SQLite compares text. */
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// SQLite's NOCASE folds ASCII letters only, then compares code units.
export const nocase = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/** The ids of `rows` by `value`, ties by id, both reversed for 'desc'. */
export function idsInOrder<T extends { id: string }>(rows: T[], value: (row: T) => string, direction: string): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (cmp(value(a), value(b)) || cmp(a.id, b.id))).map((row) => row.id);
}

/** One credential of an organization, as the tests read it with plain SQL. */
export interface CredentialTruth {
  id: string;
  client_id: string;
  name: string;
  description: string | null;
  created_at: string;
  last_used_at: string | null;
  service_account_id: string;
  service_account_name: string;
}

const CREDENTIAL_SORT_VALUE: Record<string, (c: CredentialTruth) => string> = {
  created_at: (c) => c.created_at,
  last_used_at: (c) => c.last_used_at ?? '',
  name: (c) => nocase(c.name),
  service_account_name: (c) => nocase(c.service_account_name),
};

/** The ids of an organization's credentials in the order a `sort` and `direction` list them. */
export const expectedCredentialOrder = (rows: CredentialTruth[], sort: string, direction: string) =>
  idsInOrder(rows, CREDENTIAL_SORT_VALUE[sort]!, direction);

/** The credential stats the console's own rules (src/lib/credential-status.ts) give for `rows` at `now`. */
export function expectedCredentialStats(rows: CredentialTruth[], now: Date, policy: CredentialPolicy) {
  const counts = { total: rows.length, active: 0, idle: 0, stale: 0, never_used_new: 0, never_used_stale: 0, rotation_due: 0 };
  for (const row of rows) {
    const status = credentialStatus(row, now, policy);
    if (status === 'new') counts.never_used_new += 1;
    else counts[status] += 1;
    if (status === 'stale' && row.last_used_at === null) counts.never_used_stale += 1;
    if (isRotationDue(row, now, policy)) counts.rotation_due += 1;
  }
  return { ...counts, computed_at: now.toISOString() };
}

/** Asserts the status and the contract's error body with its code (the body is the failure message). */
export function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ErrorBodySchema.parse(res.body)).toMatchObject({ status, code });
}
