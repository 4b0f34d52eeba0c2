// The organization activity page's state as it lives in the URL (filters and the page), so a
// filtered view can be shared, bookmarked and reloaded.
import type { AuditEventParams } from '../../api/audit-events';
import { LIMIT_MAX } from '../../api/schemas';
import type { AuditAction } from '../../api/usage-schemas';
import { isAuditAction } from '../../lib/audit-event-text';

export const ACTIVITY_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_ACTIVITY_PAGE_SIZE = 25;

export interface ActivitySearch {
  actor?: string | undefined;
  action?: AuditAction | undefined;
  target?: string | undefined;
  limit: number;
  after?: string | undefined;
  before?: string | undefined;
}

export function parseActivitySearch(params: URLSearchParams): ActivitySearch {
  const rawLimit = Number(params.get('limit'));
  const limit =
    Number.isInteger(rawLimit) && rawLimit >= 1 && rawLimit <= LIMIT_MAX ? rawLimit : DEFAULT_ACTIVITY_PAGE_SIZE;
  const action = params.get('action') ?? '';
  const after = params.get('after') || undefined;
  return {
    actor: params.get('actor') || undefined,
    // An action this console does not know (an old or hand-made link) is ignored, not sent.
    action: isAuditAction(action) ? action : undefined,
    target: params.get('target') || undefined,
    limit,
    after,
    // The API refuses both cursors at once; `after` wins.
    before: after ? undefined : params.get('before') || undefined,
  };
}

/** Only what is set is written, to keep URLs short. */
export function activitySearchParams(search: ActivitySearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.actor) params.set('actor', search.actor);
  if (search.action) params.set('action', search.action);
  if (search.target) params.set('target', search.target);
  if (search.limit !== DEFAULT_ACTIVITY_PAGE_SIZE) params.set('limit', String(search.limit));
  if (search.after) params.set('after', search.after);
  else if (search.before) params.set('before', search.before);
  return params;
}

/** A change of filter starts again from the newest events: a cursor belongs to its filters. */
export function withFilters(search: ActivitySearch, filters: Partial<Pick<ActivitySearch, 'actor' | 'action' | 'target' | 'limit'>>): ActivitySearch {
  return { ...search, ...filters, after: undefined, before: undefined };
}

export function auditEventParams(search: ActivitySearch): AuditEventParams {
  return {
    limit: search.limit,
    after: search.after,
    before: search.before,
    actor_id: search.actor,
    action: search.action,
    target_id: search.target,
  };
}
