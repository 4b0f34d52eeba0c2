// The review page's search text, filters, sort and stale threshold live in the URL, so a view
// can be shared and survives a reload. Defaults are left out of the URL to keep links short.
import { CREDENTIAL_POLICY, CREDENTIAL_STATUSES, type CredentialStatus } from '../../lib/credential-status';

export const SORT_KEYS = ['last-used', 'age', 'name', 'service-account'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const STALE_DAYS_MIN = 1;
export const STALE_DAYS_MAX = 3650;

export interface ReviewSearch {
  /** Text search (`q`): a substring of the credential's name, description, client_id or its service account's name. */
  q: string;
  status: CredentialStatus | null;
  serviceAccountId: string | null;
  /** last-used: by last use (never used first); age: by creation time; name: by credential name; service-account: by its name. */
  sort: SortKey;
  /** asc is oldest first for last-used and age, A→Z for name. */
  dir: SortDirection;
  staleAfterDays: number;
  /** Only credentials older than the rotation age (the "Rotation due" box). */
  rotationDue: boolean;
}

export const DEFAULT_REVIEW_SEARCH: ReviewSearch = {
  q: '',
  status: null,
  serviceAccountId: null,
  sort: 'last-used',
  dir: 'asc',
  staleAfterDays: CREDENTIAL_POLICY.staleAfterDays,
  rotationDue: false,
};

export function parseStaleDays(value: string | null | undefined): number | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  const days = Number(value);
  return days >= STALE_DAYS_MIN && days <= STALE_DAYS_MAX ? days : null;
}

export function parseReviewSearch(params: URLSearchParams): ReviewSearch {
  const status = params.get('status');
  const sort = params.get('sort');
  const dir = params.get('dir');
  return {
    q: (params.get('q') ?? '').trim(),
    status: CREDENTIAL_STATUSES.includes(status as CredentialStatus) ? (status as CredentialStatus) : null,
    serviceAccountId: params.get('account') || null,
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : DEFAULT_REVIEW_SEARCH.sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_REVIEW_SEARCH.dir,
    staleAfterDays: parseStaleDays(params.get('stale')) ?? DEFAULT_REVIEW_SEARCH.staleAfterDays,
    rotationDue: params.get('rotation') === 'due',
  };
}

export function reviewSearchParams(search: ReviewSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim()) params.set('q', search.q.trim());
  if (search.status) params.set('status', search.status);
  if (search.serviceAccountId) params.set('account', search.serviceAccountId);
  if (search.sort !== DEFAULT_REVIEW_SEARCH.sort) params.set('sort', search.sort);
  if (search.dir !== DEFAULT_REVIEW_SEARCH.dir) params.set('dir', search.dir);
  if (search.staleAfterDays !== DEFAULT_REVIEW_SEARCH.staleAfterDays) params.set('stale', String(search.staleAfterDays));
  if (search.rotationDue) params.set('rotation', 'due');
  return params;
}

/** Clicking a column's sort: the same column flips direction, another starts ascending. */
export function toggleSort(search: ReviewSearch, sort: SortKey): ReviewSearch {
  if (search.sort === sort) return { ...search, dir: search.dir === 'asc' ? 'desc' : 'asc' };
  return { ...search, sort, dir: 'asc' };
}

/** How many filters differ from the defaults (the count on the phone layout's "Filters" button). */
export function activeFilterCount(search: ReviewSearch): number {
  return [
    search.status !== null,
    search.serviceAccountId !== null,
    search.staleAfterDays !== DEFAULT_REVIEW_SEARCH.staleAfterDays,
    search.rotationDue,
  ].filter(Boolean).length;
}

/** Whether anything narrows the view (what "Clear filters" resets). */
export function isFiltered(search: ReviewSearch): boolean {
  return search.q !== '' || search.status !== null || search.serviceAccountId !== null || search.rotationDue;
}
