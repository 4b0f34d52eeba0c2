import { describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  ErrorBodySchema,
  ServiceAccountListSchema,
  ServiceAccountSchema,
} from '../../src/api/schemas';
import { exchange, expectOk, serverForFile, TOKENS } from '../test/harness';

const file = serverForFile();
const { admin } = file;
const SAS = '/organizations/acme/service-accounts';

const create = async (name: string, description?: string) =>
  expectOk(await admin.post(SAS, { name, ...(description !== undefined ? { description } : {}) }), 201, ServiceAccountSchema);

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorBodySchema.parse(res.body)).toMatchObject({ status, code });
}

describe('service accounts', () => {
  it('lists the seeded accounts newest first with the default limit', async () => {
    const list = expectOk(await admin.get(SAS), 200, ServiceAccountListSchema);
    expect(list.items.length).toBeGreaterThanOrEqual(25);
    expect(list.items.length).toBeLessThanOrEqual(50);
    const keys = list.items.map((sa) => `${sa.created_at}|${sa.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(list.items.every((sa) => /^[0-9a-z]{26}$/.test(sa.id))).toBe(true);
  });

  it('creates, reads, updates and deletes one', async () => {
    const created = await create('  reporting-bot  ', 'Builds the weekly report');
    expect(created).toMatchObject({ name: 'reporting-bot', description: 'Builds the weekly report' });
    expect(created.created_at).toBe(created.updated_at);

    const fetched = expectOk(await admin.get(`${SAS}/${created.id}`), 200, ServiceAccountSchema);
    expect(fetched).toEqual(created);

    const renamed = expectOk(await admin.patch(`${SAS}/${created.id}`, { name: 'report-bot' }), 200, ServiceAccountSchema);
    expect(renamed).toMatchObject({ id: created.id, name: 'report-bot', description: 'Builds the weekly report' });
    expect(Date.parse(renamed.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));

    const cleared = expectOk(await admin.patch(`${SAS}/${created.id}`, { description: '' }), 200, ServiceAccountSchema);
    expect(cleared.description ?? '').toBe('');
    expect(cleared.name).toBe('report-bot');

    const removed = await admin.delete(`${SAS}/${created.id}`);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expectError(await admin.get(`${SAS}/${created.id}`), 404, 'not_found');
    expectError(await admin.delete(`${SAS}/${created.id}`), 404, 'not_found');
  });

  it('returns the permissions map in all three expand encodings', async () => {
    const sa = await create('expand-check');
    for (const query of ['expand[]=permissions', 'expand=total_count&expand=permissions', 'expand=total_count,permissions']) {
      const one = expectOk(await admin.get(`${SAS}/${sa.id}?${query}`), 200, ServiceAccountSchema);
      expect(one.permissions, query).toEqual({
        service_accounts: { read: true, update: true, delete: true },
        service_account_credentials: { read: true, create: true, update: true, delete: true },
      });
      const list = expectOk(await admin.get(`${SAS}?limit=2&${query}`), 200, ServiceAccountListSchema);
      expect(list.permissions?.service_accounts, query).toEqual({ read: true, create: true, update: true, delete: true });
      expect(list.items[0]?.permissions, query).toEqual(one.permissions);
    }
    const plain = expectOk(await admin.get(`${SAS}/${sa.id}?expand=total_count`), 200, ServiceAccountSchema);
    expect(plain).not.toHaveProperty('permissions');
  });

  it('rejects a duplicate name in the organization, case-insensitively, on create and rename', async () => {
    await create('Deploy-Äpfel');
    const dup = await admin.post(SAS, { name: 'deploy-äpfel' });
    expectError(dup, 409, 'conflict');
    expect(ErrorBodySchema.parse(dup.body).details?.[0]?.field).toBe('name');

    const other = await create('another-one');
    expectError(await admin.patch(`${SAS}/${other.id}`, { name: 'DEPLOY-ÄPFEL' }), 409, 'conflict');
    // Renaming to its own name in another case is not a conflict.
    const recased = expectOk(await admin.patch(`${SAS}/${other.id}`, { name: 'Another-One' }), 200, ServiceAccountSchema);
    expect(recased.name).toBe('Another-One');
    // The same name is fine in another organization.
    const gina = file.server.as(TOKENS.globexAdmin);
    expect((await gina.post('/organizations/globex/service-accounts', { name: 'deploy-äpfel' })).status).toBe(201);
  });

  it('lets exactly one of many concurrent creates with the same name succeed', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => admin.post(SAS, { name: 'race-condition' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(11);
  });

  it('validates bodies with field details', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(256) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'ok', description: 'd'.repeat(1025) }, 'description'],
      [{ name: 'ok', description: null }, 'description'],
      [{ name: 'ok', owner: 'me' }, 'owner'],
      [['name'], 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(SAS, body);
      expectError(res, 400, 'invalid_request');
      expect(ErrorBodySchema.parse(res.body).details?.map((d) => d.field), JSON.stringify(body)).toContain(field);
    }
    expect((await admin.post(SAS, { name: 'x'.repeat(255) })).status).toBe(201);
  });

  it('rejects a PATCH with no known field', async () => {
    const sa = await create('patch-target');
    expectError(await admin.patch(`${SAS}/${sa.id}`, {}), 400, 'invalid_request');
    const unknown = await admin.patch(`${SAS}/${sa.id}`, { nickname: 'x' });
    expectError(unknown, 400, 'invalid_request');
    expect(ErrorBodySchema.parse(unknown.body).details).toContainEqual({ field: 'nickname', message: 'Unknown field' });
  });

  it('answers 404 for unknown, malformed and other-organization ids', async () => {
    const globexSa = expectOk(
      await file.server.as(TOKENS.globexAdmin).post('/organizations/globex/service-accounts', { name: 'globex-only' }),
      201,
      ServiceAccountSchema,
    );
    // Ada is a member of globex too, but the id does not belong to acme.
    for (const id of [globexSa.id, 'a'.repeat(26), 'not-an-id', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ']) {
      expectError(await admin.get(`${SAS}/${id}`), 404, 'not_found');
      expectError(await admin.patch(`${SAS}/${id}`, { name: 'stolen' }), 404, 'not_found');
      expectError(await admin.delete(`${SAS}/${id}`), 404, 'not_found');
    }
    expect((await file.server.as(TOKENS.globexAdmin).get(`/organizations/globex/service-accounts/${globexSa.id}`)).status).toBe(200);
  });

  it('deletes an account’s credentials and their tokens with it', async () => {
    const sa = await create('short-lived');
    const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'one' }), 201, CredentialCreatedSchema);
    const token = (await (await exchange(file.server.url, cred.client_id, cred.client_secret)).json()) as { access_token: string };
    expect((await file.server.as(token.access_token).get(SAS)).status).toBe(200);

    expect((await admin.delete(`${SAS}/${sa.id}`)).status).toBe(204);
    const count = file.server.db.prepare('SELECT count(*) AS n FROM credentials WHERE service_account_id = ?').get(sa.id);
    expect(count).toEqual({ n: 0 });
    expect((await exchange(file.server.url, cred.client_id, cred.client_secret)).status).toBe(401);
    expect((await file.server.as(token.access_token).get(SAS)).status).toBe(401);
  });
});
