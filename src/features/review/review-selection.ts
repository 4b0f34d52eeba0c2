// Bulk revoke acts only on what is visible and chosen. A selection survives a change of the
// search or filters, but the rows the new view hides are counted apart ("3 selected, 1 hidden
// by the filters") and are never revoked until they are visible again.
import type { CredentialPolicy } from '../../lib/credential-status';
import { buildRows, matchesReviewSearch, type ReviewRow } from './review-rows';
import type { ReviewSearch } from './review-search';

export type Selection = ReadonlyMap<string, ReviewRow>;

export interface SelectionSplit {
  /** Selected and in the current view: what "Revoke selected" acts on. */
  visible: ReviewRow[];
  /** Selected but hidden by the current search or filters. */
  hidden: ReviewRow[];
}

/** Statuses are recomputed with the current policy and clock, since the stale threshold can change. */
export function splitSelection(
  selection: Selection,
  search: Pick<ReviewSearch, 'q' | 'status' | 'serviceAccountId'>,
  now: Date,
  policy: CredentialPolicy,
): SelectionSplit {
  const rows = buildRows(
    [...selection.values()].map((r) => r.credential),
    now,
    policy,
  );
  const visible: ReviewRow[] = [];
  const hidden: ReviewRow[] = [];
  for (const row of rows) (matchesReviewSearch(row, search) ? visible : hidden).push(row);
  return { visible, hidden };
}

export function withRows(selection: Selection, rows: readonly ReviewRow[], on: boolean): Selection {
  const next = new Map(selection);
  for (const row of rows) {
    if (on) next.set(row.credential.id, row);
    else next.delete(row.credential.id);
  }
  return next;
}

export function withoutIds(selection: Selection, ids: Iterable<string>): Selection {
  const next = new Map(selection);
  for (const id of ids) next.delete(id);
  return next;
}

/** "3 selected, 1 hidden by the filters" (or just "2 selected"); empty when nothing is. */
export function selectionSummary({ visible, hidden }: SelectionSplit, format: (n: number) => string = String): string {
  const total = visible.length + hidden.length;
  if (total === 0) return '';
  return hidden.length > 0
    ? `${format(total)} selected, ${format(hidden.length)} hidden by the filters`
    : `${format(total)} selected`;
}
