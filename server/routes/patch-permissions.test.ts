// PATCH of a service account or a credential answers with the caller's permissions map when the
// request asks for it (`expand=permissions`, in each SDK's encoding), as GET does, so a client
// can keep the entity it gets back as it is. Without the expand the answer has no map, as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, CredentialSchema, ServiceAccountSchema } from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';

let server: TestServer;
const SAS = '/organizations/acme/service-accounts';
const paths = { sa: '', cred: '' };

beforeAll(async () => {
  server = await startTestServer();
  const admin = server.as(TOKENS.admin);
  const sa = expectOk(await admin.post(SAS, { name: 'patch-permissions' }), 201, ServiceAccountSchema);
  const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'c' }), 201, CredentialCreatedSchema);
  paths.sa = `${SAS}/${sa.id}`;
  paths.cred = `${SAS}/${sa.id}/credentials/${cred.id}`;
});
afterAll(() => server.close());

const ENCODINGS = ['expand[]=permissions', 'expand=permissions', 'expand=total_count,permissions', 'expand=total_count&expand=permissions'];

describe.each([
  // Ada may change either; Oscar (sa_operator) only credentials, so his maps differ from hers.
  { entity: 'service account', who: 'admin', path: () => paths.sa, schema: ServiceAccountSchema },
  { entity: 'credential', who: 'admin', path: () => paths.cred, schema: CredentialSchema },
  { entity: 'credential', who: 'operator', path: () => paths.cred, schema: CredentialSchema },
] as const)('PATCH of a $entity by $who', ({ who, path, schema }) => {
  const client = () => server.as(TOKENS[who]);

  it('carries the same permissions map as GET in every encoding of expand', async () => {
    const viaGet = expectOk(await client().get(`${path()}?expand=permissions`), 200, schema).permissions;
    expect(viaGet).toBeDefined();
    for (const expand of ENCODINGS) {
      const patched = expectOk(await client().patch(`${path()}?${expand}`, { description: expand }), 200, schema);
      expect(patched.description, expand).toBe(expand);
      expect(patched.permissions, expand).toEqual(viaGet);
    }
  });

  it('has no map without the expand, or with only values PATCH does not use', async () => {
    for (const query of ['', '?expand=credential_summary', '?expand=total_count']) {
      const patched = expectOk(await client().patch(`${path()}${query}`, { description: `plain:${query}` }), 200, schema);
      expect(patched.description).toBe(`plain:${query}`);
      expect(patched, query).not.toHaveProperty('permissions');
    }
  });
});

it('gives the operator the map of his role: credentials he may change, a service account he may not', async () => {
  const oscar = server.as(TOKENS.operator);
  const cred = expectOk(await oscar.patch(`${paths.cred}?expand=permissions`, { name: 'renamed' }), 200, CredentialSchema);
  expect(cred.permissions).toEqual({ service_account_credentials: { read: true, update: true, delete: true } });
  const sa = expectOk(await oscar.get(`${paths.sa}?expand=permissions`), 200, ServiceAccountSchema);
  expect(sa.permissions?.service_accounts).toEqual({ read: true, update: false, delete: false });
});

it('answers the creation of a service account with its map too, when asked (the document says so)', async () => {
  const admin = server.as(TOKENS.admin);
  const created = expectOk(await admin.post(`${SAS}?expand[]=permissions`, { name: 'created-with-map' }), 201, ServiceAccountSchema);
  const viaGet = expectOk(await admin.get(`${SAS}/${created.id}?expand=permissions`), 200, ServiceAccountSchema).permissions;
  expect(created.permissions).toEqual(viaGet);
  const plain = expectOk(await admin.post(SAS, { name: 'created-without-map' }), 201, ServiceAccountSchema);
  expect(plain).not.toHaveProperty('permissions');
});
