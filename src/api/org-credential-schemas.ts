// Wire format of the local server's extensions `org_credentials` and `service_account_query`
// (described in `/api/openapi.json` and the README). Shared by the server (validation, OpenAPI) and
// the console. No React, no DOM.
import * as z from 'zod/mini';
import { CredentialSchema, IdSchema, listResponseSchema, TimestampSchema } from './schemas';

// ---------- org_credentials: GET /organizations/{org}/credentials ----------
export const ORG_CREDENTIAL_SORTS = ['created_at', 'last_used_at', 'name', 'service_account_name'] as const;
export type OrgCredentialSort = (typeof ORG_CREDENTIAL_SORTS)[number];
export const SORT_DIRECTIONS = ['desc', 'asc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
/** Longest `q` the server accepts (a client_id is 30 characters; names are at most 255). */
export const SEARCH_MAX = 255;

export const CredentialOwnerSchema = z.object({ id: IdSchema, name: z.string() });
/** A credential as listed org-wide: the credential plus the service account it belongs to. */
export const OrgCredentialItemSchema = z.extend(CredentialSchema, { service_account: CredentialOwnerSchema });
export type OrgCredentialItem = z.infer<typeof OrgCredentialItemSchema>;
export const OrgCredentialListSchema = listResponseSchema(OrgCredentialItemSchema);
export type OrgCredentialList = z.infer<typeof OrgCredentialListSchema>;

// ---------- org_credentials: GET /organizations/{org}/credentials/stats ----------
/**
 * Counts with the exact rules of src/lib/credential-status.ts at `computed_at` (a last_used_at
 * or created_at in the future counts as "just now"). `active + idle + stale + never_used_new = total`:
 * `stale` is the console's "stale" status, so it includes `never_used_stale` (never used and older
 * than the grace period); `never_used_new` is the console's "new". `rotation_due` overlaps the others.
 */
export const CredentialStatsSchema = z.object({
  total: z.int().check(z.gte(0)),
  active: z.int().check(z.gte(0)),
  idle: z.int().check(z.gte(0)),
  stale: z.int().check(z.gte(0)),
  never_used_new: z.int().check(z.gte(0)),
  never_used_stale: z.int().check(z.gte(0)),
  rotation_due: z.int().check(z.gte(0)),
  computed_at: TimestampSchema,
});
export type CredentialStats = z.infer<typeof CredentialStatsSchema>;

// ---------- service_account_query: the service-account list ----------
export const SERVICE_ACCOUNT_SORTS = ['created_at', 'name', 'last_used_at'] as const;
export type ServiceAccountSort = (typeof SERVICE_ACCOUNT_SORTS)[number];

// The query schemas (only the server parses queries) live in ./extension-query-schemas, so the
// console's bundle never holds them nor the zod code they need (pipe, transform, default, lte).
export type {
  CredentialStatsQuery,
  OrgCredentialQuery,
  OrgCredentialQueryInput,
  ServiceAccountQuery,
  ServiceAccountQueryInput,
} from './extension-query-schemas';

// The response schemas live apart so the service-account list (the first page) loads them
// without the query schemas above; re-exported here for the server and the OpenAPI document.
export * from './credential-summary-schemas';
