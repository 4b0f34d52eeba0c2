import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  CredentialListSchema,
  CredentialSchema,
  ErrorBodySchema,
  ServiceAccountSchema,
  type ServiceAccount,
} from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type ApiClient, type TestServer } from '../test/harness';

let server: TestServer;
let admin: ApiClient;
let sa: ServiceAccount;
let creds: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = server.as(TOKENS.admin);
  sa = expectOk(await admin.post('/organizations/acme/service-accounts', { name: 'cred-host' }), 201, ServiceAccountSchema);
  creds = `/organizations/acme/service-accounts/${sa.id}/credentials`;
});
afterAll(() => server.close());

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorBodySchema.parse(res.body)).toMatchObject({ status, code });
}

describe('credentials', () => {
  it('returns the secret once, on create, with Cache-Control: no-store', async () => {
    const res = await admin.post(creds, { name: 'production', description: 'Vault: secret/prod' });
    const created = expectOk(res, 201, CredentialCreatedSchema);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(created).toMatchObject({ name: 'production', description: 'Vault: secret/prod' });
    // 32 random bytes in base64url = 43 characters: at least 256 bits.
    expect(created.client_secret).toMatch(/^sacs_[A-Za-z0-9_-]{43}$/);
    expect(created.id).toMatch(/^[0-9a-z]{26}$/);

    const fetched = await admin.get(`${creds}/${created.id}`);
    const credential = expectOk(fetched, 200, CredentialSchema);
    expect(credential).toMatchObject({ id: created.id, client_id: created.client_id, last_used_at: null });
    expect(fetched.text).not.toContain(created.client_secret);
    expect(fetched.body).not.toHaveProperty('client_secret');
    expect(fetched.body).not.toHaveProperty('updated_at');
    const list = await admin.get(creds);
    expect(list.text).not.toContain(created.client_secret);
  });

  it('never stores the secret in plaintext', async () => {
    const secrets = await Promise.all(
      ['a', 'b', 'c'].map(async (name) => expectOk(await admin.post(creds, { name }), 201, CredentialCreatedSchema).client_secret),
    );
    // Every file of the database: main file, WAL and shared memory.
    const files = readdirSync(server.dir).filter((f) => f.startsWith('console.sqlite'));
    expect(files).toContain('console.sqlite');
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(server.dir, f))));
    for (const secret of secrets) {
      expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(secret.slice(5))).toBe(false); // nor the random part alone
    }
    // The test would notice plaintext: the client ids (public) are found in the same bytes.
    const ids = expectOk(await admin.get(creds), 200, CredentialListSchema).items.map((c) => c.client_id);
    expect(ids.every((id) => bytes.includes(id))).toBe(true);
  });

  it('lists, updates and deletes credentials', async () => {
    const created = expectOk(await admin.post(creds, { name: 'to-edit' }), 201, CredentialCreatedSchema);
    const updated = expectOk(
      await admin.patch(`${creds}/${created.id}`, { name: 'edited', description: 'now described' }),
      200,
      CredentialSchema,
    );
    expect(updated).toMatchObject({ id: created.id, name: 'edited', description: 'now described' });
    const cleared = expectOk(await admin.patch(`${creds}/${created.id}`, { description: '' }), 200, CredentialSchema);
    expect(cleared.description ?? '').toBe('');

    const list = expectOk(await admin.get(`${creds}?expand=permissions`), 200, CredentialListSchema);
    expect(list.items[0]?.id).toBe(created.id);
    expect(list.permissions).toEqual({ service_account_credentials: { read: true, create: true, update: true, delete: true } });
    expect(list.items[0]?.permissions).toEqual({ service_account_credentials: { read: true, update: true, delete: true } });

    expect((await admin.delete(`${creds}/${created.id}`)).status).toBe(204);
    expectError(await admin.get(`${creds}/${created.id}`), 404, 'not_found');
    expectError(await admin.patch(`${creds}/${created.id}`, { name: 'x' }), 404, 'not_found');
    expectError(await admin.delete(`${creds}/${created.id}`), 404, 'not_found');
  });

  it('validates bodies like service accounts do', async () => {
    expectError(await admin.post(creds, {}), 400, 'invalid_request');
    expectError(await admin.post(creds, { name: 'ok', client_secret: 'chosen-by-me' }), 400, 'invalid_request');
    const created = expectOk(await admin.post(creds, { name: 'dup' }), 201, CredentialCreatedSchema);
    expect((await admin.post(creds, { name: 'dup' })).status).toBe(201); // names need not be unique
    expectError(await admin.patch(`${creds}/${created.id}`, {}), 400, 'invalid_request');
  });

  it('answers 404 for credentials reached through the wrong service account or organization', async () => {
    const other = expectOk(
      await admin.post('/organizations/acme/service-accounts', { name: 'other-host' }),
      201,
      ServiceAccountSchema,
    );
    const created = expectOk(await admin.post(creds, { name: 'mine' }), 201, CredentialCreatedSchema);
    const wrongSa = `/organizations/acme/service-accounts/${other.id}/credentials/${created.id}`;
    expectError(await admin.get(wrongSa), 404, 'not_found');
    expectError(await admin.patch(wrongSa, { name: 'moved' }), 404, 'not_found');
    expectError(await admin.delete(wrongSa), 404, 'not_found');

    // Ada belongs to globex, but acme's service account is not there.
    const wrongOrg = `/organizations/globex/service-accounts/${sa.id}/credentials`;
    expectError(await admin.get(wrongOrg), 404, 'not_found');
    expectError(await admin.get(`${wrongOrg}/${created.id}`), 404, 'not_found');
    expectError(await server.as(TOKENS.globexAdmin).post(wrongOrg, { name: 'x' }), 404, 'not_found');
    expectError(await server.as(TOKENS.globexAdmin).get(`/organizations/acme/service-accounts/${sa.id}/credentials`), 404, 'not_found');
    expectError(await admin.get('/organizations/acme/service-accounts/zzzzzzzzzzzzzzzzzzzzzzzzzz/credentials'), 404, 'not_found');
    expect((await admin.get(`${creds}/${created.id}`)).status).toBe(200);
  });

  it('answers 404, not 403, for another organization’s ids even to members who may not write', async () => {
    const created = expectOk(await admin.post(creds, { name: 'acme-only' }), 201, CredentialCreatedSchema);
    // Ada is only a viewer in globex; the ids are acme's.
    const inGlobex = `/organizations/globex/service-accounts/${sa.id}`;
    expectError(await admin.patch(inGlobex, { name: 'x' }), 404, 'not_found');
    expectError(await admin.delete(inGlobex), 404, 'not_found');
    expectError(await admin.post(`${inGlobex}/credentials`, { name: 'x' }), 404, 'not_found');
    expectError(await admin.patch(`${inGlobex}/credentials/${created.id}`, { name: 'x' }), 404, 'not_found');
    expectError(await admin.delete(`${inGlobex}/credentials/${created.id}`), 404, 'not_found');
    // Vera (viewer in acme): unknown ids are 404; the ones that exist are 403.
    const vera = server.as(TOKENS.viewer);
    const unknown = 'zzzzzzzzzzzzzzzzzzzzzzzzzz';
    expectError(await vera.delete(`/organizations/acme/service-accounts/${unknown}`), 404, 'not_found');
    expectError(await vera.post(`/organizations/acme/service-accounts/${unknown}/credentials`, { name: 'x' }), 404, 'not_found');
    expectError(await vera.delete(`${creds}/${unknown}`), 404, 'not_found');
    expectError(await vera.patch(`${creds}/${unknown}`, { name: 'x' }), 404, 'not_found');
    expectError(await vera.delete(`${creds}/${created.id}`), 403, 'permission_denied');
    expectError(await vera.patch(`/organizations/acme/service-accounts/${sa.id}`, { name: 'x' }), 403, 'permission_denied');
    expect((await admin.get(`${creds}/${created.id}`)).status).toBe(200);
  });
});
