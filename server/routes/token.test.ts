import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  CredentialSchema,
  ErrorBodySchema,
  OrganizationListSchema,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  TokenResponseSchema,
  type CredentialCreated,
  type ServiceAccount,
} from '../../src/api/schemas';
import { exchange, expectOk, startTestServer, testClock, TOKENS, type ApiClient, type TestServer } from '../test/harness';

const time = testClock(new Date('2026-06-01T12:00:00.000Z'));
let server: TestServer;
let admin: ApiClient;
let sa: ServiceAccount;
let creds: string;

beforeAll(async () => {
  server = await startTestServer({
    clock: time.clock,
    tokenTtlSeconds: 600,
    tokenRateLimit: { perClient: 3, perClientAllAddresses: 1000, perAddress: 1000, windowMs: 60_000 },
  });
  admin = server.as(TOKENS.admin);
  sa = expectOk(await admin.post('/organizations/acme/service-accounts', { name: 'token-user' }), 201, ServiceAccountSchema);
  creds = `/organizations/acme/service-accounts/${sa.id}/credentials`;
});
afterAll(() => server.close());

const newCredential = async (name = 'c'): Promise<CredentialCreated> =>
  expectOk(await admin.post(creds, { name }), 201, CredentialCreatedSchema);

describe('POST /service-account-token', () => {
  it('issues a bearer token and records the use as last_used_at', async () => {
    const cred = await newCredential();
    time.advance(5000);
    const res = await exchange(server.url, cred.client_id, cred.client_secret);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const token = TokenResponseSchema.parse(await res.json());
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(token.access_token.length).toBeGreaterThanOrEqual(43);

    const after = expectOk(await admin.get(`${creds}/${cred.id}`), 200, CredentialSchema);
    expect(after.last_used_at).toBe(time.clock().toISOString());
  });

  it('authenticates the service account as org_viewer in its own organization only', async () => {
    const cred = await newCredential();
    const token = TokenResponseSchema.parse(await (await exchange(server.url, cred.client_id, cred.client_secret)).json());
    const asSa = server.as(token.access_token);

    const orgs = expectOk(await asSa.get('/organizations'), 200, OrganizationListSchema);
    expect(orgs.items.map((o) => o.label)).toEqual(['acme']);
    const list = expectOk(
      await asSa.get('/organizations/acme/service-accounts?expand=permissions&limit=1'),
      200,
      ServiceAccountListSchema,
    );
    expect(list.permissions?.service_accounts).toEqual({ read: true, create: false, update: false, delete: false });
    expect((await asSa.get(`${creds}/${cred.id}`)).status).toBe(200);
    expect((await asSa.post('/organizations/acme/service-accounts', { name: 'sa-made' })).status).toBe(403);
    expect((await asSa.post(creds, { name: 'self-service' })).status).toBe(403);
    expect((await asSa.delete(`${creds}/${cred.id}`)).status).toBe(403);
    expect((await asSa.get('/organizations/globex/service-accounts')).status).toBe(404);
  });

  it('stops a credential’s tokens and secret working the moment it is deleted', async () => {
    const cred = await newCredential();
    const token = TokenResponseSchema.parse(await (await exchange(server.url, cred.client_id, cred.client_secret)).json());
    expect((await server.as(token.access_token).get('/organizations')).status).toBe(200);

    expect((await admin.delete(`${creds}/${cred.id}`)).status).toBe(204);
    const res = await exchange(server.url, cred.client_id, cred.client_secret);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    expect((await server.as(token.access_token).get('/organizations')).status).toBe(401);
  });

  it('expires issued tokens after expires_in', async () => {
    const cred = await newCredential();
    const token = TokenResponseSchema.parse(await (await exchange(server.url, cred.client_id, cred.client_secret)).json());
    time.advance(599_000);
    expect((await server.as(token.access_token).get('/organizations')).status).toBe(200);
    time.advance(1000);
    const res = await server.as(token.access_token).get('/organizations');
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(res.body).code).toBe('unauthenticated');
  });

  it('rejects bad client authentication with 401 invalid_client', async () => {
    const cred = await newCredential();
    const attempts: RequestInit[] = [
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      { headers: { Authorization: 'Basic !!!', 'Content-Type': 'application/x-www-form-urlencoded' } },
      { headers: { Authorization: `Bearer ${TOKENS.admin}`, 'Content-Type': 'application/x-www-form-urlencoded' } },
    ];
    for (const init of attempts) {
      const res = await fetch(`${server.url}/api/service-account-token`, { method: 'POST', body: 'grant_type=client_credentials', ...init });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    }
    const wrongSecret = await exchange(server.url, cred.client_id, `${cred.client_secret.slice(0, -1)}x`);
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await exchange(server.url, 'sac_unknown', cred.client_secret)).status).toBe(401);
    const unused = expectOk(await admin.get(`${creds}/${cred.id}`), 200, CredentialSchema);
    expect(unused.last_used_at).toBeNull();
  });

  it('requires grant_type=client_credentials in a form body', async () => {
    const cred = await newCredential();
    const unsupported = await exchange(server.url, cred.client_id, cred.client_secret, 'grant_type=password');
    expect(unsupported.status).toBe(400);
    expect(await unsupported.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const missing = await exchange(server.url, cred.client_id, cred.client_secret, 'scope=x');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 429 after too many failures for a client, until the window passes', async () => {
    const cred = await newCredential();
    for (let i = 0; i < 3; i += 1) expect((await exchange(server.url, cred.client_id, 'wrong')).status).toBe(401);
    // Even the right secret is refused while limited: the point is to stop guessing.
    const limited = await exchange(server.url, cred.client_id, cred.client_secret);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ErrorBodySchema.parse(await limited.json())).toMatchObject({ status: 429, code: 'rate_limited' });
    // Other clients are unaffected.
    const other = await newCredential();
    expect((await exchange(server.url, other.client_id, other.client_secret)).status).toBe(200);

    time.advance(60_000);
    expect((await exchange(server.url, cred.client_id, cred.client_secret)).status).toBe(200);
  });
});
