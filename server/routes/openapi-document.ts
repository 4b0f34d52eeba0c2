import { z } from 'zod';
import * as o from '../../src/api/org-credential-schemas';
import * as s from '../../src/api/schemas';
import * as u from '../../src/api/usage-schemas';

// Generated from the shared zod schemas, so the document cannot drift from what the server validates.
const schema = (zodSchema: z.core.$ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...json } = z.toJSONSchema(zodSchema, { io, unrepresentable: 'any' });
  return json;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });

const ERRORS: Record<number, string> = {
  400: 'Invalid request (bad body, limit or cursor)',
  401: 'Missing, unknown or expired token',
  403: 'Member of the organization without the permission',
  404: 'Not found, or an organization the caller does not belong to',
  409: 'A service account with this name already exists (case-insensitive)',
  413: 'Body over 64 KiB (the connection is closed)',
  415: 'Body is not JSON, or has a Content-Encoding other than identity',
  421: 'A Host name this server does not serve (see ALLOWED_HOSTS)',
  503: 'The database is locked by another process (e.g. a seed) for longer than a write waits (2 s); retry after Retry-After seconds',
};
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, json('Error', ERRORS[status] ?? 'Error')]));

const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const ORG = pathParam('organization_id', 'Organization ID or label identifier');
const SA = pathParam('service_account_id', 'Service account ID');
const CRED = pathParam('credential_id', 'Credential ID');
const EXPAND = [
  { name: 'expand', in: 'query', style: 'form', explode: true, description: 'Repeated or comma-separated; `permissions` adds the permissions map', schema: { type: 'array', items: { type: 'string' } } },
  { name: 'expand[]', in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } },
];
const LIST = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: s.LIMIT_MAX, default: s.LIMIT_DEFAULT } },
  { name: 'after', in: 'query', description: 'page_info.end_cursor of the previous page', schema: { type: 'string' } },
  { name: 'before', in: 'query', description: 'page_info.start_cursor of the next page', schema: { type: 'string' } },
  ...EXPAND,
];

const list = (name: string, summary: string, parameters: object[]) => ({
  summary,
  parameters: [...parameters, ...LIST],
  responses: { 200: json(name, 'A page, newest first'), ...errors(400, 401, 404) },
});
const get = (name: string, summary: string, parameters: object[]) => ({
  summary,
  parameters: [...parameters, ...EXPAND],
  responses: { 200: json(name, 'OK'), ...errors(401, 404) },
});
const create = (name: string, request: string, summary: string, parameters: object[], conflict = false) => ({
  summary,
  parameters,
  requestBody: body(request),
  responses: { 201: json(name, 'Created'), ...errors(400, 401, 403, 404, ...(conflict ? [409] : []), 413, 415, 503) },
});
const update = (name: string, request: string, summary: string, parameters: object[], conflict = false) => ({
  summary,
  parameters: [...parameters, ...EXPAND],
  requestBody: body(request),
  responses: { 200: json(name, 'Updated'), ...errors(400, 401, 403, 404, ...(conflict ? [409] : []), 413, 415, 503) },
});
const remove = (summary: string, parameters: object[]) => ({
  summary,
  parameters,
  responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 503) },
});

// ---------- extensions org_credentials and service_account_query ----------
const query = (name: string, description: string, schemaObject: object) => ({ name, in: 'query', description, schema: schemaObject });
const enumOf = (values: readonly string[], fallback: string) => ({ type: 'string', enum: [...values], default: fallback });
const TIME = { type: 'string', format: 'date-time' };
const SEARCH = query('q', 'Case-insensitive substring; an exact client_id or id match comes first', { type: 'string', maxLength: o.SEARCH_MAX });
const SA_FILTER = query('service_account_id', 'Only this service account\'s credentials', { type: 'string' });
const DAYS = (name: string, fallback: number, description: string) =>
  query(name, description, { type: 'integer', minimum: 0, maximum: 36_500, default: fallback });
