// The single source of truth for the wire format (served as OpenAPI at `/api/openapi.json`; see the README).
// No React, no DOM: the server imports this file too.
//
// Response schemas use z.object (unknown fields are stripped) so the console keeps working
// when the vendor's API adds fields; request schemas use z.strictObject so the server
// rejects unknown body fields as the API requires.
//
// Written with zod/mini (functions instead of methods, so the bundler keeps only what is used)
// because the console ships these to the browser at a fraction of full zod's size. They are
// ordinary zod 4 schemas: the server validates with them and full zod's toJSONSchema builds the
// OpenAPI document from them.
import * as z from 'zod/mini';
import type { PERMISSION_ACTIONS } from './roles';
// Full zod installs its English messages when imported (the server does); zod/mini does not. The
// console loads them only when a response fails its schema (src/api/client.ts), to show the details.

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(255));
export const TimestampSchema = z.iso.datetime({ offset: true });

// `audit_events` only appears in an organization's map when the server offers that extension.
export const PERMISSION_RESOURCES = ['organizations', 'service_accounts', 'service_account_credentials', 'audit_events'] as const;
export type PermissionResource = (typeof PERMISSION_RESOURCES)[number];
// The list itself lives with the role table (roles.ts), which loads with the permission gates.
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/** `{ resource_type: { permission_name: granted } }`; only present with expand=permissions. */
export const PermissionsSchema = z.record(z.string(), z.record(z.string(), z.boolean()));
export type Permissions = z.infer<typeof PermissionsSchema>;

