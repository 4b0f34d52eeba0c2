import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ServiceAccount } from '../../api/schemas';
import { useExtension } from '../../api/capabilities';
import { serviceAccountQueries } from '../../api/service-accounts';
import { TableSkeleton } from '../../components/skeleton';
import { GatedButton } from '../../components/permission-gate';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { serviceAccountPath } from '../../lib/paths';
import { permissionGate } from '../../lib/permissions';
import { LazyDeleteServiceAccountDialog, LazyServiceAccountFormDialog, usePreloadDialogs } from './lazy-dialogs';
import { listParams, listQuery } from './list-search';
import { toggleListSort } from './list-search-changes';
import { PagedServiceAccounts } from './paged-service-accounts';
import { SearchBox } from './search-box';
import { SearchResults } from './search-results';
import type { LastActivityColumn } from './service-accounts-table';
import { useListSearch } from './use-list-search';
import './service-accounts.css';

export type ServiceAccountsListPageProps = {
  org: string;
  /** Filled by the credential review feature, composed in the route module. */
  lastActivity?: LastActivityColumn;
};

export function ServiceAccountsListPage({ org, lastActivity }: ServiceAccountsListPageProps) {
  useDocumentTitle('Service accounts');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { search, goToPage, firstPage, setPageSize, setQuery, setSort } = useListSearch();
  const params = listParams(search);
  // With the server's search and sort, a search is one paged request and rows carry their
  // credential summary; without them (the vendor) a search reads the whole list.
  const queryable = useExtension('service_account_query');
  // Previous rows stay on screen (marked busy) while another page loads.
  const vendorPage = useQuery({
    ...serviceAccountQueries.list(org, params),
    placeholderData: keepPreviousData,
    enabled: queryable === false,
  });
  const queriedPage = useQuery({
    ...serviceAccountQueries.queried(org, params, listQuery(search)),
    placeholderData: keepPreviousData,
    enabled: queryable === true,
  });
  const page = queryable ? queriedPage : vendorPage;

  const [creating, setCreating] = useState(false);
  usePreloadDialogs();
  const [editing, setEditing] = useState<ServiceAccount | null>(null);
  const [deleting, setDeleting] = useState<ServiceAccount | null>(null);

  // Next is usually the next click: have it ready.
  const nextCursor = page.data?.page_info.has_next_page ? page.data.page_info.end_cursor : undefined;
  const { q, sort, dir } = search;
  useEffect(() => {
    if (!nextCursor || page.isPlaceholderData) return;
    const next = { limit: search.limit, after: nextCursor };
    if (queryable) void queryClient.prefetchQuery(serviceAccountQueries.queried(org, next, { q, sort, direction: dir }));
    else void queryClient.prefetchQuery(serviceAccountQueries.list(org, next));
  }, [queryClient, org, search.limit, nextCursor, page.isPlaceholderData, queryable, q, sort, dir]);

  // The list-level map says whether this person may create; unknown (no map) stays enabled,
  // but until the first page has answered the control must not look available.
  const createGate = permissionGate(page.data?.permissions, 'service_accounts', 'create', { pending: page.isPending });
  const openCreate = () => setCreating(true);
  const rowActions = { onEdit: setEditing, onDelete: setDeleting };

  return (
    <div className="page">
      <PageHeader
        title="Service accounts"
        description="Identities for programs. Each authenticates with its own credentials."
        actions={
          <GatedButton variant="primary" {...createGate} onClick={openCreate}>
            Create service account
          </GatedButton>
        }
      />

      <SearchBox value={search.q} onSearch={setQuery} wide={queryable === true} />

      {queryable === undefined ? (
        <TableSkeleton rows={8} columns={5} label="Loading service accounts…" />
      ) : search.q && !queryable ? (
        <SearchResults org={org} query={search.q} lastActivity={lastActivity} {...rowActions} />
      ) : (
        <PagedServiceAccounts
          org={org}
          page={page}
          query={search.q}
          sort={
            queryable
              ? {
                  sort: search.sort ?? 'created_at',
                  dir: search.dir ?? 'desc',
                  onSort: (key) => setSort(toggleListSort(search, key)),
                }
              : undefined
          }
          summary={queryable}
          hasCursor={Boolean(search.after || search.before)}
          pageSize={search.limit}
          createGate={createGate}
          lastActivity={lastActivity}
          onCreate={openCreate}
          onNext={(after) => goToPage({ after })}
          onPrevious={(before) => goToPage({ before })}
          onFirstPage={firstPage}
          onPageSizeChange={setPageSize}
          {...rowActions}
        />
      )}

      {creating && (
        <LazyServiceAccountFormDialog
          mode="create"
          org={org}
          open
          onClose={() => setCreating(false)}
          onSaved={(created) => void navigate(serviceAccountPath(org, created.id))}
        />
      )}
      {editing && (
        <LazyServiceAccountFormDialog
          mode="edit"
          org={org}
          open
          serviceAccount={editing}
          onClose={() => setEditing(null)}
        />
      )}
      <LazyDeleteServiceAccountDialog org={org} serviceAccount={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
