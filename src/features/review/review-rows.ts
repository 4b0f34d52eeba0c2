import type { OrgCredential } from '../../api/org-credentials';
import {
  credentialStatus,
  isRotationDue,
  type CredentialPolicy,
  type CredentialStatus,
} from '../../lib/credential-status';
import type { ReviewSearch } from './review-search';

export interface ReviewRow {
  credential: OrgCredential;
  status: CredentialStatus;
  rotationDue: boolean;
  /** Parsed once here: sorting tens of thousands of rows must not re-parse dates per comparison. */
  createdMs: number;
  /** -Infinity when never used, so it sorts before every real use. */
  lastUsedMs: number;
}

function time(value: string | null | undefined): number {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

export function buildRows(credentials: readonly OrgCredential[], now: Date, policy: CredentialPolicy): ReviewRow[] {
  return credentials.map((credential) => ({
    credential,
    status: credentialStatus(credential, now, policy),
    rotationDue: isRotationDue(credential, now, policy),
    createdMs: time(credential.created_at),
    lastUsedMs: time(credential.last_used_at),
  }));
}

/**
 * buildRows for data that grows by appending (the fan-out streaming in): rows already built with
 * the same clock and policy are reused, so each new chunk costs its own size, not the total.
 */
export function createRowBuilder() {
  let last: { now: Date; policy: CredentialPolicy; rows: Map<OrgCredential, ReviewRow> } | undefined;
  return (credentials: readonly OrgCredential[], now: Date, policy: CredentialPolicy): ReviewRow[] => {
    const cache = last && last.now === now && last.policy === policy ? last.rows : new Map<OrgCredential, ReviewRow>();
    const rows = credentials.map((credential) => cache.get(credential) ?? buildRows([credential], now, policy)[0]!);
    last = { now, policy, rows: new Map(rows.map((row) => [row.credential, row])) };
    return rows;
  };
}

export function filterByServiceAccount(rows: readonly ReviewRow[], serviceAccountId: string | null): ReviewRow[] {
  return serviceAccountId ? rows.filter((r) => r.credential.service_account.id === serviceAccountId) : [...rows];
}

/**
 * The text search, as the server's `org_credentials` extension does it: a case-insensitive
 * substring of the credential's name, description, client_id, or its service account's name.
 */
export function matchesText(row: ReviewRow, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return true;
  const c = row.credential;
  return [c.name, c.description ?? '', c.client_id, c.service_account.name].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}

export function filterByText(rows: readonly ReviewRow[], q: string): ReviewRow[] {
  return q.trim() ? rows.filter((r) => matchesText(r, q)) : [...rows];
}

/** Whether a row is in the view that `search` describes (for the selection kept across filter changes). */
export function matchesReviewSearch(row: ReviewRow, search: Pick<ReviewSearch, 'q' | 'status' | 'serviceAccountId'>): boolean {
  return (
    (!search.serviceAccountId || row.credential.service_account.id === search.serviceAccountId) &&
    (!search.status || row.status === search.status) &&
    matchesText(row, search.q)
  );
}

/** A pasted client_id (or credential id) puts its credential first, whatever the sort. */
export function exactMatchFirst(rows: readonly ReviewRow[], q: string): readonly ReviewRow[] {
  const needle = q.trim();
  if (!needle) return rows;
  const index = rows.findIndex((r) => r.credential.client_id === needle || r.credential.id === needle);
  if (index <= 0) return rows;
  return [rows[index] as ReviewRow, ...rows.slice(0, index), ...rows.slice(index + 1)];
}

export function filterByStatus(rows: readonly ReviewRow[], status: CredentialStatus | null): ReviewRow[] {
  return status ? rows.filter((r) => r.status === status) : [...rows];
}

export function filterByRotationDue(rows: readonly ReviewRow[], rotationDue: boolean): ReviewRow[] {
  return rotationDue ? rows.filter((r) => r.rotationDue) : [...rows];
}

/** a - b without NaN when both are -Infinity (both never used). */
function compareTimes(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

let builtCollator: Intl.Collator | undefined;
// Built on first use: an Intl object costs milliseconds, not worth paying when the module loads.
const collator = () => (builtCollator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));

/**
 * For the service-account filter's options. One shared collator: `localeCompare` with options
 * builds a collator per call, which made sorting 10,000 names take over a second.
 */
export function compareServiceAccountNames(a: { name: string }, b: { name: string }): number {
  return collator().compare(a.name, b.name);
}

function compareName(a: ReviewRow, b: ReviewRow): number {
  return (
    collator().compare(a.credential.name, b.credential.name) ||
    collator().compare(a.credential.service_account.name, b.credential.service_account.name)
  );
}

/**
 * Sorted copy. Ascending last use puts never-used credentials first (they are the likeliest
 * to be forgotten), oldest of them first; ties fall back to creation time, then name, then id,
 * so the order is stable across reloads.
 */
export function sortRows(rows: readonly ReviewRow[], sort: ReviewSearch['sort'], dir: ReviewSearch['dir']): ReviewRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byCreated = (a: ReviewRow, b: ReviewRow) => compareTimes(a.createdMs, b.createdMs);
  const primary = {
    'last-used': (a: ReviewRow, b: ReviewRow) => compareTimes(a.lastUsedMs, b.lastUsedMs),
    age: byCreated,
    name: compareName,
    'service-account': (a: ReviewRow, b: ReviewRow) =>
      collator().compare(a.credential.service_account.name, b.credential.service_account.name),
  }[sort];
  return [...rows].sort(
    (a, b) =>
      sign * (primary(a, b) || byCreated(a, b) || compareName(a, b)) ||
      a.credential.id.localeCompare(b.credential.id),
  );
}

export type StatusTotals = Record<CredentialStatus, number> & { all: number; rotationDue: number };

export function countByStatus(rows: readonly ReviewRow[]): StatusTotals {
  const totals: StatusTotals = { all: rows.length, rotationDue: 0, active: 0, idle: 0, stale: 0, new: 0 };
  for (const row of rows) {
    totals[row.status] += 1;
    if (row.rotationDue) totals.rotationDue += 1;
  }
  return totals;
}

/** The latest last_used_at among the rows, or null when none of them was ever used. */
export function mostRecentUse(rows: readonly ReviewRow[]): string | null {
  let best: ReviewRow | null = null;
  for (const row of rows) {
    if (row.lastUsedMs !== Number.NEGATIVE_INFINITY && (!best || row.lastUsedMs > best.lastUsedMs)) best = row;
  }
  return best?.credential.last_used_at ?? null;
}
