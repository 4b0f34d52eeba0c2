// /orgs/:org/activity: who created, changed or deleted what in the organization, newest first,
// filtered by actor, action and target (all kept in the URL) and paged by keyset cursors.
import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { auditEventQueries } from '../../api/audit-events';
import type { AuditActor, AuditEventList } from '../../api/usage-schemas';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { stalePageLinkState } from '../../components/error-state';
import { Pagination } from '../../components/pagination';
import { QueryState } from '../../components/query-state';
import { PageHeader } from '../../components/page-header';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../components/use-document-title';
import { ACTION_LABELS, actorLabel, isAuditAction, targetNoun } from '../../lib/audit-event-text';
import { formatCount } from '../../lib/time-format';
import { ActivityList } from './activity-list';
import {
  ACTIVITY_PAGE_SIZES,
  activitySearchParams,
  auditEventParams,
  parseActivitySearch,
  withFilters,
  type ActivitySearch,
} from './activity-search';
import { useTargetStatus } from './use-target-status';
import './activity.css';

export function OrgActivityPage({ org }: { org: string }) {
  useDocumentTitle('Activity');
  const [params, setParams] = useSearchParams();
  const search = parseActivitySearch(params);
  const query = useQuery({ ...auditEventQueries.list(org, auditEventParams(search)), placeholderData: keepPreviousData });
  const go = (next: ActivitySearch) => setParams(activitySearchParams(next));
  const filtered = Boolean(search.actor || search.action || search.target);

  return (
    <div className="page">
      <PageHeader
        title="Activity"
        description="Who created, changed or deleted service accounts and credentials in this organization, newest first."
      />
      <ActivityFilters org={org} search={search} data={query.data} onChange={(filters) => go(withFilters(search, filters))} />
      <QueryState
        query={query}
        pending={<SkeletonText lines={6} label="Loading activity…" />}
        errorTitle="Could not load the activity"
        // A 400 with a cursor is a page link the server no longer accepts: offer the newest events.
        renderError={(error) =>
          stalePageLinkState(error, Boolean(search.after || search.before), {
            label: 'Go to the newest events',
            onClick: () => go(withFilters(search, {})),
          })
        }
      >
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={filtered ? 'No activity matches these filters' : 'No activity recorded yet'}
              description={
                filtered ? undefined : 'Creating, changing or deleting a service account or credential is recorded here.'
              }
              action={
                filtered && (
                  <Button onClick={() => go(withFilters(search, { actor: undefined, action: undefined, target: undefined }))}>
                    Clear filters
                  </Button>
                )
              }
            />
          ) : (
            <ActivityPage org={org} data={data} busy={query.isPlaceholderData} search={search} onNavigate={go} />
          )
        }
      </QueryState>
    </div>
  );
}

function ActivityPage({
  org,
  data,
  busy,
  search,
  onNavigate,
}: {
  org: string;
  data: AuditEventList;
  busy: boolean;
  search: ActivitySearch;
  onNavigate: (search: ActivitySearch) => void;
}) {
  const statusOf = useTargetStatus(org, data.items);
  const { page_info: pageInfo } = data;
  return (
    <section className="activity-page" aria-label="Events">
      <div className="card">
        <div className="card__body" aria-busy={busy || undefined}>
          <ActivityList org={org} events={data.items} statusOf={statusOf} historyLinks={!search.target} label="Events" />
        </div>
      </div>
      <Pagination
        label="Activity pages"
        hasPrevious={pageInfo.has_prev_page && Boolean(pageInfo.start_cursor)}
        hasNext={pageInfo.has_next_page && Boolean(pageInfo.end_cursor)}
        onPrevious={() => pageInfo.start_cursor && onNavigate({ ...search, before: pageInfo.start_cursor, after: undefined })}
        onNext={() => pageInfo.end_cursor && onNavigate({ ...search, after: pageInfo.end_cursor, before: undefined })}
        pageSize={search.limit}
        pageSizeOptions={ACTIVITY_PAGE_SIZES}
        onPageSizeChange={(limit) => onNavigate(withFilters(search, { limit }))}
        busy={busy}
        summary={busy ? 'Loading…' : `${formatCount(data.items.length)} event${data.items.length === 1 ? '' : 's'} on this page`}
      />
    </section>
  );
}

/** Every actor in the organization's activity loaded so far (the API has no list of actors). */
function knownActors(queryClient: QueryClient, org: string): AuditActor[] {
  const actors = new Map<string, AuditActor>();
  for (const [, list] of queryClient.getQueriesData<AuditEventList>({ queryKey: auditEventQueries.lists(org) })) {
    for (const event of list?.items ?? []) actors.set(event.actor.id, event.actor);
  }
  return [...actors.values()].sort((a, b) => actorLabel(a).localeCompare(actorLabel(b)));
}

function ActivityFilters({
  org,
  search,
  data,
  onChange,
}: {
  org: string;
  search: ActivitySearch;
  data: AuditEventList | undefined;
  onChange: (filters: Partial<ActivitySearch>) => void;
}) {
  const queryClient = useQueryClient();
  const actors = knownActors(queryClient, org);
  // The target's name as its events recorded it; only its id when none is loaded.
  const target = search.target ? data?.items.find((e) => e.target.id === search.target)?.target : undefined;
  return (
    <div className="activity-filters" role="group" aria-label="Filters">
      <FilterField label="Who" value={search.actor ?? ''} onChange={(actor) => onChange({ actor: actor || undefined })}>
        <option value="">Anyone</option>
        {search.actor && !actors.some((a) => a.id === search.actor) && <option value={search.actor}>{search.actor}</option>}
        {actors.map((actor) => (
          <option key={actor.id} value={actor.id}>
            {actorLabel(actor)}
          </option>
        ))}
      </FilterField>
      <FilterField
        label="What"
        value={search.action ?? ''}
        onChange={(action) => onChange({ action: isAuditAction(action) ? action : undefined })}
      >
        <option value="">Any change</option>
        {Object.entries(ACTION_LABELS).map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </FilterField>
      {search.target && (
        <p className="activity-filters__target">
          Only {target ? `${targetNoun(target).toLowerCase()} “${target.name}”` : <code className="mono">{search.target}</code>}{' '}
          <Button size="sm" variant="ghost" onClick={() => onChange({ target: undefined })}>
            Show every target
          </Button>
        </p>
      )}
    </div>
  );
}

/** One labelled filter of the activity page: a select whose first option means "no filter". */
function FilterField({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="activity-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
