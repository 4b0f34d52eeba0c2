// Wire format of the `usage` and `audit_events` extensions (described in `/api/openapi.json`
// server"). The vendor's API has neither. No React, no DOM: the server imports this file too.
import * as z from 'zod/mini';
import { IdSchema, TimestampSchema, listResponseSchema } from './schemas';

// ---------- usage ----------
export const USAGE_BUCKETS = ['hour', 'day'] as const;
export const UsageBucketSchema = z.enum(USAGE_BUCKETS);
export type UsageBucket = z.infer<typeof UsageBucketSchema>;
export type { UsageQuery } from './extension-query-schemas';

/** How long the server keeps each kind of bucket (`/api/openapi.json`: hourly 14 days, daily 400 days). */
export const USAGE_RETENTION_DAYS: Record<UsageBucket, number> = { hour: 14, day: 400 };

/** One bucket: uses in [start, start + 1 hour or day). Buckets without a use may be left out. */
export const UsageBucketCountSchema = z.object({
  start: TimestampSchema,
  count: z.int().check(z.gte(0)),
});
export type UsageBucketCount = z.infer<typeof UsageBucketCountSchema>;

/** Where the latest successful token exchange came from. */
export const UsageSourceSchema = z.object({
  ip: z.string(),
  /** At most 256 characters, control characters removed; empty when the client sent none. */
  user_agent: z.string(),
  at: TimestampSchema,
});
export type UsageSource = z.infer<typeof UsageSourceSchema>;

export const CredentialUsageSchema = z.object({
  /** Oldest first. */
  items: z.array(UsageBucketCountSchema),
  last_used_from: z.nullish(UsageSourceSchema),
});
export type CredentialUsage = z.infer<typeof CredentialUsageSchema>;

// ---------- audit events ----------
export const AUDIT_ACTIONS = [
  'service_account.created',
  'service_account.updated',
  'service_account.deleted',
  'credential.created',
  'credential.updated',
  'credential.deleted',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_ACTOR_TYPES = ['person', 'service_account'] as const;
export const AUDIT_TARGET_TYPES = ['service_account', 'credential'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AuditActorSchema = z.object({
  // Plain strings in responses: a newer server may add kinds this console does not know yet.
  type: z.string(),
  id: IdSchema,
  name: z.string(),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

export const AuditTargetSchema = z.object({
  type: z.string(),
  id: IdSchema,
  /** The target's name when the event happened (it may have been renamed or deleted since). */
  name: z.string(),
  /** For credentials: the service account they belong (or belonged) to. */
  service_account_id: z.nullish(IdSchema),
});
export type AuditTarget = z.infer<typeof AuditTargetSchema>;

/** `null` stands for "not set" (no description, or before creation / after deletion). */
export const AuditChangeValueSchema = z.nullable(z.string());
/** `{ field: [before, after] }`; never holds a secret. */
export const AuditChangesSchema = z.record(z.string(), z.tuple([AuditChangeValueSchema, AuditChangeValueSchema]));
export type AuditChanges = z.infer<typeof AuditChangesSchema>;

export const AuditEventSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  actor: AuditActorSchema,
  action: z.string(),
  target: AuditTargetSchema,
  changes: z.optional(AuditChangesSchema),
  request_id: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditEventListSchema = listResponseSchema(AuditEventSchema);
export type AuditEventList = z.infer<typeof AuditEventListSchema>;

/** Filters of `GET /organizations/{org}/audit-events` (besides limit/after/before). */
export const AuditEventFilterSchema = z.object({
  target_id: z.optional(IdSchema),
  actor_id: z.optional(IdSchema),
  action: z.optional(z.enum(AUDIT_ACTIONS, { error: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })),
});
export type AuditEventFilter = z.infer<typeof AuditEventFilterSchema>;
