// The role matrix over HTTP: each role × each action is allowed or 403, and the expanded
// permissions map says the same thing before the action is tried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  CredentialListSchema,
  CredentialSchema,
  OrganizationSchema,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  TokenResponseSchema,
  type PermissionAction,
  type Permissions,
} from '../../src/api/schemas';
import { exchange, expectOk, startTestServer, TOKENS, type ApiClient, type TestServer } from '../test/harness';
import { permissionsFor } from './authorize';
import { ROLE_GRANTS } from './roles';

type Action =
  | 'organizations.read'
  | `service_accounts.${PermissionAction}`
  | `service_account_credentials.${PermissionAction}`;

// Written out by hand from the README's roles (Demo sign-ins), independently of ROLE_GRANTS, so a wrong grant fails here.
const EXPECTED: Record<string, Action[]> = {
  org_admin: [
    'organizations.read',
    'service_accounts.read', 'service_accounts.create', 'service_accounts.update', 'service_accounts.delete',
    'service_account_credentials.read', 'service_account_credentials.create',
    'service_account_credentials.update', 'service_account_credentials.delete',
  ],
  sa_operator: [
    'organizations.read', 'service_accounts.read',
    'service_account_credentials.read', 'service_account_credentials.create',
    'service_account_credentials.update', 'service_account_credentials.delete',
  ],
  org_viewer: ['organizations.read', 'service_accounts.read', 'service_account_credentials.read'],
};

let server: TestServer;
let admin: ApiClient;
let serviceAccountToken: string;
const SAS = '/organizations/acme/service-accounts';

beforeAll(async () => {
  server = await startTestServer();
  admin = server.as(TOKENS.admin);
  const sa = expectOk(await admin.post(SAS, { name: 'matrix-robot' }), 201, ServiceAccountSchema);
  const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'm' }), 201, CredentialCreatedSchema);
  const res = await exchange(server.url, cred.client_id, cred.client_secret);
  serviceAccountToken = TokenResponseSchema.parse(await res.json()).access_token;
});
afterAll(() => server.close());

/** Fresh targets per attempt, made by the admin, so deletes and edits never interfere. */
async function fixture() {
  const sa = expectOk(await admin.post(SAS, { name: `target-${Math.random().toString(36).slice(2)}` }), 201, ServiceAccountSchema);
  const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 't' }), 201, CredentialCreatedSchema);
  return { sa: `${SAS}/${sa.id}`, cred: `${SAS}/${sa.id}/credentials/${cred.id}`, creds: `${SAS}/${sa.id}/credentials` };
}

/** What the caller's expanded maps say about each action, read where the UI would read them. */
async function advertised(client: ApiClient, paths: Awaited<ReturnType<typeof fixture>>) {
  const org = expectOk(await client.get('/organizations/acme?expand=permissions'), 200, OrganizationSchema);
  const list = expectOk(await client.get(`${SAS}?limit=1&expand=permissions`), 200, ServiceAccountListSchema);
  const sa = expectOk(await client.get(`${paths.sa}?expand=permissions`), 200, ServiceAccountSchema);
  const creds = expectOk(await client.get(`${paths.creds}?expand=permissions`), 200, CredentialListSchema);
  const cred = expectOk(await client.get(`${paths.cred}?expand=permissions`), 200, CredentialSchema);
  const at = (map: Permissions | undefined, action: Action) => {
    const [resource, name] = action.split('.') as [string, string];
    return map?.[resource]?.[name];
  };
  return {
    'organizations.read': at(org.permissions, 'organizations.read'),
    'service_accounts.read': at(sa.permissions, 'service_accounts.read'),
    'service_accounts.create': at(list.permissions, 'service_accounts.create'),
    'service_accounts.update': at(sa.permissions, 'service_accounts.update'),
    'service_accounts.delete': at(sa.permissions, 'service_accounts.delete'),
    'service_account_credentials.read': at(cred.permissions, 'service_account_credentials.read'),
    'service_account_credentials.create': at(creds.permissions, 'service_account_credentials.create'),
    'service_account_credentials.update': at(cred.permissions, 'service_account_credentials.update'),
    'service_account_credentials.delete': at(cred.permissions, 'service_account_credentials.delete'),
  } satisfies Record<Action, boolean | undefined>;
}

