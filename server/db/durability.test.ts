// Issue 7, defect 10: every acknowledged create, update or delete is committed with
// synchronous=FULL (the WAL reaches the disk before the answer), so it survives a power cut; the
// token endpoint's bookkeeping is committed with NORMAL and leaves the connection at FULL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ServiceAccountSchema } from '../../src/api/schemas';
import { exchange, expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';
import { withRelaxedSync } from './database';

const FULL = 2;
const NORMAL = 1;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const synchronous = () => server.db.pragma('synchronous', { simple: true });

describe('durability of acknowledged writes', () => {
  it('keeps the server’s connection at synchronous=FULL in WAL mode, through writes and token exchanges', async () => {
    expect(server.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(synchronous()).toBe(FULL);
    const admin = server.as(TOKENS.admin);
    const sa = expectOk(await admin.post('/organizations/acme/service-accounts', { name: 'durable' }), 201, ServiceAccountSchema);
    const cred = expectOk(
      await admin.post(`/organizations/acme/service-accounts/${sa.id}/credentials`, { name: 'durable' }),
      201,
      CredentialCreatedSchema,
    );
    expect(synchronous()).toBe(FULL);
    expect((await exchange(server.url, cred.client_id, cred.client_secret)).status).toBe(200);
    expect(synchronous()).toBe(FULL);
    expect((await admin.delete(`/organizations/acme/service-accounts/${sa.id}`)).status).toBe(204);
    expect(synchronous()).toBe(FULL);
  });

  it('relaxes only inside withRelaxedSync, and restores FULL when the write throws', () => {
    expect(withRelaxedSync(server.db, () => synchronous())).toBe(NORMAL);
    expect(() =>
      withRelaxedSync(server.db, () => {
        throw new Error('write failed');
      }),
    ).toThrow('write failed');
    expect(synchronous()).toBe(FULL);
  });
});
