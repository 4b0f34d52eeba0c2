import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrganizationListSchema, OrganizationSchema } from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /organizations', () => {
  it('lists only the caller’s organizations, newest first', async () => {
    const ada = expectOk(await server.as(TOKENS.admin).get('/organizations'), 200, OrganizationListSchema);
    expect(ada.items.map((o) => o.label)).toEqual(['acme', 'globex']);
    expect(ada.page_info).toMatchObject({ has_next_page: false, has_prev_page: false });
    expect(ada.items[0]).not.toHaveProperty('permissions');

    const gina = expectOk(await server.as(TOKENS.globexAdmin).get('/organizations'), 200, OrganizationListSchema);
    expect(gina.items.map((o) => o.label)).toEqual(['globex']);
    const oscar = expectOk(await server.as(TOKENS.operator).get('/organizations'), 200, OrganizationListSchema);
    expect(oscar.items.map((o) => o.label)).toEqual(['acme']);
  });

  it('expands each organization’s permissions for the caller’s role there', async () => {
    const ada = expectOk(
      await server.as(TOKENS.admin).get('/organizations?expand[]=permissions'),
      200,
      OrganizationListSchema,
    );
    const [acme, globex] = ada.items;
    expect(acme?.permissions).toEqual({
      organizations: { read: true },
      service_accounts: { read: true, create: true, update: true, delete: true },
      service_account_credentials: { read: true, create: true, update: true, delete: true },
      audit_events: { read: true }, // extension `audit_events`: every member may read the trail
    });
    expect(globex?.permissions?.audit_events).toEqual({ read: true });
    expect(globex?.permissions?.service_accounts).toEqual({ read: true, create: false, update: false, delete: false });
  });

  it('pages through organizations with limit', async () => {
    const client = server.as(TOKENS.admin);
    const first = expectOk(await client.get('/organizations?limit=1'), 200, OrganizationListSchema);
    expect(first.items).toHaveLength(1);
    expect(first.page_info.has_next_page).toBe(true);
    const second = expectOk(
      await client.get(`/organizations?limit=1&after=${first.page_info.end_cursor}`),
      200,
      OrganizationListSchema,
    );
    expect(second.items.map((o) => o.label)).toEqual(['globex']);
    expect(second.page_info).toMatchObject({ has_next_page: false, has_prev_page: true });
  });

  it('requires authentication', async () => {
    const res = await server.as().get('/organizations');
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(res.body)).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});

describe('GET /organizations/:org', () => {
  it('resolves an organization by label and by id', async () => {
    const client = server.as(TOKENS.admin);
    const byLabel = expectOk(await client.get('/organizations/acme'), 200, OrganizationSchema);
    expect(byLabel).toMatchObject({ label: 'acme', name: 'Acme Corp' });
    expect(byLabel.id).toMatch(/^[0-9a-z]{26}$/);
    const byId = expectOk(await client.get(`/organizations/${byLabel.id}?expand=permissions`), 200, OrganizationSchema);
    expect(byId.id).toBe(byLabel.id);
    expect(byId.permissions?.organizations).toEqual({ read: true });
  });

  it('answers 404, never 403, for an organization the caller is not in', async () => {
    const globex = expectOk(await server.as(TOKENS.admin).get('/organizations/globex'), 200, OrganizationSchema);
    for (const ref of ['globex', globex.id]) {
      const res = await server.as(TOKENS.operator).get(`/organizations/${ref}`);
      expect(res.status).toBe(404);
      expect(ErrorBodySchema.parse(res.body)).toMatchObject({ code: 'not_found', message: 'Organization not found' });
    }
    // Same answer as for an organization that does not exist at all.
    const missing = await server.as(TOKENS.operator).get('/organizations/no-such-org');
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(missing.body).message).toBe('Organization not found');
    const nested = await server.as(TOKENS.operator).get('/organizations/globex/service-accounts');
    expect(nested.status).toBe(404);
  });
});
