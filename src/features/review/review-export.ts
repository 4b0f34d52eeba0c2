import { csvDate, toCsv, type CsvColumn } from '../../lib/csv';
import type { ReviewRow } from './review-rows';

export const REVIEW_CSV_COLUMNS: readonly CsvColumn<ReviewRow>[] = [
  { header: 'service_account', value: (r) => r.credential.service_account.name },
  { header: 'service_account_id', value: (r) => r.credential.service_account.id },
  { header: 'credential', value: (r) => r.credential.name },
  { header: 'credential_id', value: (r) => r.credential.id },
  { header: 'client_id', value: (r) => r.credential.client_id },
  { header: 'created_at', value: (r) => csvDate(r.credential.created_at) },
  { header: 'last_used_at', value: (r) => csvDate(r.credential.last_used_at) },
  { header: 'status', value: (r) => r.status },
  { header: 'rotation_due', value: (r) => r.rotationDue },
];

/** `uses`: uses in the last 30 days by credential id, when the server offers usage (an extra column). */
export function reviewCsv(rows: readonly ReviewRow[], uses?: ReadonlyMap<string, number>): string {
  if (!uses) return toCsv(REVIEW_CSV_COLUMNS, rows);
  const usesColumn: CsvColumn<ReviewRow> = { header: 'uses_30_days', value: (r) => uses.get(r.credential.id) ?? '' };
  return toCsv([...REVIEW_CSV_COLUMNS, usesColumn], rows);
}

export function reviewCsvFileName(org: string, now: Date): string {
  const safeOrg = org.replace(/[^A-Za-z0-9_-]+/g, '-') || 'org';
  return `credentials-${safeOrg}-${now.toISOString().slice(0, 10)}.csv`;
}