const ORG_CREDENTIAL_PARAMS = [
  SEARCH,
  SA_FILTER,
  query('last_used_before', 'Last used strictly before (never-used credentials are left out)', TIME),
  query('last_used_after', 'Last used strictly after (never-used credentials are left out)', TIME),
  query('never_used', 'true: never used only; false: used at least once', { type: 'boolean' }),
  query('created_before', 'Created strictly before', TIME),
  query('created_after', 'Created strictly after', TIME),
  query('sort', 'Never-used sorts as the oldest use; ties by id', enumOf(o.ORG_CREDENTIAL_SORTS, 'created_at')),
  query('direction', 'Sort direction', enumOf(o.SORT_DIRECTIONS, 'desc')),
];
const SERVICE_ACCOUNT_QUERY_PARAMS = [
  query('q', 'Case-insensitive substring of name, description or id, or the exact client_id of one of its credentials', { type: 'string', maxLength: o.SEARCH_MAX }),
  query('sort', 'last_used_at: the latest use of any of its credentials; ties by id', enumOf(o.SERVICE_ACCOUNT_SORTS, 'created_at')),
  query('direction', 'Sort direction', enumOf(o.SORT_DIRECTIONS, 'desc')),
];

/**
 * `extensions`: what this server offers beyond the vendor's API; their paths appear only when offered,
 * so with EXTENSIONS=none the document describes exactly the vendor's surface.
 */
