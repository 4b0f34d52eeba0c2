import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useExtension } from '../../api/capabilities';
import type { RevokeOutcome } from '../../api/org-credentials';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { GatedButton } from '../../components/permission-gate';
import { RelativeTime } from '../../components/relative-time';
import { TableSkeleton } from '../../components/skeleton';
import { compareServiceAccountNames } from './review-rows';
import { LAST_USED_EXPLANATION, type CredentialPolicy } from '../../lib/credential-status';
import { downloadTextFile } from '../../lib/download';
import { formatCount } from '../../lib/time-format';
import { deleteCredentialGate } from '../credentials';
import { BulkRevokeDialog } from './bulk-revoke-dialog';
import { CollectProgress, type Collecting } from './collect-progress';
import { ReviewFilters, ReviewSearchBox, StatusTotalsBar } from './review-controls';
import { reviewCsv, reviewCsvFileName } from './review-export';
import type { ReviewRow } from './review-rows';
import { isFiltered, toggleSort, type ReviewSearch } from './review-search';
import { selectionSummary, splitSelection, withoutIds, withRows, type Selection } from './review-selection';
import type { ReviewSource } from './review-source';
import { canRevoke, ReviewTable } from './review-table';
import { loadUsesForExport, useUsesLast30Days } from './review-usage';

/** Rows rendered (or fetched) at a time: tens of thousands of rows would stall the page. */
export const ROWS_STEP = 200;

export interface ReviewViewProps {
  org: string;
  source: ReviewSource;
  search: ReviewSearch;
  policy: CredentialPolicy;
  now: Date;
  onSearchChange: (next: Partial<ReviewSearch>) => void;
}

