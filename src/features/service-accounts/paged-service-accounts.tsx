import type { UseQueryResult } from '@tanstack/react-query';
import type { ServiceAccountSummaryList } from '../../api/org-credential-schemas';
import type { ServiceAccount, ServiceAccountList } from '../../api/schemas';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { stalePageLinkState } from '../../components/error-state';
import { Pagination } from '../../components/pagination';
import { GatedButton } from '../../components/permission-gate';
import { QueryState } from '../../components/query-state';
import { TableSkeleton } from '../../components/skeleton';
import type { Gate } from '../../lib/permissions';
import { formatCount } from '../../lib/time-format';
import { PAGE_SIZES } from './list-search';
import { ServiceAccountsTable, type TableSort } from './service-accounts-table';
import type { LastActivityColumn } from './service-accounts-table';

type Props = {
  org: string;
  page: UseQueryResult<ServiceAccountList | ServiceAccountSummaryList>;
  /** The server-side search text, when the server searches (service_account_query). */
  query?: string;
  sort?: TableSort;
  summary?: boolean;
  hasCursor: boolean;
  pageSize: number;
  createGate: Gate;
  lastActivity?: LastActivityColumn;
  onCreate: () => void;
  onNext: (after: string) => void;
  onPrevious: (before: string) => void;
  onFirstPage: () => void;
  onPageSizeChange: (size: number) => void;
  onEdit: (serviceAccount: ServiceAccount) => void;
  onDelete: (serviceAccount: ServiceAccount) => void;
};

/** One page of the list, with every state it can be in. */
export function PagedServiceAccounts({ page, ...props }: Props) {
  const { pageSize, summary, lastActivity } = props;
  return (
    <QueryState
      query={page}
      pending={
        <TableSkeleton rows={Math.min(pageSize, 8)} columns={summary ? 7 : lastActivity ? 6 : 5} label="Loading service accounts…" />
      }
      errorTitle="Could not load service accounts"
      renderError={(error) =>
        stalePageLinkState(error, props.hasCursor, { label: 'Go to the first page', onClick: props.onFirstPage })
      }
    >
      {(data) => <ServiceAccountsPage {...props} data={data} busy={page.isPlaceholderData} />}
    </QueryState>
  );
}

function ServiceAccountsPage({
  org,
  data,
  busy,
  query,
  sort,
  summary,
  hasCursor,
  pageSize,
  createGate,
  lastActivity,
  onCreate,
  onNext,
  onPrevious,
  onFirstPage,
  onPageSizeChange,
  onEdit,
  onDelete,
}: Omit<Props, 'page'> & { data: ServiceAccountList | ServiceAccountSummaryList; busy: boolean }) {
  const { items, page_info: pageInfo } = data;

  if (items.length === 0 && !hasCursor && query) {
    return (
      <EmptyState
        title="No matching service accounts"
        description={`No service account in this organization has “${query}” in its name, description or ID, or a credential with that client ID.`}
      />
    );
  }

  if (items.length === 0 && !hasCursor) {
    return (
      <EmptyState
        title="No service accounts yet"
        description="Create the first one to give a program its own identity and credentials."
        action={
          <GatedButton variant="primary" {...createGate} onClick={onCreate}>
            Create your first service account
          </GatedButton>
        }
      />
    );
  }

  return (
    <section aria-label="Service accounts list" className="sa-list">
      {items.length === 0 ? (
        <EmptyState
          title="Nothing on this page"
          description="The service accounts that were here have been deleted."
          action={<Button onClick={onFirstPage}>Go to the first page</Button>}
        />
      ) : (
        <ServiceAccountsTable
          org={org}
          serviceAccounts={items}
          caption={query ? `Service accounts matching “${query}”` : 'Service accounts'}
          sort={sort}
          summary={summary}
          lastActivity={lastActivity}
          busy={busy}
          onEdit={onEdit}
          onDelete={onDelete}
        />
      )}
      <Pagination
        label="Service accounts pages"
        hasPrevious={pageInfo.has_prev_page && Boolean(pageInfo.start_cursor)}
        hasNext={pageInfo.has_next_page && Boolean(pageInfo.end_cursor)}
        onPrevious={() => pageInfo.start_cursor && onPrevious(pageInfo.start_cursor)}
        onNext={() => pageInfo.end_cursor && onNext(pageInfo.end_cursor)}
        pageSize={pageSize}
        pageSizeOptions={PAGE_SIZES}
        onPageSizeChange={onPageSizeChange}
        busy={busy}
        summary={busy ? 'Loading…' : `${formatCount(items.length)} service account${items.length === 1 ? '' : 's'} on this page`}
      />
    </section>
  );
}
