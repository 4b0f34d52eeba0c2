// The `audit_events` extension: who created, changed or deleted which service account or credential.
// Only call it when `useExtension('audit_events')` is true: the vendor's API has no such endpoint.
import { queryOptions } from '@tanstack/react-query';
import { apiPath, apiRequest } from './client';
import { normalizeListParams, type ListParams } from './pagination';
import { AuditEventListSchema, type AuditAction, type AuditEventList } from './usage-schemas';
import { AUDIT_EVENTS_KEY } from './audit-event-keys';

export interface AuditEventParams extends ListParams {
  target_id?: string | undefined;
  actor_id?: string | undefined;
  action?: AuditAction | undefined;
}

/** The key form: empty filters and absent cursors are left out, so equal requests share a cache entry. */
function normalizeAuditEventParams(params: AuditEventParams): AuditEventParams {
  const normalized: AuditEventParams = normalizeListParams(params);
  if (params.target_id) normalized.target_id = params.target_id;
  if (params.actor_id) normalized.actor_id = params.actor_id;
  if (params.action) normalized.action = params.action;
  return normalized;
}

export function listAuditEvents(org: string, params: AuditEventParams, signal?: AbortSignal): Promise<AuditEventList> {
  return apiRequest(apiPath`/organizations/${org}/audit-events`, {
    query: { ...normalizeAuditEventParams(params) },
    expand: [],
    schema: AuditEventListSchema,
    signal,
  });
}

export const auditEventQueries = {
  /**
   * Every audit-event query of an organization. Every successful write adds an event, so
   * mutations of service accounts and credentials should invalidate this too.
   */
  all: (org: string) => [AUDIT_EVENTS_KEY, org] as const,
  lists: (org: string) => [...auditEventQueries.all(org), 'list'] as const,
  list: (org: string, params: AuditEventParams) => {
    const keyParams = normalizeAuditEventParams(params);
    return queryOptions({
      queryKey: [...auditEventQueries.lists(org), keyParams] as const,
      queryFn: ({ signal }) => listAuditEvents(org, keyParams, signal),
    });
  },
};