export function buildOpenApiDocument(extensions: readonly s.ExtensionName[] = s.EXTENSION_NAMES) {
  // Each extension adds its paths here, as `...(extensions.includes('name') && { ... })`.
  const sas = '/organizations/{organization_id}/service-accounts';
  const creds = `${sas}/{service_account_id}/credentials`;
  const extensionPaths = {
    ...(extensions.includes('org_credentials') && {
      '/organizations/{organization_id}/credentials': {
        get: {
          ...list('OrgCredentialList', 'Every credential of the organization, filtered and sorted (a cursor is valid only with the same filters and sort)', [ORG, ...ORG_CREDENTIAL_PARAMS]),
          responses: { 200: json('OrgCredentialList', 'A page in the requested order'), ...errors(400, 401, 404) },
        },
      },
      '/organizations/{organization_id}/credentials/stats': {
        get: {
          summary: 'Credential counts by status with the given policy, over what q and service_account_id select',
          parameters: [
            ORG,
            SEARCH,
            SA_FILTER,
            DAYS('idle_after_days', 30, 'Used within this many days (inclusive) → active, else idle'),
            DAYS('stale_after_days', 90, 'Last used more than this many days ago → stale'),
            DAYS('new_within_days', 7, 'Never used and created within this many days (inclusive) → new, else stale'),
            DAYS('rotation_due_after_days', 90, 'Created more than this many days ago → rotation due'),
          ],
          responses: { 200: json('CredentialStats', 'Counts at computed_at'), ...errors(400, 401, 404) },
        },
      },
    }),
    ...(extensions.includes('usage') && {
      [`${creds}/{credential_id}/usage`]: {
        get: {
          summary: 'Uses of a credential per hour or day (buckets without a use left out), and where the last one came from',
          parameters: [
            ORG,
            SA,
            CRED,
            { name: 'bucket', in: 'query', schema: { type: 'string', enum: [...u.USAGE_BUCKETS], default: 'day' } },
            {
              name: 'since',
              in: 'query',
              description: `RFC 3339; from the bucket holding it. Default and limit: the retention (hour ${u.USAGE_RETENTION_DAYS.hour} days, day ${u.USAGE_RETENTION_DAYS.day} days)`,
              schema: { type: 'string', format: 'date-time' },
            },
          ],
          responses: { 200: json('CredentialUsage', 'Buckets, oldest first'), ...errors(400, 401, 404) },
        },
      },
    }),
    ...(extensions.includes('audit_events') && {
      '/organizations/{organization_id}/audit-events': {
        get: {
          summary: 'Who created, changed or deleted which service account or credential, newest first (every member may read)',
          parameters: [
            ORG,
            { name: 'target_id', in: 'query', schema: { type: 'string' } },
            { name: 'actor_id', in: 'query', schema: { type: 'string' } },
            { name: 'action', in: 'query', schema: { type: 'string', enum: [...u.AUDIT_ACTIONS] } },
            ...LIST.filter((p) => !p.name.startsWith('expand')),
          ],
          responses: { 200: json('AuditEventList', 'A page, newest first'), ...errors(400, 401, 404) },
        },
      },
    }),
    ...(extensions.length > 0 && {
      '/capabilities': {
        get: {
          summary: 'Discovery: the extensions of the vendor API that this server offers (404 on the vendor)',
          security: [],
          responses: { 200: json('Capabilities', 'Offered extensions') },
        },
      },
    }),
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Service Accounts Console local API', version: '1.0.0' },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
    paths: {
      '/organizations': { get: list('OrganizationList', 'Organizations the caller belongs to', []) },
      '/organizations/{organization_id}': { get: get('Organization', 'One organization', [ORG]) },
      [sas]: {
        get: extensions.includes('service_account_query')
          ? {
              ...list('ServiceAccountSummaryList', 'List, search and sort service accounts (expand=credential_summary adds a summary of its credentials)', [ORG, ...SERVICE_ACCOUNT_QUERY_PARAMS]),
              responses: { 200: json('ServiceAccountSummaryList', 'A page in the requested order'), ...errors(400, 401, 404) },
            }
          : list('ServiceAccountList', 'List service accounts', [ORG]),
        // The created account answers with its permissions map when asked, as GET and PATCH do.
        post: create('ServiceAccount', 'ServiceAccountCreate', 'Create a service account', [ORG, ...EXPAND], true),
      },
      [`${sas}/{service_account_id}`]: {
        get: get('ServiceAccount', 'Get a service account', [ORG, SA]),
        patch: update('ServiceAccount', 'ServiceAccountUpdate', 'Update a service account', [ORG, SA], true),
        delete: remove('Delete a service account and its credentials', [ORG, SA]),
      },
      [creds]: {
        get: list('CredentialList', 'List credentials', [ORG, SA]),
        post: create('CredentialCreated', 'CredentialCreate', 'Create a credential (the only response with the secret)', [ORG, SA]),
      },
      [`${creds}/{credential_id}`]: {
        get: get('Credential', 'Get a credential', [ORG, SA, CRED]),
        patch: update('Credential', 'CredentialUpdate', 'Update a credential', [ORG, SA, CRED]),
        delete: remove('Delete a credential; its tokens stop working at once', [ORG, SA, CRED]),
      },
      '/service-account-token': {
        post: {
          summary: 'OAuth2 client-credentials grant',
          security: [{ basic: [] }],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: { type: 'object', required: ['grant_type'], properties: { grant_type: { const: 'client_credentials' } } },
              },
            },
          },
          responses: {
            200: json('TokenResponse', 'An access token'),
            400: json('OAuthError', 'invalid_request or unsupported_grant_type'),
            401: json('OAuthError', 'invalid_client'),
            415: json('Error', ERRORS[415] ?? 'Error'),
            429: json('Error', 'Too many failed attempts (README: token endpoint limits)'),
            503: json('Error', ERRORS[503] ?? 'Error'),
          },
        },
      },
      ...extensionPaths,
      '/dev/principals': {
        get: {
          summary: 'Demo mode only: seeded people and their tokens',
          security: [],
          responses: { 200: json('DevPrincipalList', 'Demo people'), 404: json('Error', 'Not in demo mode') },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        basic: { type: 'http', scheme: 'basic' },
      },
      schemas: {
        Organization: schema(s.OrganizationSchema, 'output'),
        OrganizationList: schema(s.OrganizationListSchema, 'output'),
        ServiceAccount: schema(s.ServiceAccountSchema, 'output'),
        ServiceAccountList: schema(s.ServiceAccountListSchema, 'output'),
        ServiceAccountCreate: schema(s.ServiceAccountCreateSchema, 'input'),
        ServiceAccountUpdate: schema(s.ServiceAccountUpdateSchema, 'input'),
        Credential: schema(s.CredentialSchema, 'output'),
        CredentialList: schema(s.CredentialListSchema, 'output'),
        CredentialCreate: schema(s.CredentialCreateSchema, 'input'),
        CredentialUpdate: schema(s.CredentialUpdateSchema, 'input'),
        CredentialCreated: schema(s.CredentialCreatedSchema, 'output'),
        TokenResponse: schema(s.TokenResponseSchema, 'output'),
        Error: schema(s.ErrorBodySchema, 'output'),
        DevPrincipalList: schema(s.DevPrincipalListSchema, 'output'),
        Capabilities: schema(s.CapabilitiesSchema, 'output'),
        ...(extensions.includes('org_credentials') && {
          OrgCredentialList: schema(o.OrgCredentialListSchema, 'output'),
          CredentialStats: schema(o.CredentialStatsSchema, 'output'),
        }),
        ...(extensions.includes('service_account_query') && {
          ServiceAccountSummaryList: schema(o.ServiceAccountSummaryListSchema, 'output'),
        }),
        ...(extensions.includes('usage') && { CredentialUsage: schema(u.CredentialUsageSchema, 'output') }),
        ...(extensions.includes('audit_events') && { AuditEventList: schema(u.AuditEventListSchema, 'output') }),
        OAuthError: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string' }, error_description: { type: 'string' } },
        },
      },
    },
  };
}
