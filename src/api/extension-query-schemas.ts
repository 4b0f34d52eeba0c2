// Query parameters of the local server's extensions, parsed by the server (and described by the
// OpenAPI document). The console never parses a query: it imports nothing from here but types,
// so its bundle holds neither these schemas nor the zod code they need (pipe, transform,
// default, lte), which would otherwise ride along in the first page's shared zod chunk (issue 13).
import * as z from 'zod/mini';
import { ORG_CREDENTIAL_SORTS, SEARCH_MAX, SERVICE_ACCOUNT_SORTS, SORT_DIRECTIONS } from './org-credential-schemas';
import { IdSchema, TimestampSchema } from './schemas';
import { USAGE_BUCKETS } from './usage-schemas';

// ---------- org_credentials and service_account_query ----------
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

// ---------- org_credentials: GET /organizations/{org}/credentials/stats ----------
/** Whole days, as the console's policy; defaults as in `/api/openapi.json` (and CREDENTIAL_POLICY's). */
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

// ---------- service_account_query: the service-account list ----------
/** Besides `limit`, `after`, `before`, `expand` (`credential_summary` adds the summary below). */
export const ServiceAccountQuerySchema = z.object({
  q: z.optional(SearchSchema),
  sort: z._default(z.enum(SERVICE_ACCOUNT_SORTS), 'created_at'),
  direction: z._default(z.enum(SORT_DIRECTIONS), 'desc'),
});
export type ServiceAccountQuery = z.output<typeof ServiceAccountQuerySchema>;
export type ServiceAccountQueryInput = z.input<typeof ServiceAccountQuerySchema>;

// ---------- usage ----------
/**
 * Query of `GET .../credentials/{credential_id}/usage`; `since` defaults to the retention window.
 * Other parameters (e.g. an SDK's `expand`) are ignored, as on every other endpoint.
 */
export const UsageQuerySchema = z.object({
  bucket: z._default(z.enum(USAGE_BUCKETS, { error: 'bucket must be hour or day' }), 'day'),
  since: z.optional(z.iso.datetime({ offset: true, error: 'since must be an RFC 3339 date-time, e.g. 2026-12-01T00:00:00Z' })),
});
export type UsageQuery = z.input<typeof UsageQuerySchema>;
