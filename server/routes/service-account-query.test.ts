import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceAccountSummaryListSchema } from '../../src/api/org-credential-schemas';
import { CredentialCreatedSchema, ErrorBodySchema, ServiceAccountListSchema, ServiceAccountSchema } from '../../src/api/schemas';
import { nameKey } from '../db/service-accounts';
import { seedBulk } from '../seed';
import { exchange, expectOk, startTestServer, TOKENS, walkPages, type ApiClient, type TestServer } from '../test/harness';

const NOW = new Date('2026-06-15T12:00:00.000Z');
let server: TestServer;
let vendor: TestServer;
let admin: ApiClient;
const SAS = '/organizations/many-accounts/service-accounts';

interface Truth {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  last_used_at: string | null;
  count: number;
  oldest_created_at: string | null;
}

/** Every service account of the org and its credentials' facts, with plain SQL. */
function truth(label = 'many-accounts'): Truth[] {
  return server.db
    .prepare(
      `SELECT sa.id, sa.name, sa.description, sa.created_at,
              (SELECT max(last_used_at) FROM credentials c WHERE c.service_account_id = sa.id) AS last_used_at,
              (SELECT count(*) FROM credentials c WHERE c.service_account_id = sa.id) AS count,
              (SELECT min(created_at) FROM credentials c WHERE c.service_account_id = sa.id) AS oldest_created_at
       FROM service_accounts sa JOIN organizations o ON o.id = sa.organization_id WHERE o.label = ?`,
    )
    .all(label) as Truth[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SORT_VALUE: Record<string, (sa: Truth) => string> = {
  created_at: (sa) => sa.created_at,
  name: (sa) => nameKey(sa.name),
  last_used_at: (sa) => sa.last_used_at ?? '',
};
const order = (rows: Truth[], sort: string, direction: string) =>
  [...rows]
    .sort((a, b) => (direction === 'asc' ? 1 : -1) * (cmp(SORT_VALUE[sort]!(a), SORT_VALUE[sort]!(b)) || cmp(a.id, b.id)))
    .map((sa) => sa.id);

const walk = (client: ApiClient, path: string, limit = 41) => walkPages(client, path, ServiceAccountSummaryListSchema, limit);

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ErrorBodySchema.parse(res.body)).toMatchObject({ status, code });
}

beforeAll(async () => {
  [server, vendor] = await Promise.all([
    startTestServer({ clock: () => NOW }),
    startTestServer({ clock: () => NOW, extensions: [] }),
  ]);
  admin = server.as(TOKENS.admin);
  seedBulk(server.db, { orgName: 'Many Accounts', serviceAccounts: 260, credentialsPerAccount: 1, now: NOW });
  // Names whose case-folded order differs from their byte order, and one without credentials.
  for (const name of ['alpha Zulu', 'Alpha yankee', 'ALPHA xray', 'Ölfeld']) {
    expectOk(await admin.post(SAS, { name, description: 'mixed-case names' }), 201, ServiceAccountSchema);
  }
});
afterAll(async () => {
  await Promise.all([server.close(), vendor.close()]);
});