export const ROLES = ['org_admin', 'sa_operator', 'org_viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

// ---------- field rules (ours) ----------
export const NAME_MAX = 255;
export const DESCRIPTION_MAX = 1024;
// A lone UTF-16 surrogate is not text: SQLite would store U+FFFD in its place, so what was saved
// would differ from what was sent (and from the 201 that echoed it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);
// Names are shown in lists, logs and terminals: no control characters (Cc), no invisible format
// characters (Cf: zero-width spaces and joiners, bidi overrides such as U+202E, BOM) and no line or
// paragraph separators, which could hide or disguise what a name says.
const NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
// Descriptions may have line breaks and tabs, but no other control characters.
// eslint-disable-next-line no-control-regex
const DESCRIPTION_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const NameSchema = z
  .string({ error: 'Name must be a string' })
  .check(
    z.trim(),
    // One spelling per name: "é" typed as one code point or as "e" + accent is the same name.
    z.overwrite((value) => (isWellFormed(value) ? value.normalize('NFC') : value)),
    z.minLength(1, 'Name is required'),
    z.maxLength(NAME_MAX, `Name must be at most ${NAME_MAX} characters`),
    z.refine(isWellFormed, 'Name must be valid Unicode text'),
    z.refine((value) => !NAME_FORBIDDEN.test(value), 'Name must not contain control or invisible characters'),
  );
export const DescriptionSchema = z
  .string({ error: 'Description must be a string' })
  .check(
    z.maxLength(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters`),
    z.refine(isWellFormed, 'Description must be valid Unicode text'),
    z.refine(
      (value) => !DESCRIPTION_FORBIDDEN.test(value),
      'Description must not contain control characters other than line breaks and tabs',
    ),
  );

// ---------- resources ----------
/** The fields that end an organization and a service account, in this order. */
const timesAndPermissions = {
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  permissions: z.optional(PermissionsSchema),
};

export const OrganizationSchema = z.object({
  id: IdSchema,
  label: z.nullish(z.string()),
  name: z.string(),
  ...timesAndPermissions,
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const ServiceAccountSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.nullish(z.string()),
  ...timesAndPermissions,
});
export type ServiceAccount = z.infer<typeof ServiceAccountSchema>;

/** A credential as listed and fetched: never carries the secret. No updated_at (vendor). */
export const CredentialSchema = z.object({
  id: IdSchema,
  client_id: z.string(),
  name: z.string(),
  description: z.nullish(z.string()),
  created_at: TimestampSchema,
  /** Absent or null when never used; clients must accept both. */
  last_used_at: z.nullish(TimestampSchema),
  permissions: z.optional(PermissionsSchema),
});
export type Credential = z.infer<typeof CredentialSchema>;

/** The only response that ever contains a client secret. */
export const CredentialCreatedSchema = z.object({
  id: IdSchema,
  client_id: z.string(),
  client_secret: z.string().check(z.minLength(1)),
  name: z.string(),
  description: z.nullish(z.string()),
  created_at: TimestampSchema,
});
export type CredentialCreated = z.infer<typeof CredentialCreatedSchema>;

// ---------- lists ----------
export const PageInfoSchema = z.object({
  has_next_page: z.boolean(),
  has_prev_page: z.boolean(),
  start_cursor: z.nullish(z.string()),
  end_cursor: z.nullish(z.string()),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

// Any zod 4 item schema (mini or full), so extension modules may build their items either way.
export function listResponseSchema<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page_info: PageInfoSchema,
    permissions: z.optional(PermissionsSchema),
  });
}
export const OrganizationListSchema = listResponseSchema(OrganizationSchema);
export const ServiceAccountListSchema = listResponseSchema(ServiceAccountSchema);
export const CredentialListSchema = listResponseSchema(CredentialSchema);
export type OrganizationList = z.infer<typeof OrganizationListSchema>;
export type ServiceAccountList = z.infer<typeof ServiceAccountListSchema>;
export type CredentialList = z.infer<typeof CredentialListSchema>;

// ---------- request bodies ----------
export const ServiceAccountCreateSchema = z.strictObject({
  name: NameSchema,
  description: z.optional(DescriptionSchema),
});
export type ServiceAccountCreate = z.infer<typeof ServiceAccountCreateSchema>;

const atLeastOneField = (v: { name?: string; description?: string }) =>
  v.name !== undefined || v.description !== undefined;
const atLeastOneFieldError = { message: 'Provide at least one of: name, description' };

export const ServiceAccountUpdateSchema = z
  .strictObject({ name: z.optional(NameSchema), description: z.optional(DescriptionSchema) })
  .check(z.refine(atLeastOneField, atLeastOneFieldError));
export type ServiceAccountUpdate = z.infer<typeof ServiceAccountUpdateSchema>;

export const CredentialCreateSchema = z.strictObject({
  name: NameSchema,
  description: z.optional(DescriptionSchema),
});
export type CredentialCreate = z.infer<typeof CredentialCreateSchema>;

export const CredentialUpdateSchema = z
  .strictObject({ name: z.optional(NameSchema), description: z.optional(DescriptionSchema) })
  .check(z.refine(atLeastOneField, atLeastOneFieldError));
export type CredentialUpdate = z.infer<typeof CredentialUpdateSchema>;

// ---------- list query ----------
export { LIMIT_DEFAULT, LIMIT_MAX } from './limits';

// ---------- token endpoint ----------
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.int().check(z.positive()),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// ---------- errors ----------
export const ERROR_CODES = [
  'invalid_request',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'misdirected_request',
  'internal',
  'unavailable',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorBodySchema = z.object({
  status: z.int(),
  // A string, not the enum: the vendor may add codes and the console must still show the message.
  code: z.string(),
  message: z.string(),
  request_id: z.optional(z.string()),
  details: z.optional(z.array(FieldErrorSchema)),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ---------- demo mode ----------
export const DevPrincipalSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  token: z.string(),
  memberships: z.array(
    z.object({ organization_id: z.string(), organization_label: z.nullish(z.string()), role: RoleSchema }),
  ),
});
export type DevPrincipal = z.infer<typeof DevPrincipalSchema>;
export const DevPrincipalListSchema = z.object({ items: z.array(DevPrincipalSchema) });

// ---------- extensions of the local server (discovery) ----------
/** What `GET /capabilities` may announce; the vendor's API has none of them. */
export const EXTENSION_NAMES = ['org_credentials', 'service_account_query', 'usage', 'audit_events'] as const;
export type ExtensionName = (typeof EXTENSION_NAMES)[number];
// Plain strings: a newer server may announce extensions this console does not know yet.
export const CapabilitiesSchema = z.object({ extensions: z.array(z.string()) });
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