const attempts: Record<Action, (c: ApiClient, p: Awaited<ReturnType<typeof fixture>>) => Promise<{ status: number }>> = {
  'organizations.read': (c) => c.get('/organizations/acme'),
  'service_accounts.read': async (c, p) => {
    const list = await c.get(SAS);
    return list.status === 200 ? c.get(p.sa) : list;
  },
  'service_accounts.create': (c) => c.post(SAS, { name: `made-${Math.random().toString(36).slice(2)}` }),
  'service_accounts.update': (c, p) => c.patch(p.sa, { description: 'edited' }),
  'service_accounts.delete': (c, p) => c.delete(p.sa),
  'service_account_credentials.read': async (c, p) => {
    const list = await c.get(p.creds);
    return list.status === 200 ? c.get(p.cred) : list;
  },
  'service_account_credentials.create': (c, p) => c.post(p.creds, { name: 'new' }),
  'service_account_credentials.update': (c, p) => c.patch(p.cred, { name: 'renamed' }),
  'service_account_credentials.delete': (c, p) => c.delete(p.cred),
};

const SUCCESS: Record<PermissionAction, number> = { read: 200, create: 201, update: 200, delete: 204 };

describe('role matrix (acme)', () => {
  const principals: [string, string, () => string][] = [
    ['org_admin', 'Ada', () => TOKENS.admin],
    ['sa_operator', 'Oscar', () => TOKENS.operator],
    ['org_viewer', 'Vera', () => TOKENS.viewer],
    ['org_viewer', 'a service account token', () => serviceAccountToken],
  ];

  for (const [role, who, token] of principals) {
    it(`${who} (${role}): every action is allowed or 403, exactly as the permissions map says`, async () => {
      const client = server.as(token());
      for (const action of Object.keys(attempts) as Action[]) {
        const paths = await fixture();
        const claimed = (await advertised(client, paths))[action];
        const res = await attempts[action](client, paths);
        const allowed = EXPECTED[role]?.includes(action) ?? false;
        const success = SUCCESS[action.split('.')[1] as PermissionAction];
        expect(res.status, `${who} ${action}`).toBe(allowed ? success : 403);
        expect(claimed, `${who}: permissions map for ${action}`).toBe(allowed);
      }
    });
  }
});

describe('permissionsFor', () => {
  it('lists every name of each shape with an explicit boolean from the role table', () => {
    const org = { id: 'o' };
    for (const role of Object.keys(ROLE_GRANTS) as (keyof typeof ROLE_GRANTS)[]) {
      const principal = { kind: 'person' as const, id: 'p', roles: new Map([['o', role]]) };
      expect(permissionsFor(principal, org, 'credential')).toEqual({
        service_account_credentials: {
          read: true,
          update: role !== 'org_viewer',
          delete: role !== 'org_viewer',
        },
      });
      const list = permissionsFor(principal, org, 'service_account_list');
      expect(Object.keys(list.service_accounts ?? {})).toEqual(['read', 'create', 'update', 'delete']);
      expect(list.service_accounts?.create).toBe(role === 'org_admin');
    }
    const outsider = { kind: 'person' as const, id: 'p', roles: new Map() };
    expect(permissionsFor(outsider, org, 'organization').organizations).toEqual({ read: false });
  });

  it('builds each map once per role and shape, frozen because every response shares it', () => {
    const admin = { kind: 'person' as const, id: 'a', roles: new Map([['o', 'org_admin' as const]]) };
    const viewer = { kind: 'person' as const, id: 'v', roles: new Map([['o', 'org_viewer' as const]]) };
    const map = permissionsFor(admin, { id: 'o' }, 'credential');
    expect(permissionsFor({ ...admin, id: 'other admin' }, { id: 'o' }, 'credential')).toBe(map);
    expect(permissionsFor(viewer, { id: 'o' }, 'credential')).not.toBe(map);
    expect(Object.isFrozen(map) && Object.isFrozen(map.service_account_credentials)).toBe(true);
  });
});
