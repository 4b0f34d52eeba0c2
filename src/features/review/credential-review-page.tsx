import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  orgCredentialQueries,
  useOrgCredentialsProgress,
  type OrgCredentials,
  type RevokeOutcome,
} from '../../api/org-credentials';
import { useExtension } from '../../api/capabilities';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { GatedButton } from '../../components/permission-gate';
import { RelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { CREDENTIAL_POLICY, LAST_USED_EXPLANATION } from '../../lib/credential-status';
import { permissionGate } from '../../lib/permissions';
import { formatCount } from '../../lib/time-format';
import { BulkRevokeDialog } from './bulk-revoke-dialog';
import { LoadProgress, ReviewFilters, StatusTotalsBar } from './review-controls';
import { downloadTextFile } from '../../lib/download';
import { reviewCsv, reviewCsvFileName } from './review-export';
import { buildRows, compareServiceAccountNames, countByStatus, filterByServiceAccount, filterByStatus, sortRows } from './review-rows';
import { parseReviewSearch, reviewSearchParams, toggleSort, type ReviewSearch } from './review-search';
import { canRevoke, ReviewTable } from './review-table';
import { loadUsesForExport, useUsesLast30Days } from './review-usage';
import './review.css';

/** Rows rendered at first; the rest on request (tens of thousands of rows would stall the page). */
const ROWS_STEP = 200;

/** Route component for `/orgs/:org/credentials`. */
export function CredentialReviewPage() {
  const { org = '' } = useParams();
  const query = useQuery(orgCredentialQueries.all(org));

  return (
    <div className="page review-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">Credential review</h1>
          <p className="page-header__description">
            Every credential of every service account in this organization, to find the ones nobody uses any more and
            the ones due for rotation.
          </p>
        </div>
      </header>
      {query.isPending ? (
        <OrgLoadProgress org={org} label="Loading credentials" />
      ) : query.isError && !query.data ? (
        <ErrorState
          title="Could not load the credentials"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <>
          {query.isFetching && <OrgLoadProgress org={org} label="Reloading credentials" />}
          <Review
            org={org}
            data={query.data}
            reloading={query.isFetching}
            onReload={() => void query.refetch()}
          />
        </>
      )}
    </div>
  );
}

/**
 * Subscribes to the progress itself, so a progress tick re-renders only the bar: during a reload
 * the table and its filters (one option per service account) stay as they are.
 */
function OrgLoadProgress({ org, label }: { org: string; label: string }) {
  return <LoadProgress progress={useOrgCredentialsProgress(org)} label={label} />;
}

function Review({
  org,
  data,
  reloading,
  onReload,
}: {
  org: string;
  data: OrgCredentials;
  reloading: boolean;
  onReload: () => void;
}) {
  const helpId = useId();
  const nowMs = useNow();
  const now = useMemo(() => new Date(nowMs), [nowMs]);
  const [params, setParams] = useSearchParams();
  const search = parseReviewSearch(params);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [shown, setShown] = useState(ROWS_STEP);
  const [revoking, setRevoking] = useState(false);
  const [exporting, setExporting] = useState(false);
  const queryClient = useQueryClient();
  const usageOffered = useExtension('usage') === true;

  const staleAfterDays = search.staleAfterDays;
  const policy = useMemo(() => ({ ...CREDENTIAL_POLICY, staleAfterDays }), [staleAfterDays]);
  const rows = useMemo(() => buildRows(data.credentials, now, policy), [data.credentials, now, policy]);
  const accountRows = useMemo(
    () => filterByServiceAccount(rows, search.serviceAccountId),
    [rows, search.serviceAccountId],
  );
  const totals = useMemo(() => countByStatus(accountRows), [accountRows]);
  const viewRows = useMemo(
    () => sortRows(filterByStatus(accountRows, search.status), search.sort, search.dir),
    [accountRows, search.status, search.sort, search.dir],
  );
  const serviceAccounts = useMemo(() => new Map(data.serviceAccounts.map((sa) => [sa.id, sa])), [data.serviceAccounts]);
  const accountOptions = useMemo(
    () => [...data.serviceAccounts].sort(compareServiceAccountNames),
    [data.serviceAccounts],
  );
  // Only what still exists and may be revoked: the data changes under a selection after a revoke or reload.
  const selectedRows = useMemo(() => rows.filter((r) => selected.has(r.credential.id) && canRevoke(r)), [rows, selected]);

  function update(next: Partial<ReviewSearch>) {
    setParams(reviewSearchParams({ ...search, ...next }), { replace: true });
    setShown(ROWS_STEP);
  }

  function changeSelection(ids: readonly string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  function handleRevoked(outcomes: readonly RevokeOutcome[]) {
    // Keep the failures selected, so a retry is one click away.
    changeSelection(
      outcomes.filter((o) => o.result.status === 'fulfilled').map((o) => o.target.id),
      false,
    );
  }

  async function exportCsv() {
    if (exporting) return;
    setExporting(true);
    try {
      const uses = usageOffered ? await loadUsesForExport(queryClient, org, viewRows.map((r) => r.credential)) : undefined;
      downloadTextFile(reviewCsvFileName(org, now), reviewCsv(viewRows, uses), 'text/csv;charset=utf-8');
    } finally {
      setExporting(false);
    }
  }

  const shownRows = useMemo(() => viewRows.slice(0, shown), [viewRows, shown]);
  // Only for the rows on screen, a few requests at a time (review-usage.ts).
  const uses = useUsesLast30Days(
    org,
    useMemo(() => shownRows.map((r) => r.credential), [shownRows]),
    usageOffered,
  );

  const revokeGate = permissionGate(data.permissions, 'service_account_credentials', 'delete');
  const filtered = search.status !== null || search.serviceAccountId !== null;

  return (
    <>
      <StatusTotalsBar
        totals={totals}
        policy={policy}
        status={search.status}
        onStatusChange={(status) => update({ status })}
      />
      <ReviewFilters search={search} serviceAccounts={accountOptions} onChange={update} />
      <p id={helpId} className="muted review-help">
        {LAST_USED_EXPLANATION}
      </p>
      <div className="toolbar review-actions">
        <span className="toolbar__grow" role="status">
          {formatCount(viewRows.length)} of {formatCount(rows.length)} credentials
          {selectedRows.length > 0 && <> · {formatCount(selectedRows.length)} selected</>} · loaded{' '}
          <RelativeTime date={data.loadedAt} />
        </span>
        <Button size="sm" onClick={onReload} loading={reloading}>
          Reload
        </Button>
        <Button
          size="sm"
          onClick={() => void exportCsv()}
          loading={exporting}
          aria-disabled={viewRows.length === 0 || undefined}
        >
          Export CSV
        </Button>
        <GatedButton
          size="sm"
          variant="danger"
          {...revokeGate}
          aria-disabled={selectedRows.length === 0 || undefined}
          onClick={() => setRevoking(true)}
        >
          Revoke selected{selectedRows.length > 0 ? ` (${selectedRows.length})` : ''}
        </GatedButton>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No credentials" description="No service account in this organization has a credential." />
      ) : viewRows.length === 0 ? (
        <EmptyState
          title="No credentials match these filters"
          action={
            filtered && <Button onClick={() => update({ status: null, serviceAccountId: null })}>Clear filters</Button>
          }
        />
      ) : (
        <>
          <ReviewTable
            org={org}
            rows={shownRows}
            uses={usageOffered ? uses : undefined}
            serviceAccounts={serviceAccounts}
            policy={policy}
            now={now}
            search={search}
            onSort={(sort) => update(toggleSort(search, sort))}
            selected={selected}
            onSelectionChange={changeSelection}
            helpId={helpId}
          />
          {viewRows.length > shown && (
            <div className="toolbar">
              <span className="muted">
                Showing {formatCount(shown)} of {formatCount(viewRows.length)}
              </span>
              <Button size="sm" onClick={() => setShown((n) => n + ROWS_STEP)}>
                Show {formatCount(Math.min(ROWS_STEP, viewRows.length - shown))} more
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setShown(viewRows.length)}>
                Show all
              </Button>
            </div>
          )}
        </>
      )}
      {revoking && (
        <BulkRevokeDialog
          org={org}
          rows={selectedRows}
          onClose={() => setRevoking(false)}
          onFinished={handleRevoked}
        />
      )}
    </>
  );
}
