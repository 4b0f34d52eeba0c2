// Extension `audit_events`: one event per successful write, in its transaction; none for a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  DevPrincipalListSchema,
  ErrorBodySchema,
  OrganizationSchema,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  TokenResponseSchema,
} from '../../src/api/schemas';
import { AuditEventListSchema, type AuditEvent } from '../../src/api/usage-schemas';
import { exchange, expectOk, startTestServer, TOKENS, type ApiClient, type TestServer } from '../test/harness';

let server: TestServer;
let admin: ApiClient;
let operator: ApiClient;
let people: Record<string, { id: string; name: string }>;
const SAS = '/organizations/acme/service-accounts';
const EVENTS = '/organizations/acme/audit-events';

beforeAll(async () => {
  server = await startTestServer();
  admin = server.as(TOKENS.admin);
  operator = server.as(TOKENS.operator);
  const principals = expectOk(await server.as().get('/dev/principals'), 200, DevPrincipalListSchema).items;
  people = Object.fromEntries(principals.map((p) => [p.token, { id: p.id, name: p.name }]));
});
afterAll(() => server.close());

const uniqueName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

async function events(query = '', client: ApiClient = admin): Promise<AuditEvent[]> {
  return expectOk(await client.get(`${EVENTS}${query ? `?${query}` : ''}`), 200, AuditEventListSchema).items;
}
const eventsFor = (targetId: string) => events(`target_id=${targetId}`);

describe('audit events of writes', () => {
  it('records a service account created, updated and deleted, with actor, changes and request id', async () => {
    const name = uniqueName('audited');
    const createRes = await admin.post(SAS, { name, description: 'first' });
    const sa = expectOk(createRes, 201, ServiceAccountSchema);
    const [created] = await eventsFor(sa.id);
    expect(created).toMatchObject({
      action: 'service_account.created',
      actor: { type: 'person', id: people[TOKENS.admin]?.id, name: 'Ada Admin' },
      target: { type: 'service_account', id: sa.id, name },
      changes: { name: [null, name], description: [null, 'first'] },
      request_id: createRes.headers.get('x-request-id'),
    });
    expect(created?.at).toBe(sa.created_at);

    const updateRes = await admin.patch(`${SAS}/${sa.id}`, { name: `${name}-renamed`, description: 'first' });
    expect(updateRes.status).toBe(200);
    const [updated] = await eventsFor(sa.id);
    expect(updated).toMatchObject({
      action: 'service_account.updated',
      target: { id: sa.id, name: `${name}-renamed` },
      // Only what changed: the description was sent unchanged.
      changes: { name: [name, `${name}-renamed`] },
      request_id: updateRes.headers.get('x-request-id'),
    });
    expect(updated?.changes).not.toHaveProperty('description');

    expect((await admin.delete(`${SAS}/${sa.id}`)).status).toBe(204);
    // The events outlive their target, newest first.
    const history = await eventsFor(sa.id);
    expect(history.map((e) => e.action)).toEqual(['service_account.deleted', 'service_account.updated', 'service_account.created']);
    expect(history[0]).toMatchObject({ target: { name: `${name}-renamed` }, changes: { name: [`${name}-renamed`, null] } });
  });

  it('records credentials created, updated and deleted, by whoever did it, and never a secret', async () => {
    const sa = expectOk(await admin.post(SAS, { name: uniqueName('cred-audit') }), 201, ServiceAccountSchema);
    const creds = `${SAS}/${sa.id}/credentials`;
    const created = expectOk(await operator.post(creds, { name: 'prod' }), 201, CredentialCreatedSchema);
    expect((await operator.patch(`${creds}/${created.id}`, { description: 'in Vault' })).status).toBe(200);
    expect((await admin.delete(`${creds}/${created.id}`)).status).toBe(204);

    const history = await eventsFor(created.id);
    expect(history.map((e) => [e.action, e.actor.name])).toEqual([
      ['credential.deleted', 'Ada Admin'],
      ['credential.updated', 'Oscar Operator'],
      ['credential.created', 'Oscar Operator'],
    ]);
    const target = { type: 'credential', id: created.id, name: 'prod', service_account_id: sa.id };
    expect(history[2]).toMatchObject({ target, changes: { name: [null, 'prod'], client_id: [null, created.client_id] } });
    expect(history[1]).toMatchObject({ target, changes: { description: [null, 'in Vault'] } });
    expect(history[0]).toMatchObject({ target, changes: { name: ['prod', null], description: ['in Vault', null] } });
    const raw = (await admin.get(`${EVENTS}?target_id=${created.id}`)).text;
    expect(raw).not.toContain(created.client_secret);
    expect(raw).not.toContain(created.client_secret.slice(5));
  });

  it('records a service account deletion and one deletion per credential that went with it', async () => {
    const sa = expectOk(await admin.post(SAS, { name: uniqueName('cascade') }), 201, ServiceAccountSchema);
    const creds = await Promise.all(
      ['a', 'b'].map(async (name) => expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name }), 201, CredentialCreatedSchema)),
    );
    const res = await admin.delete(`${SAS}/${sa.id}`);
    expect(res.status).toBe(204);
    const requestId = res.headers.get('x-request-id');
    const deletion = (await events('limit=10')).filter((e) => e.request_id === requestId);
    expect(deletion.map((e) => [e.action, e.target.id])).toEqual([
      ['service_account.deleted', sa.id],
      ...[...creds].reverse().map((c) => ['credential.deleted', c.id]),
    ]);
    for (const cred of creds) expect((await eventsFor(cred.id))[0]?.action).toBe('credential.deleted');
  });

  it('records nothing for a write that fails', async () => {
    const taken = expectOk(await admin.post(SAS, { name: uniqueName('taken') }), 201, ServiceAccountSchema);
    const before = await events('limit=1000');
    const attempts = [
      await admin.post(SAS, { name: taken.name.toUpperCase() }), // 409: the name is taken
      await admin.post(SAS, { name: '' }), // 400
      await admin.patch(`${SAS}/${taken.id}`, { unknown: 1 }), // 400
      await operator.post(SAS, { name: uniqueName('not-allowed') }), // 403
      await server.as(TOKENS.viewer).delete(`${SAS}/${taken.id}`), // 403
      await server.as(TOKENS.viewer).post(`${SAS}/${taken.id}/credentials`, { name: 'x' }), // 403
      await admin.delete(`${SAS}/${'z'.repeat(26)}`), // 404
    ];
    expect(attempts.map((r) => r.status)).toEqual([409, 400, 400, 403, 403, 403, 404]);
    expect(await events('limit=1000')).toEqual(before);
  });

  it('lets a service account read its organization’s trail, and its refused writes leave nothing', async () => {
    const sa = expectOk(await admin.post(SAS, { name: uniqueName('robot') }), 201, ServiceAccountSchema);
    const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'r' }), 201, CredentialCreatedSchema);
    const token = TokenResponseSchema.parse(await (await exchange(server.url, cred.client_id, cred.client_secret)).json()).access_token;
    const robot = server.as(token);
    const before = await events('limit=1000');
    expect((await robot.post(SAS, { name: uniqueName('by-robot') })).status).toBe(403);
    expect(await events('limit=1000', robot)).toEqual(before);
  });
});

