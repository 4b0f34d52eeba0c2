// The reads a page starts with, as requests (path, query, expand): the resource modules send them
// through apiRequest and parse the answers with their schemas; the boot script (src/boot.ts)
// sends the same requests before the entry has loaded, and apiRequest claims those answers by URL
// (issue 13). No schemas here, so the boot script stays a few KB.
import type { ServiceAccountSort, SortDirection } from './org-credential-schemas';
import { normalizeListParams, type ListParams } from './pagination';
import { apiPath, type ApiGet } from './request-url';

// A person belongs to a handful of organizations; the cap (organizations.ts) only stops a
// misbehaving server from making the switcher loop forever.
export const ORGANIZATION_PAGE_SIZE = 100;

/**
 * The list's `service_account_query` extension: search (`q`: name, description, id, or a
 * credential's exact client_id), sort, and each row's credential summary. Only sent when
 * discovery announces it; the vendor ignores these parameters.
 */
export interface ServiceAccountListQuery {
  q?: string | undefined;
  sort?: ServiceAccountSort | undefined;
  direction?: SortDirection | undefined;
}

export function normalizeListQuery(query: ServiceAccountListQuery): ServiceAccountListQuery {
  const out: ServiceAccountListQuery = {};
  if (query.q?.trim()) out.q = query.q.trim();
  if (query.sort) out.sort = query.sort;
  if (query.direction) out.direction = query.direction;
  return out;
}

export const serviceAccountsPath = (org: string) => apiPath`/organizations/${org}/service-accounts`;
export const serviceAccountPath = (org: string, id: string) => apiPath`/organizations/${org}/service-accounts/${id}`;
export const credentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  apiPath`/organizations/${org}/service-accounts/${serviceAccountId}/credentials/${credentialId}`;

export const readRequests = {
  /** One page of the caller's organizations. */
  organizations: (after?: string): ApiGet => ({ path: '/organizations', query: { limit: ORGANIZATION_PAGE_SIZE, after } }),
  /** `org` is the organization's id or label. */
  organization: (org: string): ApiGet => ({ path: apiPath`/organizations/${org}` }),
  serviceAccounts: (org: string, params: ListParams): ApiGet => ({
    path: serviceAccountsPath(org),
    query: { ...normalizeListParams(params) },
  }),
  /** A page of the list with the `service_account_query` extension. */
  queriedServiceAccounts: (org: string, params: ListParams, query: ServiceAccountListQuery): ApiGet => ({
    path: serviceAccountsPath(org),
    query: { ...normalizeListParams(params), ...normalizeListQuery(query) },
    expand: ['permissions', 'credential_summary'],
  }),
  serviceAccount: (org: string, id: string): ApiGet => ({ path: serviceAccountPath(org, id) }),
  credential: (org: string, serviceAccountId: string, credentialId: string): ApiGet => ({
    path: credentialPath(org, serviceAccountId, credentialId),
  }),
};
