import { useQuery } from '@tanstack/react-query';
import type { ServiceAccount } from '../../api/schemas';
import { EmptyState } from '../../components/empty-state';
import { QueryErrorState } from '../../components/error-state';
import { ProgressBar } from '../../components/progress-bar';
import { formatCount } from '../../lib/time-format';
import { rankMatches } from './search';
import { serviceAccountSearchQuery } from './search-query';
import { ServiceAccountsTable } from './service-accounts-table';
import type { LastActivityColumn } from './service-accounts-table';

/** Rendering more rows than this helps nobody; the person should narrow the search. */
const MAX_SHOWN = 200;

type Props = {
  org: string;
  query: string;
  lastActivity?: LastActivityColumn;
  onEdit: (serviceAccount: ServiceAccount) => void;
  onDelete: (serviceAccount: ServiceAccount) => void;
};

/** Matches from the whole organization, growing as pages are read. */
export function SearchResults({ org, query, lastActivity, onEdit, onDelete }: Props) {
  const search = useQuery(serviceAccountSearchQuery(org, query));
  const progress = search.data;
  const scanning = search.fetchStatus === 'fetching';
  const matches = progress ? rankMatches(progress.matches, query) : [];
  const scanned = formatCount(progress?.scanned ?? 0);

  if (search.isError && !progress) {
    return <QueryErrorState title="Search failed" query={search} />;
  }

  const status = scanning
    ? `Searched ${scanned} service accounts…`
    : `${formatCount(matches.length)} match${matches.length === 1 ? '' : 'es'} for “${query}” among ${scanned} service accounts`;

  return (
    <section aria-label="Search results" className="sa-search">
      <div className="sa-search__status">
        <p role="status" aria-live="polite">
          {status}
        </p>
        {scanning && <ProgressBar label="Searching service accounts" valueText={`Searched ${scanned} service accounts`} />}
      </div>
      {matches.length > MAX_SHOWN && (
        <p className="muted">
          Showing the first {MAX_SHOWN} of {formatCount(matches.length)} matches. Type more of the name to narrow the
          search.
        </p>
      )}
      {matches.length > 0 ? (
        <ServiceAccountsTable
          org={org}
          serviceAccounts={matches.slice(0, MAX_SHOWN)}
          caption={`Service accounts matching “${query}”`}
          lastActivity={lastActivity}
          onEdit={onEdit}
          onDelete={onDelete}
        />
      ) : (
        !scanning && (
          <EmptyState
            title="No matching service accounts"
            description={`No service account in this organization has “${query}” in its name or as its ID.`}
          />
        )
      )}
    </section>
  );
}
