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

export const SearchSchema = z.pipe(
  z.string().check(z.trim(), z.maxLength(SEARCH_MAX, `q must be at most ${SEARCH_MAX} characters`)),
  // An empty search means "no search", as a cleared search box does.
  z.transform((v: string) => v || undefined),
);
export const BooleanParamSchema = z.pipe(
  z.enum(['true', 'false'], { error: 'must be true or false' }),
  z.transform((v: 'true' | 'false') => v === 'true'),
);

/**
 * Query of the org-wide credential list, besides `limit`, `after`, `before`, `expand`.
 * Every field is optional; `sort` defaults to created_at and `direction` to desc.
 * Never-used credentials sort as the oldest use (first ascending, last descending); ties by id.
 */
export const OrgCredentialQuerySchema = z.object({
  q: z.optional(SearchSchema),
  service_account_id: z.optional(IdSchema),
  last_used_before: z.optional(TimestampSchema),
  last_used_after: z.optional(TimestampSchema),
  never_used: z.optional(BooleanParamSchema),
  created_before: z.optional(TimestampSchema),
  created_after: z.optional(TimestampSchema),
  sort: z._default(z.enum(ORG_CREDENTIAL_SORTS), 'created_at'),
  direction: z._default(z.enum(SORT_DIRECTIONS), 'desc'),
});
export type OrgCredentialQuery = z.output<typeof OrgCredentialQuerySchema>;
/** What a caller passes (strings as in the URL; sort and direction may be left out). */
export type OrgCredentialQueryInput = z.input<typeof OrgCredentialQuerySchema>;

export const CredentialOwnerSchema = z.object({ id: IdSchema, name: z.string() });
/** A credential as listed org-wide: the credential plus the service account it belongs to. */
export const OrgCredentialItemSchema = z.extend(CredentialSchema, { service_account: CredentialOwnerSchema });
export type OrgCredentialItem = z.infer<typeof OrgCredentialItemSchema>;
export const OrgCredentialListSchema = listResponseSchema(OrgCredentialItemSchema);
export type OrgCredentialList = z.infer<typeof OrgCredentialListSchema>;

// ---------- org_credentials: GET /organizations/{org}/credentials/stats ----------
/** Whole days, as the console's policy; defaults are the API's (`/api/openapi.json`, and CREDENTIAL_POLICY's). */
const days = (fallback: number) =>
  z._default(
    z.coerce
      .number({ error: 'must be a whole number of days' })
      .check(
        z.refine((v: number) => Number.isInteger(v), 'must be a whole number of days'),
        z.gte(0, 'must be at least 0'),
        z.lte(36_500, 'must be at most 36500'),
      ),
    fallback,
  );
export const CredentialStatsQuerySchema = z.object({
  q: z.optional(SearchSchema),
  service_account_id: z.optional(IdSchema),
  /** Used within this many days (inclusive) → active; longer ago → idle (CREDENTIAL_POLICY.activeWithinDays). */
  idle_after_days: days(30),
  /** Last used more than this many days ago → stale (CREDENTIAL_POLICY.staleAfterDays). */
  stale_after_days: days(90),
  /** Never used and created within this many days (inclusive) → new, else stale (neverUsedGraceDays). */
  new_within_days: days(7),
  /** Created more than this many days ago → rotation due (rotationAgeDays). */
  rotation_due_after_days: days(90),
});
export type CredentialStatsQuery = z.output<typeof CredentialStatsQuerySchema>;

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

/** Besides `limit`, `after`, `before`, `expand` (`credential_summary` adds the summary below). */
export const ServiceAccountQuerySchema = z.object({
  q: z.optional(SearchSchema),
  sort: z._default(z.enum(SERVICE_ACCOUNT_SORTS), 'created_at'),
  direction: z._default(z.enum(SORT_DIRECTIONS), 'desc'),
});
export type ServiceAccountQuery = z.output<typeof ServiceAccountQuerySchema>;
export type ServiceAccountQueryInput = z.input<typeof ServiceAccountQuerySchema>;

// The response schemas live apart so the service-account list (the first page) loads them
// without the query schemas above; re-exported here for the server and the OpenAPI document.
export * from './credential-summary-schemas';