/** Totals, search and filters, the actions and the table: the same whichever source feeds them. */
export function ReviewView({ org, source, search, policy, now, onSearchChange }: ReviewViewProps) {
  const helpId = useId();
  const [selection, setSelection] = useState<Selection>(() => new Map());
  const [shownState, setShown] = useState({ key: '', count: ROWS_STEP });
  const [revoking, setRevoking] = useState<readonly ReviewRow[] | null>(null);
  const [collecting, setCollecting] = useState<Collecting | null>(null);
  const collectAbort = useRef<AbortController | null>(null);

  // A new search or filter starts again at the first rows.
  const viewKey = [search.q, search.status, search.rotationDue, search.serviceAccountId, search.sort, search.dir, search.staleAfterDays].join('|');
  const shown = shownState.key === viewKey ? shownState.count : ROWS_STEP;
  const displayed = source.paged ? source.rows : source.rows.slice(0, shown);
  const queryClient = useQueryClient();
  const usageOffered = useExtension('usage') === true;
  // Only for the rows on screen, a few requests at a time (review-usage.ts).
  const uses = useUsesLast30Days(
    org,
    useMemo(() => displayed.map((r) => r.credential), [displayed]),
    usageOffered,
  );

  const split = useMemo(() => splitSelection(selection, search, now, policy), [selection, search, now, policy]);
  const revocable = split.visible.filter(canRevoke);
  const serviceAccounts = useMemo(
    () => new Map((source.serviceAccounts ?? []).map((sa) => [sa.id, sa])),
    [source.serviceAccounts],
  );
  const accountOptions = useMemo(
    () => (source.serviceAccounts ? [...source.serviceAccounts].sort(compareServiceAccountNames) : undefined),
    [source.serviceAccounts],
  );

  function changeSelection(ids: readonly string[], on: boolean) {
    const byId = new Map(source.rows.map((r) => [r.credential.id, r]));
    setSelection((current) =>
      withRows(
        current,
        ids.flatMap((id) => byId.get(id) ?? current.get(id) ?? []),
        on,
      ),
    );
  }

  function handleRevoked(outcomes: readonly RevokeOutcome[]) {
    // Keep the failures selected, so a retry is one click away.
    setSelection((current) =>
      withoutIds(
        current,
        outcomes.filter((o) => o.result.status === 'fulfilled').map((o) => o.target.id),
      ),
    );
  }

  async function collect(kind: Collecting['kind'], then: (rows: readonly ReviewRow[]) => void | Promise<void>) {
    collectAbort.current?.abort();
    const controller = new AbortController();
    collectAbort.current = controller;
    if (source.fetches) setCollecting({ kind, loaded: 0, total: source.matching });
    try {
      const rows = await source.collectAll(controller.signal, (loaded) =>
        setCollecting({ kind, loaded, total: source.matching }),
      );
      if (!controller.signal.aborted) await then(rows);
      setCollecting(null);
    } catch (error) {
      if (controller.signal.aborted) return;
      setCollecting({ kind, loaded: 0, total: source.matching, error });
    }
  }

  function cancelCollect() {
    collectAbort.current?.abort();
    setCollecting(null);
  }

  const selectAllMatching = () =>
    void collect('select', (rows) => setSelection((current) => withRows(current, rows.filter(canRevoke), true)));
  const exportCsv = () =>
    void collect('export', async (rows) => {
      const usesById = usageOffered ? await loadUsesForExport(queryClient, org, rows.map((r) => r.credential)) : undefined;
      downloadTextFile(reviewCsvFileName(org, now), reviewCsv(rows, usesById), 'text/csv;charset=utf-8');
    });

  const revokeGate = deleteCredentialGate(source.permissions);
  const matching = source.matching;
  const summary = selectionSummary(split, formatCount);
  const waitReason = source.notReadyReason;
  const showMore = source.paged ? (source.hasMore ? Math.min(ROWS_STEP, (matching ?? Infinity) - displayed.length) : 0) : source.rows.length - displayed.length;

  return (
    <>
      {source.progress}
      <StatusTotalsBar
        totals={source.totals}
        policy={policy}
        status={search.status}
        rotationDue={search.rotationDue}
        onChange={onSearchChange}
      />
      <ReviewSearchBox value={search.q} onSearch={(q) => onSearchChange({ q })} />
      <ReviewFilters search={search} serviceAccounts={accountOptions} onChange={onSearchChange} />
      <p id={helpId} className="muted review-help">
        {LAST_USED_EXPLANATION}
      </p>
      <div className="toolbar review-actions">
        <span className="toolbar__grow" role="status">
          {matching === undefined ? 'Counting…' : `${formatCount(matching)} of ${formatCount(source.totals?.all ?? matching)} credentials`}
          {!source.complete && !source.paged && ' loaded so far'}
          {summary && <> · {summary}</>}
          {source.loadedAt && (
            <>
              {' '}
              · loaded <RelativeTime date={source.loadedAt} />
            </>
          )}
        </span>
        {split.hidden.length > 0 && (
          <Button size="sm" variant="ghost" onClick={() => setSelection((s) => withoutIds(s, split.hidden.map((r) => r.credential.id)))}>
            Clear hidden selection
          </Button>
        )}
        <Button size="sm" onClick={source.reload} loading={source.reloading}>
          Reload
        </Button>
        <Button
          size="sm"
          onClick={selectAllMatching}
          aria-disabled={Boolean(waitReason) || !matching || collecting !== null || undefined}
          title={waitReason ?? undefined}
        >
          Select all {matching === undefined ? '' : `${formatCount(matching)} `}matching
        </Button>
        <Button
          size="sm"
          onClick={exportCsv}
          aria-disabled={Boolean(waitReason) || !matching || collecting !== null || undefined}
          title={waitReason ?? undefined}
        >
          Export CSV
        </Button>
        <GatedButton
          size="sm"
          variant="danger"
          {...revokeGate}
          aria-disabled={revocable.length === 0 || undefined}
          onClick={() => setRevoking(revocable)}
        >
          Revoke selected{revocable.length > 0 ? ` (${formatCount(revocable.length)})` : ''}
        </GatedButton>
      </div>
      {collecting && <CollectProgress collecting={collecting} onCancel={cancelCollect} />}
      {displayed.length === 0 && !source.complete ? (
        <TableSkeleton rows={8} columns={8} label="Loading credentials…" />
      ) : displayed.length === 0 && !isFiltered(search) ? (
        <EmptyState title="No credentials" description="No service account in this organization has a credential." />
      ) : displayed.length === 0 ? (
        <EmptyState
          title="No credentials match these filters"
          action={
            <Button onClick={() => onSearchChange({ q: '', status: null, serviceAccountId: null, rotationDue: false })}>Clear filters</Button>
          }
        />
      ) : (
        <>
          <ReviewTable
            org={org}
            rows={displayed}
            uses={usageOffered ? uses : undefined}
            serviceAccounts={serviceAccounts}
            policy={policy}
            now={now}
            search={search}
            busy={!source.complete && source.paged}
            onSort={(sort) => onSearchChange(toggleSort(search, sort))}
            selected={selection}
            onSelectionChange={changeSelection}
            helpId={helpId}
          />
          {showMore > 0 && (
            <div className="toolbar">
              <span className="muted">
                Showing {formatCount(displayed.length)} of {formatCount(matching ?? source.rows.length)}
              </span>
              <Button
                size="sm"
                loading={source.loadingMore}
                onClick={() =>
                  source.paged ? source.loadMore() : setShown({ key: viewKey, count: shown + ROWS_STEP })
                }
              >
                Show {formatCount(showMore)} more
              </Button>
              {!source.paged && (
                <Button size="sm" variant="ghost" onClick={() => setShown({ key: viewKey, count: source.rows.length })}>
                  Show all
                </Button>
              )}
            </div>
          )}
        </>
      )}
      {revoking && (
        <BulkRevokeDialog org={org} rows={revoking} onClose={() => setRevoking(null)} onFinished={handleRevoked} />
      )}
    </>
  );
}