describe('service_account_query on GET /organizations/{org}/service-accounts', () => {
  for (const sort of ['created_at', 'name', 'last_used_at']) {
    for (const direction of ['asc', 'desc']) {
      it(`sorts by ${sort} ${direction} through every page without gaps or repeats`, async () => {
        const expected = order(truth(), sort, direction);
        expect(expected.length).toBeGreaterThanOrEqual(250);
        const path = `${SAS}?sort=${sort}&direction=${direction}`;
        expect((await walk(admin, path)).map((sa) => sa.id)).toEqual(expected);
        // And backwards from the end with `before`.
        const last = expectOk(await admin.get(`${path}&limit=300`), 200, ServiceAccountSummaryListSchema);
        let page = expectOk(
          await admin.get(`${path}&limit=41&before=${encodeURIComponent(last.page_info.end_cursor ?? '')}`),
          200,
          ServiceAccountSummaryListSchema,
        );
        const backwards = [...page.items];
        while (page.page_info.has_prev_page) {
          page = expectOk(await admin.get(`${path}&limit=41&before=${encodeURIComponent(page.page_info.start_cursor ?? '')}`), 200, ServiceAccountSummaryListSchema);
          backwards.unshift(...page.items);
        }
        // Everything before the last row of the first 300 (which is every row here but the last).
        expect(backwards.map((sa) => sa.id)).toEqual(expected.slice(0, expected.length - 1));
      });
    }
  }

  it('searches name, description and id case-insensitively, and finds the owner of an exact client_id', async () => {
    const all = truth();
    const search = async (q: string, extra = '') => (await walk(admin, `${SAS}?q=${encodeURIComponent(q)}${extra}`)).map((sa) => sa.id);
    const matching = (q: string) =>
      order(all.filter((sa) => [sa.name, sa.description ?? '', sa.id].some((v) => v.toLowerCase().includes(q.toLowerCase()))), 'created_at', 'desc');
    expect(await search('ALPHA')).toEqual(matching('alpha'));
    expect(await search('alpha')).toHaveLength(3);
    expect(await search('mixed-CASE')).toHaveLength(4); // description
    expect(await search('load-test-00002')).toEqual(matching('load-test-00002'));
    // Any account but Ölfeld, which a later test expects to have no credential (truth() has no order).
    const target = all.filter((sa) => sa.name !== 'Ölfeld')[10]!;
    expect(await search(target.id.slice(3, 12))).toContain(target.id); // id substring
    expect(await search('50%')).toEqual([]); // % is literal
    // A client_id finds its service account (exact only: a fragment of it finds nothing).
    const created = expectOk(await admin.post(`${SAS}/${target.id}/credentials`, { name: 'leaked' }), 201, CredentialCreatedSchema);
    expect(await search(created.client_id)).toEqual([target.id]);
    expect(await search(created.client_id.slice(0, 20))).toEqual([]);
    // With another sort.
    expect(await search('alpha', '&sort=name&direction=asc')).toEqual(order(all.filter((sa) => sa.name.toLowerCase().includes('alpha')), 'name', 'asc'));
  });

  it('keeps the search in step with renames, description edits and deletes', async () => {
    const ids = async (q: string) => (await walk(admin, `${SAS}?q=${encodeURIComponent(q)}`)).map((sa) => sa.id);
    const sa = expectOk(await admin.post(SAS, { name: 'pelican-ingest', description: 'reads the pelican feed' }), 201, ServiceAccountSchema);
    expect(await ids('pelican')).toEqual([sa.id]);
    await admin.patch(`${SAS}/${sa.id}`, { name: 'heron-ingest', description: 'reads the heron feed' });
    expect(await ids('pelican')).toEqual([]);
    expect(await ids('HERON')).toEqual([sa.id]);
    await admin.delete(`${SAS}/${sa.id}`);
    expect(await ids('heron')).toEqual([]);
  });

  it('adds credential_summary with expand, in every encoding, and keeps it in step with use and deletes', async () => {
    const check = async (expand: string) => {
      const items = await walk(admin, `${SAS}?${expand}`, 300);
      const byId = new Map(truth().map((sa) => [sa.id, sa]));
      for (const item of items) {
        const t = byId.get(item.id)!;
        expect(item.credential_summary, item.name).toEqual({
          count: t.count,
          ...(t.last_used_at ? { last_used_at: t.last_used_at } : {}),
          ...(t.oldest_created_at ? { oldest_created_at: t.oldest_created_at } : {}),
        });
      }
      return items;
    };
    for (const expand of ['expand=credential_summary', 'expand[]=credential_summary', 'expand=permissions,credential_summary']) await check(expand);
    const plain = expectOk(await admin.get(`${SAS}?limit=3`), 200, ServiceAccountSummaryListSchema);
    expect(plain.items[0]).not.toHaveProperty('credential_summary');
    const empty = (await check('expand=credential_summary')).find((sa) => sa.name === 'Ölfeld');
    expect(empty?.credential_summary).toEqual({ count: 0 });

    // A use moves the account to the front of last_used_at desc; deleting that credential moves it back.
    const sa = truth().find((s) => s.name === 'ALPHA xray')!;
    const created = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'in-use' }), 201, CredentialCreatedSchema);
    expect((await exchange(server.url, created.client_id, created.client_secret)).status).toBe(200);
    const recent = expectOk(await admin.get(`${SAS}?sort=last_used_at&limit=1&expand=credential_summary`), 200, ServiceAccountSummaryListSchema);
    // An earlier test may have given this account a credential (it picks one by position in a list of ties).
    expect(recent.items[0]).toMatchObject({ id: sa.id, credential_summary: { count: sa.count + 1, last_used_at: NOW.toISOString() } });
    await admin.delete(`${SAS}/${sa.id}/credentials/${created.id}`);
    const after = expectOk(await admin.get(`${SAS}?sort=last_used_at&limit=1`), 200, ServiceAccountSummaryListSchema);
    expect(after.items[0]?.id).not.toBe(sa.id);
    await check('expand=credential_summary');
  });

  it('refuses cursors used with another search, sort or direction, and bad parameters', async () => {
    const page = expectOk(await admin.get(`${SAS}?limit=5&sort=name&q=load`), 200, ServiceAccountSummaryListSchema);
    const cursor = encodeURIComponent(page.page_info.end_cursor ?? '');
    expect((await admin.get(`${SAS}?limit=5&sort=name&q=load&after=${cursor}`)).status).toBe(200);
    for (const other of ['sort=name', 'sort=name&q=loa', 'sort=created_at&q=load', 'sort=name&q=load&direction=asc']) {
      expectError(await admin.get(`${SAS}?limit=5&${other}&after=${cursor}`), 400, 'invalid_request');
    }
    for (const [query, field] of [['sort=size', 'sort'], ['direction=sideways', 'direction'], [`q=${'a'.repeat(256)}`, 'q']] as const) {
      const res = await admin.get(`${SAS}?${query}`);
      expectError(res, 400, 'invalid_request');
      expect(ErrorBodySchema.parse(res.body).details?.map((d) => d.field)).toContain(field);
    }
  });

  it('keeps organizations apart and the usual permissions', async () => {
    const bulkIds = new Set(truth().map((sa) => sa.id));
    const acme = await walk(admin, '/organizations/acme/service-accounts?q=a&sort=name');
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.some((sa) => bulkIds.has(sa.id))).toBe(false);
    // A client_id from another organization finds nothing here.
    const sa = truth()[0]!;
    const created = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'elsewhere' }), 201, CredentialCreatedSchema);
    expect(await walk(admin, `/organizations/acme/service-accounts?q=${created.client_id}`)).toEqual([]);
    expectError(await server.as(TOKENS.globexAdmin).get('/organizations/acme/service-accounts?q=a'), 404, 'not_found');
    expectError(await server.as().get('/organizations/acme/service-accounts?sort=name'), 401, 'unauthenticated');
    const viewer = expectOk(await server.as(TOKENS.viewer).get('/organizations/acme/service-accounts?sort=name&expand=credential_summary,permissions&limit=2'), 200, ServiceAccountSummaryListSchema);
    expect(viewer.items[0]?.credential_summary).toBeDefined();
    expect(viewer.permissions?.service_accounts?.create).toBe(false);
  });

  it('with EXTENSIONS=none, ignores q, sort, direction and expand=credential_summary like unknown parameters', async () => {
    const client = vendor.as(TOKENS.admin);
    const plain = expectOk(await client.get('/organizations/acme/service-accounts?limit=10'), 200, ServiceAccountListSchema);
    for (const query of ['q=zzzz-nothing', 'sort=name&direction=asc', 'sort=bogus&direction=sideways&q=' + 'a'.repeat(300), 'expand=credential_summary']) {
      const res = await client.get(`/organizations/acme/service-accounts?limit=10&${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body, query).toEqual(plain);
    }
    // Its cursors are the vendor list's: they work with or without the ignored parameters.
    const next = await client.get(`/organizations/acme/service-accounts?limit=10&sort=name&after=${encodeURIComponent(plain.page_info.end_cursor ?? '')}`);
    expect(next.status).toBe(200);
    const doc = (await vendor.as().get('/openapi.json')).body as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const params = doc.paths['/organizations/{organization_id}/service-accounts']?.get?.parameters?.map((p) => p.name);
    expect(params).not.toContain('q');
    const fullDoc = (await server.as().get('/openapi.json')).body as typeof doc;
    expect(fullDoc.paths['/organizations/{organization_id}/service-accounts']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'sort', 'direction']),
    );
  });
});
