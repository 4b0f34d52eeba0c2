// `usage` and `audit_events` exist only when offered: EXTENSIONS=none is the vendor's API.
import { describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ErrorBodySchema, OrganizationSchema, ServiceAccountSchema } from '../../src/api/schemas';
import { exchange, expectOk, extensionVariantsForFile, TOKENS, type TestServer } from '../test/harness';

const servers = extensionVariantsForFile();

const USAGE_PATH = '/organizations/{organization_id}/service-accounts/{service_account_id}/credentials/{credential_id}/usage';
const AUDIT_PATH = '/organizations/{organization_id}/audit-events';

async function credentialOn(server: TestServer) {
  const admin = server.as(TOKENS.admin);
  const sa = expectOk(await admin.post('/organizations/acme/service-accounts', { name: `ext-check-${Math.random().toString(36).slice(2)}` }), 201, ServiceAccountSchema);
  const cred = expectOk(await admin.post(`/organizations/acme/service-accounts/${sa.id}/credentials`, { name: 'c' }), 201, CredentialCreatedSchema);
  expect((await exchange(server.url, cred.client_id, cred.client_secret)).status).toBe(200);
  return `/organizations/acme/service-accounts/${sa.id}/credentials/${cred.id}/usage`;
}

const rows = (server: TestServer, table: string) => (server.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('with EXTENSIONS=none', () => {
  it('has neither route, no discovery, and nothing in the OpenAPI document or the permissions map', async () => {
    const admin = servers.vendorLike.as(TOKENS.admin);
    const usage = await credentialOn(servers.vendorLike);
    for (const path of [usage, '/organizations/acme/audit-events', '/capabilities']) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(404);
      expect(ErrorBodySchema.parse(res.body).code).toBe('not_found');
    }
    const doc = (await servers.vendorLike.as().get('/openapi.json')).body as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).not.toContain(USAGE_PATH);
    expect(Object.keys(doc.paths)).not.toContain(AUDIT_PATH);
    expect(Object.keys(doc.components.schemas)).not.toContain('AuditEventList');
    const org = expectOk(await admin.get('/organizations/acme?expand=permissions'), 200, OrganizationSchema);
    expect(org.permissions).not.toHaveProperty('audit_events');
    expect(org.permissions?.service_accounts).toBeDefined();
  });

  it('records nothing: no usage buckets, no source, no audit events', async () => {
    const tables = ['credential_usage', 'audit_events'];
    const before = tables.map((table) => rows(servers.vendorLike, table)); // the demo seed's history
    const usage = await credentialOn(servers.vendorLike); // a create of each kind and a token exchange
    expect(tables.map((table) => rows(servers.vendorLike, table))).toEqual(before);
    const credentialId = usage.split('/').at(-2);
    expect(servers.vendorLike.db.prepare(`SELECT last_used_at IS NOT NULL AS used, last_used_ip FROM credentials WHERE id = ?`).get(credentialId)).toEqual({
      used: 1,
      last_used_ip: null,
    });
    // The same on the full server does record (so the comparison above could fail).
    const fullBefore = tables.map((table) => rows(servers.full, table));
    await credentialOn(servers.full);
    tables.forEach((table, i) => expect(rows(servers.full, table), table).toBeGreaterThan(fullBefore[i]!));
  });
});

describe('with some extensions', () => {
  it('serves and describes each offered one only', async () => {
    const events = rows(servers.usageOnly, 'audit_events');
    const usage = await credentialOn(servers.usageOnly);
    const admin = servers.usageOnly.as(TOKENS.admin);
    expect((await admin.get(usage)).status).toBe(200);
    expect((await admin.get('/organizations/acme/audit-events')).status).toBe(404);
    expect(rows(servers.usageOnly, 'audit_events')).toBe(events);
    const doc = (await servers.usageOnly.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain(USAGE_PATH);
    expect(Object.keys(doc.paths)).not.toContain(AUDIT_PATH);
  });

  it('describes both in the full server’s OpenAPI document', async () => {
    await credentialOn(servers.full);
    const doc = (await servers.full.as().get('/openapi.json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.paths[USAGE_PATH]?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['bucket', 'since', 'credential_id']),
    );
    expect(doc.paths[AUDIT_PATH]?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['target_id', 'actor_id', 'action', 'limit', 'after', 'before']),
    );
    expect(Object.keys(doc.components.schemas.CredentialUsage?.properties ?? {})).toEqual(['items', 'last_used_from']);
  });
});
