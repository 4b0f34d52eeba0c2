// What the review view needs from wherever its credentials come from: the server's
// `org_credentials` extension (use-server-review.ts) or the vendor-API fan-out
// (use-loaded-review.ts). The view (review-view.tsx) renders either one the same way.
import type { ReactNode } from 'react';
import type { OrgServiceAccount } from '../../api/org-credentials';
import type { Permissions } from '../../api/schemas';
import type { ReviewRow, StatusTotals } from './review-rows';

export interface ReviewSource {
  /** The matching rows available now, in the view's order (an exact client_id match first). */
  rows: readonly ReviewRow[];
  /** Whether `rows` is final for this view (false while the fan-out or the first page is still loading). */
  complete: boolean;
  /** How many credentials match in all (more than rows.length while pages are missing); undefined while unknown. */
  matching: number | undefined;
  /** Counts by status over the search text and service account; undefined while unknown. */
  totals: StatusTotals | undefined;
  /** The server pages: rows beyond `rows` come from loadMore(). Otherwise every loaded row is in `rows`. */
  paged: boolean;
  hasMore: boolean;
  loadMore: () => void;
  loadingMore: boolean;
  /**
   * Every matching credential (for "select all matching" and the CSV export). `fetches` says
   * whether this reads pages from the server (then it shows progress and can be cancelled).
   */
  collectAll: (signal: AbortSignal, onProgress: (loaded: number) => void) => Promise<readonly ReviewRow[]>;
  fetches: boolean;
  /** Why select-all and export must wait (the fan-out is still loading), or null. */
  notReadyReason: string | null;
  /** For the service-account filter and the rotation gates; undefined while not loaded. */
  serviceAccounts: readonly OrgServiceAccount[] | undefined;
  /** The caller's rights in the organization, when the server sends them. */
  permissions: Permissions | undefined;
  /** Progress of a load still running (shown above the table), or null. */
  progress: ReactNode;
  loadedAt: string | undefined;
  reload: () => void;
  reloading: boolean;
}
