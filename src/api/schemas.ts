// The single source of truth for the wire format (see ../shared/docs/api-contract.md).
// No React, no DOM: the server imports this file too.
//
// Response schemas use z.object (unknown fields are stripped) so the console keeps working
// when the vendor's API adds fields; request schemas use z.strictObject so the server
// rejects unknown body fields as the contract requires.
import { z } from 'zod';

export const IdSchema = z.string().min(1).max(255);
export const TimestampSchema = z.iso.datetime({ offset: true });

// `audit_events` only appears in an organization's map when the server offers that extension.
export const PERMISSION_RESOURCES = ['organizations', 'service_accounts', 'service_account_credentials', 'audit_events'] as const;
export const PERMISSION_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type PermissionResource = (typeof PERMISSION_RESOURCES)[number];
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
export const NameSchema = z
  .string({ error: 'Name must be a string' })
  .trim()
  .min(1, 'Name is required')
  .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters`)
  .refine(isWellFormed, 'Name must be valid Unicode text');
export const DescriptionSchema = z
  .string({ error: 'Description must be a string' })
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters`)
  .refine(isWellFormed, 'Description must be valid Unicode text');

// ---------- resources ----------
export const OrganizationSchema = z.object({
  id: IdSchema,
  label: z.string().nullish(),
  name: z.string(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  permissions: PermissionsSchema.optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const ServiceAccountSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  permissions: PermissionsSchema.optional(),
});
export type ServiceAccount = z.infer<typeof ServiceAccountSchema>;

/** A credential as listed and fetched: never carries the secret. No updated_at (vendor). */
export const CredentialSchema = z.object({
  id: IdSchema,
  client_id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  created_at: TimestampSchema,
  /** Absent or null when never used; clients must accept both. */
  last_used_at: TimestampSchema.nullish(),
  permissions: PermissionsSchema.optional(),
});
export type Credential = z.infer<typeof CredentialSchema>;

/** The only response that ever contains a client secret. */
export const CredentialCreatedSchema = z.object({
  id: IdSchema,
  client_id: z.string(),
  client_secret: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  created_at: TimestampSchema,
});
export type CredentialCreated = z.infer<typeof CredentialCreatedSchema>;

// ---------- lists ----------
export const PageInfoSchema = z.object({
  has_next_page: z.boolean(),
  has_prev_page: z.boolean(),
  start_cursor: z.string().nullish(),
  end_cursor: z.string().nullish(),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page_info: PageInfoSchema,
    permissions: PermissionsSchema.optional(),
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
  description: DescriptionSchema.optional(),
});
export type ServiceAccountCreate = z.infer<typeof ServiceAccountCreateSchema>;

const atLeastOneField = (v: { name?: string; description?: string }) =>
  v.name !== undefined || v.description !== undefined;
const atLeastOneFieldError = { message: 'Provide at least one of: name, description' };

export const ServiceAccountUpdateSchema = z
  .strictObject({ name: NameSchema.optional(), description: DescriptionSchema.optional() })
  .refine(atLeastOneField, atLeastOneFieldError);
export type ServiceAccountUpdate = z.infer<typeof ServiceAccountUpdateSchema>;

export const CredentialCreateSchema = z.strictObject({
  name: NameSchema,
  description: DescriptionSchema.optional(),
});
export type CredentialCreate = z.infer<typeof CredentialCreateSchema>;

export const CredentialUpdateSchema = z
  .strictObject({ name: NameSchema.optional(), description: DescriptionSchema.optional() })
  .refine(atLeastOneField, atLeastOneFieldError);
export type CredentialUpdate = z.infer<typeof CredentialUpdateSchema>;

// ---------- list query ----------
export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 1000;

// ---------- token endpoint ----------
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
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
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorBodySchema = z.object({
  status: z.number().int(),
  // A string, not the enum: the vendor may add codes and the console must still show the message.
  code: z.string(),
  message: z.string(),
  request_id: z.string().optional(),
  details: z.array(FieldErrorSchema).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ---------- demo mode ----------
export const DevPrincipalSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  token: z.string(),
  memberships: z.array(
    z.object({ organization_id: z.string(), organization_label: z.string().nullish(), role: RoleSchema }),
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
