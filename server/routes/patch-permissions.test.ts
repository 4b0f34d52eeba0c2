// The console's PATCH asks for `expand[]=permissions` and puts the answer in its cache as is
// (src/api/cache-updates.ts): the answer must carry the item's map, computed for the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, CredentialSchema, ServiceAccountSchema } from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';

let server: TestServer;
const SAS = '/organizations/acme/service-accounts';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('PATCH with expand[]=permissions', () => {
  it("answers with the service account's map, and without it when not asked", async () => {
    const admin = server.as(TOKENS.admin);
    const sa = expectOk(await admin.post(SAS, { name: `patch-expand-${Date.now()}` }), 201, ServiceAccountSchema);
    const updated = expectOk(await admin.patch(`${SAS}/${sa.id}?expand[]=permissions`, { description: 'd' }), 200, ServiceAccountSchema);
    expect(updated.description).toBe('d');
    expect(updated.permissions?.service_accounts).toEqual({ read: true, update: true, delete: true });
    const plain = expectOk(await admin.patch(`${SAS}/${sa.id}`, { description: 'e' }), 200, ServiceAccountSchema);
    expect(plain.permissions).toBeUndefined();
  });

  it("answers with the credential's map for the caller's role", async () => {
    const admin = server.as(TOKENS.admin);
    const sa = expectOk(await admin.post(SAS, { name: `patch-expand-cred-${Date.now()}` }), 201, ServiceAccountSchema);
    const credential = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'ci' }), 201, CredentialCreatedSchema);
    const operator = server.as(TOKENS.operator);
    const path = `${SAS}/${sa.id}/credentials/${credential.id}?expand[]=permissions`;
    const updated = expectOk(await operator.patch(path, { name: 'ci-2' }), 200, CredentialSchema);
    expect(updated.name).toBe('ci-2');
    expect(updated.permissions?.service_account_credentials).toEqual({ read: true, update: true, delete: true });
  });
});