describe('GET /organizations/{org}/audit-events', () => {
  it('filters by target, actor and action, and pages with keyset cursors', async () => {
    const sa = expectOk(await operator.get(`${SAS}?limit=1`), 200, ServiceAccountListSchema).items[0];
    expect(sa).toBeDefined();
    const oscar = people[TOKENS.operator]!.id;
    const creds = `${SAS}/${sa!.id}/credentials`;
    for (const name of ['p1', 'p2', 'p3']) expect((await operator.post(creds, { name })).status).toBe(201);

    const byOscar = await events(`actor_id=${oscar}&action=credential.created`);
    expect(byOscar.length).toBeGreaterThanOrEqual(3);
    expect(byOscar.every((e) => e.actor.id === oscar && e.action === 'credential.created')).toBe(true);
    expect(byOscar.slice(0, 3).map((e) => e.target.name)).toEqual(['p3', 'p2', 'p1']);

    const all = await events('limit=1000');
    const page1 = expectOk(await admin.get(`${EVENTS}?limit=2`), 200, AuditEventListSchema);
    expect(page1.items).toEqual(all.slice(0, 2));
    expect(page1.page_info).toMatchObject({ has_next_page: true, has_prev_page: false });
    const page2 = expectOk(
      await admin.get(`${EVENTS}?limit=2&after=${encodeURIComponent(page1.page_info.end_cursor!)}`),
      200,
      AuditEventListSchema,
    );
    expect(page2.items).toEqual(all.slice(2, 4));
    const back = expectOk(
      await admin.get(`${EVENTS}?limit=2&before=${encodeURIComponent(page2.page_info.start_cursor!)}`),
      200,
      AuditEventListSchema,
    );
    expect(back.items).toEqual(page1.items);
  });

  it('rejects bad filters and cursors with the error JSON', async () => {
    for (const query of ['action=credential.exploded', 'limit=0', 'after=forged', 'target_id=']) {
      const res = await admin.get(`${EVENTS}?${query}`);
      expect(res.status, query).toBe(400);
      expect(ErrorBodySchema.parse(res.body).code).toBe('invalid_request');
    }
  });

  it('lets every member read, in the organization map too, and keeps organizations apart', async () => {
    for (const token of [TOKENS.admin, TOKENS.operator, TOKENS.viewer]) {
      expect((await server.as(token).get(EVENTS)).status).toBe(200);
      const org = expectOk(await server.as(token).get('/organizations/acme?expand=permissions'), 200, OrganizationSchema);
      expect(org.permissions?.audit_events).toEqual({ read: true });
    }
    const globex = server.as(TOKENS.globexAdmin);
    const gsa = expectOk(await globex.post('/organizations/globex/service-accounts', { name: uniqueName('g') }), 201, ServiceAccountSchema);
    expect((await events('limit=1000')).some((e) => e.target.id === gsa.id)).toBe(false);
    expect((await events(`target_id=${gsa.id}`)).length).toBe(0);
    const own = expectOk(await globex.get('/organizations/globex/audit-events'), 200, AuditEventListSchema).items;
    expect(own[0]).toMatchObject({ target: { id: gsa.id }, actor: { name: 'Gina Globex' } });

    // Not a member of acme: not found, never forbidden.
    const outsider = await globex.get(EVENTS);
    expect(outsider.status).toBe(404);
    expect(ErrorBodySchema.parse(outsider.body).code).toBe('not_found');
    expect((await server.as().get(EVENTS)).status).toBe(401);
  });

  it('offers no way to change or delete an event', async () => {
    const [latest] = await events();
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const res = await admin.request(method, method === 'POST' ? EVENTS : `${EVENTS}/${latest!.id}`, { body: {} });
      expect(res.status, method).toBe(404);
    }
    expect((await events())[0]).toEqual(latest);
  });
});
