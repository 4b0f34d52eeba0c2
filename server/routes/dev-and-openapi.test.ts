import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevPrincipalListSchema, ErrorBodySchema, OrganizationListSchema } from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';

let demo: TestServer;
let production: TestServer;
beforeAll(async () => {
  [demo, production] = await Promise.all([startTestServer({ demo: true }), startTestServer({ demo: false })]);
});
afterAll(async () => {
  await Promise.all([demo.close(), production.close()]);
});

describe('GET /dev/principals', () => {
  it('lists the demo people with working tokens and their memberships, without auth', async () => {
    const { items } = expectOk(await demo.as().get('/dev/principals'), 200, DevPrincipalListSchema);
    expect(items.map((p) => [p.email, p.token])).toEqual([
      ['ada@acme.example', TOKENS.admin],
      ['oscar@acme.example', TOKENS.operator],
      ['vera@acme.example', TOKENS.viewer],
      ['gina@globex.example', TOKENS.globexAdmin],
    ]);
    const ada = items[0];
    expect(ada?.memberships.map((m) => [m.organization_label, m.role])).toEqual([
      ['acme', 'org_admin'],
      ['globex', 'org_viewer'],
    ]);
    for (const person of items) {
      const orgs = expectOk(await demo.as(person.token).get('/organizations'), 200, OrganizationListSchema);
      expect(orgs.items.map((o) => o.id).sort()).toEqual(person.memberships.map((m) => m.organization_id).sort());
    }
  });

  it('does not exist outside demo mode', async () => {
    const res = await production.as().get('/dev/principals');
    expect(res.status).toBe(404);
    expect(ErrorBodySchema.parse(res.body).code).toBe('not_found');
  });
});

describe('outside demo mode', () => {
  it('replaces the public demo tokens with random ones, issued once', async () => {
    expect((await production.as(TOKENS.admin).get('/organizations')).status).toBe(401);
    const ada = production.issuedTokens.find((p) => p.email === 'ada@acme.example');
    expect(ada?.token).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
    const orgs = expectOk(await production.as(ada?.token).get('/organizations'), 200, OrganizationListSchema);
    expect(orgs.items.map((o) => o.label).sort()).toEqual(['acme', 'globex']);
    expect(demo.issuedTokens).toEqual([]);
  });
});

describe('GET /openapi.json', () => {
  it('describes every endpoint with schemas generated from the shared zod schemas', async () => {
    const res = await production.as().get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown }> };
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /organizations',
        'GET /organizations/{organization_id}',
        'GET /organizations/{organization_id}/service-accounts',
        'POST /organizations/{organization_id}/service-accounts',
        'GET /organizations/{organization_id}/service-accounts/{service_account_id}',
        'PATCH /organizations/{organization_id}/service-accounts/{service_account_id}',
        'DELETE /organizations/{organization_id}/service-accounts/{service_account_id}',
        'GET /organizations/{organization_id}/service-accounts/{service_account_id}/credentials',
        'POST /organizations/{organization_id}/service-accounts/{service_account_id}/credentials',
        'GET /organizations/{organization_id}/service-accounts/{service_account_id}/credentials/{credential_id}',
        'PATCH /organizations/{organization_id}/service-accounts/{service_account_id}/credentials/{credential_id}',
        'DELETE /organizations/{organization_id}/service-accounts/{service_account_id}/credentials/{credential_id}',
        'POST /service-account-token',
      ]),
    );
    const { schemas } = doc.components;
    expect(schemas.ServiceAccountCreate?.required).toEqual(['name']);
    expect(schemas.ServiceAccountCreate?.additionalProperties).toBe(false);
    expect(Object.keys(schemas.Credential?.properties ?? {})).not.toContain('client_secret');
    expect(Object.keys(schemas.CredentialCreated?.properties ?? {})).toContain('client_secret');
  });
});
