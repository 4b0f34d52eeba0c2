import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialStatsSchema, OrgCredentialListSchema } from '../../src/api/org-credential-schemas';
import { CredentialCreatedSchema, CredentialListSchema, ErrorBodySchema, ServiceAccountSchema } from '../../src/api/schemas';
import { credentialStatus, isRotationDue, type CredentialPolicy } from '../../src/lib/credential-status';
import { insertCredential } from '../db/credentials';
import { hashSecret, newClientId, newClientSecret } from '../auth/tokens';
import { newId } from '../lib/ids';
import { seedBulk } from '../seed';
import { exchange, expectOk, startTestServer, TOKENS, walkPages, type ApiClient, type TestServer } from '../test/harness';

// A fixed clock: the stats and the seeded times are relative to it.
const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let server: TestServer;
let vendor: TestServer;
let admin: ApiClient;
const ORG = '/organizations/bulk-org';
const LIST = `${ORG}/credentials`;

interface Truth {
  id: string;
  client_id: string;
  name: string;
  description: string | null;
  created_at: string;
  last_used_at: string | null;
  service_account_id: string;
  service_account_name: string;
}

/** Every credential of the org, read with plain SQL (a join, not the copies the extension keeps). */
function truth(label = 'bulk-org'): Truth[] {
  return server.db
    .prepare(
      `SELECT c.id, c.client_id, c.name, c.description, c.created_at, c.last_used_at,
              sa.id AS service_account_id, sa.name AS service_account_name
       FROM credentials c JOIN service_accounts sa ON sa.id = c.service_account_id
       JOIN organizations o ON o.id = sa.organization_id WHERE o.label = ?`,
    )
    .all(label) as Truth[];
}

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ErrorBodySchema.parse(res.body)).toMatchObject({ status, code });
}

/** Every item of the list at `path`, following cursors `limit` at a time. */
const walk = (client: ApiClient, path: string, limit = 37) => walkPages(client, path, OrgCredentialListSchema, limit);

// SQLite's NOCASE folds ASCII letters only, then compares code units.
const nocase = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SORT_VALUE: Record<string, (c: Truth) => string> = {
  created_at: (c) => c.created_at,
  last_used_at: (c) => c.last_used_at ?? '',
  name: (c) => nocase(c.name),
  service_account_name: (c) => nocase(c.service_account_name),
};
function expectedOrder(rows: Truth[], sort: string, direction: string): string[] {
  const value = SORT_VALUE[sort]!;
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (cmp(value(a), value(b)) || cmp(a.id, b.id))).map((c) => c.id);
}

let edgeAccount: { id: string; name: string };

beforeAll(async () => {
  [server, vendor] = await Promise.all([
    startTestServer({ clock: () => NOW }),
    startTestServer({ clock: () => NOW, extensions: [] }),
  ]);
  admin = server.as(TOKENS.admin);
  // 130 service accounts × 2 credentials, Ada is org_admin there (nobody else is a member).
  seedBulk(server.db, { orgName: 'Bulk Org', serviceAccounts: 130, credentialsPerAccount: 2, now: NOW });
  // Boundary cases of the status rules, in a service account of their own.
  const sa = expectOk(await admin.post(`${ORG}/service-accounts`, { name: 'Edge Cases', description: 'boundaries' }), 201, ServiceAccountSchema);
  edgeAccount = { id: sa.id, name: sa.name };
  const edge = (name: string, created: string, used: string | null, description: string | null = null) =>
    insertCredential(server.db, {
      id: newId(),
      service_account_id: sa.id,
      client_id: newClientId(),
      secret_hash: hashSecret(newClientSecret()),
      name,
      description,
      created_at: created,
      last_used_at: used,
    });
  edge('Used exactly 30 days ago', ago(400), ago(30));
  edge('used 30 days and 1 ms ago', ago(400), new Date(NOW.getTime() - 30 * DAY - 1).toISOString());
  edge('used exactly 90 days ago', ago(90), ago(90));
  edge('used 90 days and 1 ms ago', ago(91), new Date(NOW.getTime() - 90 * DAY - 1).toISOString());
  edge('used in the future (clock skew)', ago(5), new Date(NOW.getTime() + 3 * DAY).toISOString());
  edge('never used, created exactly 7 days ago', ago(7), null, '100% literal_percent');
  edge('never used, created 7 days and 1 ms ago', new Date(NOW.getTime() - 7 * DAY - 1).toISOString(), null);
  edge('never used, created in the future', new Date(NOW.getTime() + DAY).toISOString(), null);
  edge('UPPER lower MiXeD', ago(10), ago(1), 'Contains ZEBRA stripes');
});
afterAll(async () => {
  await Promise.all([server.close(), vendor.close()]);
});

describe('GET /organizations/{org}/credentials', () => {
  it('lists every credential of the organization with its service account, newest first by default', async () => {
    const all = truth();
    expect(all.length).toBeGreaterThanOrEqual(250);
    const items = await walk(admin, LIST, 200);
    expect(items.map((c) => c.id)).toEqual(expectedOrder(all, 'created_at', 'desc'));
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const item of items) {
      const t = byId.get(item.id)!;
      expect(item.service_account).toEqual({ id: t.service_account_id, name: t.service_account_name });
      expect(item.client_id).toBe(t.client_id);
      expect(item.last_used_at ?? null).toBe(t.last_used_at);
      expect(item).not.toHaveProperty('secret_hash');
      expect(item).not.toHaveProperty('client_secret');
    }
  });

  for (const sort of ['created_at', 'last_used_at', 'name', 'service_account_name']) {
    for (const direction of ['asc', 'desc']) {
      it(`sorts by ${sort} ${direction} through every page, forwards and backwards, without gaps or repeats`, async () => {
        const expected = expectedOrder(truth(), sort, direction);
        const path = `${LIST}?sort=${sort}&direction=${direction}`;
        const forwards = await walk(admin, path);
        expect(forwards.map((c) => c.id)).toEqual(expected);

        // Back from the last page with `before`.
        let page = expectOk(await admin.get(`${path}&limit=37&after=${encodeURIComponent(await cursorBeforeLastPage(path))}`), 200, OrgCredentialListSchema);
        const backwards = [...page.items];
        while (page.page_info.has_prev_page) {
          page = expectOk(await admin.get(`${path}&limit=37&before=${encodeURIComponent(page.page_info.start_cursor ?? '')}`), 200, OrgCredentialListSchema);
          backwards.unshift(...page.items);
        }
        expect(backwards.map((c) => c.id)).toEqual(expected.slice(expected.length - backwards.length));
        expect(backwards.length).toBe(expected.length);
      });
    }
  }

  /** The end_cursor of the second-to-last page of 37. */
  async function cursorBeforeLastPage(path: string): Promise<string> {
    let url = `${path}&limit=37`;
    let previous = '';
    for (;;) {
      const page = expectOk(await admin.get(url), 200, OrgCredentialListSchema);
      if (!page.page_info.has_next_page) return previous;
      previous = page.page_info.end_cursor ?? '';
      url = `${path}&limit=37&after=${encodeURIComponent(previous)}`;
    }
  }

  it('sorts never-used credentials as the oldest use', async () => {
    const asc = expectOk(await admin.get(`${LIST}?sort=last_used_at&direction=asc&limit=5`), 200, OrgCredentialListSchema);
    expect(asc.items.every((c) => c.last_used_at == null)).toBe(true);
    const desc = expectOk(await admin.get(`${LIST}?sort=last_used_at&direction=desc&limit=1`), 200, OrgCredentialListSchema);
    expect(desc.items[0]?.name).toBe('used in the future (clock skew)');
  });

  it('filters by service account, last use, never used and creation time', async () => {
    const all = truth();
    const check = async (query: string, keep: (c: Truth) => boolean) => {
      const items = await walk(admin, `${LIST}?${query}`, 100);
      const expected = expectedOrder(all.filter(keep), 'created_at', 'desc');
      expect(items.map((c) => c.id), query).toEqual(expected);
      return items;
    };
    const one = all[0]!;
    expect((await check(`service_account_id=${one.service_account_id}`, (c) => c.service_account_id === one.service_account_id)).length).toBeGreaterThan(0);
    const cut = ago(45);
    expect((await check(`last_used_before=${cut}`, (c) => c.last_used_at !== null && c.last_used_at < cut)).length).toBeGreaterThan(0);
    expect((await check(`last_used_after=${cut}`, (c) => c.last_used_at !== null && c.last_used_at > cut)).length).toBeGreaterThan(0);
    expect((await check('never_used=true', (c) => c.last_used_at === null)).length).toBeGreaterThan(0);
    expect((await check('never_used=false', (c) => c.last_used_at !== null)).length).toBeGreaterThan(0);
    const created = ago(200);
    expect((await check(`created_before=${created}`, (c) => c.created_at < created)).length).toBeGreaterThan(0);
    expect((await check(`created_after=${created}`, (c) => c.created_at > created)).length).toBeGreaterThan(0);
    // A bound with an offset means the same instant.
    await check(`created_after=${encodeURIComponent('2026-01-01T02:00:00+02:00')}`, (c) => c.created_at > '2026-01-01T00:00:00.000Z');
    // Combined, with another sort.
    const items = await walk(admin, `${LIST}?never_used=false&last_used_after=${ago(100)}&created_before=${ago(150)}&sort=name&direction=asc`, 50);
    expect(items.map((c) => c.id)).toEqual(
      expectedOrder(all.filter((c) => c.last_used_at !== null && c.last_used_at > ago(100) && c.created_at < ago(150)), 'name', 'asc'),
    );
  });

  it('searches name, description, client_id and service account name case-insensitively', async () => {
    const all = truth();
    const search = async (q: string) => (await walk(admin, `${LIST}?q=${encodeURIComponent(q)}`, 100)).map((c) => c.id);
    const contains = (c: Truth, q: string) =>
      [c.name, c.description ?? '', c.client_id, c.service_account_name].some((v) => nocase(v).includes(nocase(q)));
    const expectSearch = async (q: string) => {
      const expected = expectedOrder(all.filter((c) => contains(c, q)), 'created_at', 'desc');
      expect(await search(q), q).toEqual(expected);
      return expected;
    };
    expect(await expectSearch('mixed')).toHaveLength(1); // name, any case
    expect(await expectSearch('zebra')).toHaveLength(1); // description
    expect((await expectSearch('EDGE CASES')).length).toBe(9); // service account name
    expect((await expectSearch('load-test-00012')).length).toBeGreaterThan(0);
    expect((await expectSearch('ix')).length).toBeGreaterThan(0); // under 3 characters: no trigram, still found
    // LIKE wildcards are literal characters.
    expect(await expectSearch('100%')).toHaveLength(1);
    expect(await expectSearch('l_t')).toHaveLength(0);
    const fragment = all[5]!.client_id.slice(6, 14);
    expect(await expectSearch(fragment)).toContain(all[5]!.id);
    expect(await search('no such thing anywhere')).toEqual([]);
  });

  it('puts an exact client_id or id match first, once, in every sort and page direction', async () => {
    // A rotation marker names the old credential: searching its client_id finds both.
    const old = expectOk(await admin.post(`${ORG}/service-accounts/${edgeAccount.id}/credentials`, { name: 'zz-old' }), 201, CredentialCreatedSchema);
    const replacement = expectOk(
      await admin.post(`${ORG}/service-accounts/${edgeAccount.id}/credentials`, {
        name: 'aa-replacement',
        description: `Replaces credential ${old.id} (${old.client_id})`,
      }),
      201,
      CredentialCreatedSchema,
    );
    for (const q of [old.client_id, old.id]) {
      for (const order of ['sort=name&direction=asc', 'sort=created_at&direction=desc', 'sort=last_used_at&direction=asc']) {
        const path = `${LIST}?q=${q}&${order}`;
        expect((await walk(admin, path, 1)).map((c) => c.id), path).toEqual([old.id, replacement.id]);
        expect((await walk(admin, path, 5)).map((c) => c.id), path).toEqual([old.id, replacement.id]);
        // Back from the second page: the exact match again, then nothing before it.
        const first = expectOk(await admin.get(`${path}&limit=1`), 200, OrgCredentialListSchema);
        expect(first.page_info).toMatchObject({ has_next_page: true, has_prev_page: false });
        const second = expectOk(await admin.get(`${path}&limit=1&after=${encodeURIComponent(first.page_info.end_cursor ?? '')}`), 200, OrgCredentialListSchema);
        expect(second.items.map((c) => c.id)).toEqual([replacement.id]);
        expect(second.page_info).toMatchObject({ has_next_page: false, has_prev_page: true });
        const back = expectOk(await admin.get(`${path}&limit=1&before=${encodeURIComponent(second.page_info.start_cursor ?? '')}`), 200, OrgCredentialListSchema);
        expect(back.items.map((c) => c.id)).toEqual([old.id]);
        expect(back.page_info.has_prev_page).toBe(false);
        const beforeAll = expectOk(await admin.get(`${path}&limit=1&before=${encodeURIComponent(back.page_info.start_cursor ?? '')}`), 200, OrgCredentialListSchema);
        expect(beforeAll.items).toEqual([]);
      }
    }
    // The exact match still has to pass the other filters.
    expect((await walk(admin, `${LIST}?q=${old.client_id}&never_used=false`)).map((c) => c.id)).toEqual([]);
    await admin.delete(`${ORG}/service-accounts/${edgeAccount.id}/credentials/${old.id}`);
    await admin.delete(`${ORG}/service-accounts/${edgeAccount.id}/credentials/${replacement.id}`);
  });

  it('refuses cursors used with other filters, sort or direction, foreign cursors, and after with before', async () => {
    const page = expectOk(await admin.get(`${LIST}?limit=5&sort=name&never_used=false`), 200, OrgCredentialListSchema);
    const cursor = encodeURIComponent(page.page_info.end_cursor ?? '');
    expect((await admin.get(`${LIST}?limit=5&sort=name&never_used=false&after=${cursor}`)).status).toBe(200);
    for (const other of ['sort=created_at&never_used=false', 'sort=name', 'sort=name&never_used=true', 'sort=name&never_used=false&direction=asc', 'sort=name&never_used=false&q=abc']) {
      const res = await admin.get(`${LIST}?limit=5&${other}&after=${cursor}`);
      expectError(res, 400, 'invalid_request');
      expect(ErrorBodySchema.parse(res.body).details).toEqual([{ field: 'after', message: expect.any(String) }]);
    }
    expectError(await admin.get(`${LIST}?limit=5&sort=name&never_used=false&before=${cursor}&after=${cursor}`), 400, 'invalid_request');
    expectError(await admin.get(`${LIST}?after=not-a-cursor`), 400, 'invalid_request');
    // A cursor of the vendor's per-service-account list is not one of these.
    const vendorPage = expectOk(await admin.get(`${ORG}/service-accounts/${edgeAccount.id}/credentials?limit=1`), 200, CredentialListSchema);
    expectError(await admin.get(`${LIST}?after=${encodeURIComponent(vendorPage.page_info.end_cursor ?? '')}`), 400, 'invalid_request');
  });

  it('validates every parameter with field errors', async () => {
    const cases: [string, string][] = [
      ['sort=size', 'sort'],
      ['direction=up', 'direction'],
      ['never_used=yes', 'never_used'],
      ['last_used_before=yesterday', 'last_used_before'],
      ['last_used_after=2026-13-01T00:00:00Z', 'last_used_after'],
      ['created_before=1', 'created_before'],
      ['created_after=', 'created_after'],
      [`q=${'x'.repeat(256)}`, 'q'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await admin.get(`${LIST}?${query}`);
      expectError(res, 400, 'invalid_request');
      expect(ErrorBodySchema.parse(res.body).details?.map((d) => d.field), query).toContain(field);
    }
    // Unknown parameters are ignored, as everywhere.
    expect((await admin.get(`${LIST}?limit=1&colour=blue`)).status).toBe(200);
  });

  it('adds the permissions maps with expand, in any encoding', async () => {
    for (const expand of ['expand=permissions', 'expand[]=permissions', 'expand=total_count,permissions']) {
      const page = expectOk(await admin.get(`${LIST}?limit=2&${expand}`), 200, OrgCredentialListSchema);
      expect(page.permissions).toEqual({ service_account_credentials: { read: true, create: true, update: true, delete: true } });
      expect(page.items[0]?.permissions).toEqual({ service_account_credentials: { read: true, update: true, delete: true } });
    }
    const plain = expectOk(await admin.get(`${LIST}?limit=2`), 200, OrgCredentialListSchema);
    expect(plain).not.toHaveProperty('permissions');
    expect(plain.items[0]).not.toHaveProperty('permissions');
  });
});

describe('filters that keep more rows than the small-set plan takes', () => {
  // Over 2,000 matches: the server walks the sort's index and tests the filters on it.
  it('agrees with the truth at every sort and direction', async () => {
    seedBulk(server.db, { orgName: 'Wide Org', serviceAccounts: 1000, credentialsPerAccount: 3, now: NOW });
    const all = truth('wide-org');
    const filters: [string, (c: Truth) => boolean][] = [
      ['never_used=false', (c) => c.last_used_at !== null],
      [`created_before=${ago(20)}`, (c) => c.created_at < ago(20)],
      [`last_used_after=${ago(900)}&created_after=${ago(900)}`, (c) => c.last_used_at !== null && c.last_used_at > ago(900) && c.created_at > ago(900)],
    ];
    for (const [query, keep] of filters) {
      expect(all.filter(keep).length, query).toBeGreaterThan(2000);
      for (const sort of ['created_at', 'last_used_at', 'name', 'service_account_name']) {
        for (const direction of ['asc', 'desc']) {
          const path = `/organizations/wide-org/credentials?${query}&sort=${sort}&direction=${direction}`;
          // The first two pages: the walk starts at the index's start and continues from a cursor.
          const first = expectOk(await admin.get(`${path}&limit=150`), 200, OrgCredentialListSchema);
          const second = expectOk(await admin.get(`${path}&limit=150&after=${encodeURIComponent(first.page_info.end_cursor ?? '')}`), 200, OrgCredentialListSchema);
          expect([...first.items, ...second.items].map((c) => c.id), path).toEqual(expectedOrder(all.filter(keep), sort, direction).slice(0, 300));
        }
      }
    }
  }, 60_000);
});

describe('GET /organizations/{org}/credentials/stats', () => {
  /** The console's own rules over the truth. */
  function expected(rows: Truth[], policy: CredentialPolicy) {
    const counts = { total: rows.length, active: 0, idle: 0, stale: 0, never_used_new: 0, never_used_stale: 0, rotation_due: 0 };
    for (const row of rows) {
      const status = credentialStatus(row, NOW, policy);
      if (status === 'new') counts.never_used_new += 1;
      else counts[status] += 1;
      if (status === 'stale' && row.last_used_at === null) counts.never_used_stale += 1;
      if (isRotationDue(row, NOW, policy)) counts.rotation_due += 1;
    }
    return { ...counts, computed_at: NOW.toISOString() };
  }
  const DEFAULT_POLICY = { activeWithinDays: 30, staleAfterDays: 90, neverUsedGraceDays: 7, rotationAgeDays: 90 };

  it('counts like the console at the default policy, boundaries included', async () => {
    const stats = expectOk(await admin.get(`${LIST}/stats`), 200, CredentialStatsSchema);
    expect(stats).toEqual(expected(truth(), DEFAULT_POLICY));
    expect(stats.active + stats.idle + stats.stale + stats.never_used_new).toBe(stats.total);
  });

  it('counts the edge cases into the buckets the console shows', async () => {
    const stats = expectOk(await admin.get(`${LIST}/stats?service_account_id=${edgeAccount.id}`), 200, CredentialStatsSchema);
    // active: exactly 30 days, future, MiXeD; idle: 30 d + 1 ms, exactly 90 d; stale: 90 d + 1 ms, never used 7 d + 1 ms;
    // new: never used exactly 7 days, and created in the future.
    expect(stats).toMatchObject({ total: 9, active: 3, idle: 2, stale: 2, never_used_new: 2, never_used_stale: 1, rotation_due: 3 });
    expect(stats).toEqual(expected(truth().filter((c) => c.service_account_id === edgeAccount.id), DEFAULT_POLICY));
  });

  it('takes the policy from the query, including a stale threshold below the active one', async () => {
    for (const [query, policy] of [
      ['idle_after_days=10&stale_after_days=60&new_within_days=1&rotation_due_after_days=30', { activeWithinDays: 10, staleAfterDays: 60, neverUsedGraceDays: 1, rotationAgeDays: 30 }],
      ['idle_after_days=60&stale_after_days=20', { ...DEFAULT_POLICY, activeWithinDays: 60, staleAfterDays: 20 }],
      ['stale_after_days=0&new_within_days=0&rotation_due_after_days=0', { ...DEFAULT_POLICY, staleAfterDays: 0, neverUsedGraceDays: 0, rotationAgeDays: 0 }],
    ] as const) {
      const stats = expectOk(await admin.get(`${LIST}/stats?${query}`), 200, CredentialStatsSchema);
      expect(stats, query).toEqual(expected(truth(), policy));
    }
  });

  it('counts only what q and service_account_id select', async () => {
    const all = truth();
    for (const q of ['load-test-0001', 'ci', 'Edge']) {
      const stats = expectOk(await admin.get(`${LIST}/stats?q=${encodeURIComponent(q)}`), 200, CredentialStatsSchema);
      const rows = all.filter((c) => [c.name, c.description ?? '', c.client_id, c.service_account_name].some((v) => nocase(v).includes(nocase(q))));
      expect(stats, q).toEqual(expected(rows, DEFAULT_POLICY));
    }
    const sa = all[0]!.service_account_id;
    const stats = expectOk(await admin.get(`${LIST}/stats?service_account_id=${sa}`), 200, CredentialStatsSchema);
    expect(stats).toEqual(expected(all.filter((c) => c.service_account_id === sa), DEFAULT_POLICY));
  });

  it('validates the policy', async () => {
    for (const query of ['idle_after_days=-1', 'stale_after_days=abc', 'new_within_days=1.5', 'rotation_due_after_days=99999999']) {
      expectError(await admin.get(`${LIST}/stats?${query}`), 400, 'invalid_request');
    }
  });
});

describe('isolation, permissions and EXTENSIONS=none', () => {
  it('shows only the organization in the path, and 404s for organizations the caller is not in', async () => {
    const acme = await walk(admin, '/organizations/acme/credentials', 200);
    const acmeTruth = truth('acme');
    expect(acme.map((c) => c.id).sort()).toEqual(acmeTruth.map((c) => c.id).sort());
    const bulkIds = new Set(truth().map((c) => c.id));
    expect(acme.some((c) => bulkIds.has(c.id))).toBe(false);
    // A client_id, id or service account of another organization finds nothing here.
    const other = truth()[0]!;
    expect(expectOk(await admin.get(`/organizations/acme/credentials?q=${other.client_id}`), 200, OrgCredentialListSchema).items).toEqual([]);
    expect(expectOk(await admin.get(`/organizations/acme/credentials?q=${other.id}`), 200, OrgCredentialListSchema).items).toEqual([]);
    expect(expectOk(await admin.get(`/organizations/acme/credentials?service_account_id=${other.service_account_id}`), 200, OrgCredentialListSchema).items).toEqual([]);
    expect(expectOk(await admin.get(`/organizations/acme/credentials/stats?service_account_id=${other.service_account_id}`), 200, CredentialStatsSchema).total).toBe(0);
    // Gina (globex) and Oscar (acme only) do not see bulk-org at all.
    const gina = server.as(TOKENS.globexAdmin);
    expectError(await gina.get('/organizations/acme/credentials'), 404, 'not_found');
    expectError(await gina.get('/organizations/acme/credentials/stats'), 404, 'not_found');
    expectError(await server.as(TOKENS.operator).get(LIST), 404, 'not_found');
  });

  it('needs a token, and lets every member read', async () => {
    expectError(await server.as().get('/organizations/acme/credentials'), 401, 'unauthenticated');
    expectError(await server.as('not-a-token').get('/organizations/acme/credentials/stats'), 401, 'unauthenticated');
    const viewer = server.as(TOKENS.viewer);
    const page = expectOk(await viewer.get('/organizations/acme/credentials?limit=3&expand=permissions'), 200, OrgCredentialListSchema);
    expect(page.permissions).toEqual({ service_account_credentials: { read: true, create: false, update: false, delete: false } });
    expect(page.items[0]?.permissions).toEqual({ service_account_credentials: { read: true, update: false, delete: false } });
    expectOk(await viewer.get('/organizations/acme/credentials/stats'), 200, CredentialStatsSchema);
    const operator = expectOk(await server.as(TOKENS.operator).get('/organizations/acme/credentials?limit=1&expand=permissions'), 200, OrgCredentialListSchema);
    expect(operator.permissions?.service_account_credentials?.delete).toBe(true);
  });

  it('lets a service account token read its own organization only', async () => {
    const sa = expectOk(await admin.post('/organizations/acme/service-accounts', { name: 'org-reader-bot' }), 201, ServiceAccountSchema);
    const created = expectOk(await admin.post(`/organizations/acme/service-accounts/${sa.id}/credentials`, { name: 'k' }), 201, CredentialCreatedSchema);
    const token = ((await (await exchange(server.url, created.client_id, created.client_secret)).json()) as { access_token: string }).access_token;
    const bot = server.as(token);
    const found = expectOk(await bot.get(`/organizations/acme/credentials?q=${created.client_id}`), 200, OrgCredentialListSchema);
    // The exchange was a use: it shows, and the credential is found by its client_id.
    expect(found.items[0]).toMatchObject({ id: created.id, last_used_at: NOW.toISOString(), service_account: { id: sa.id, name: 'org-reader-bot' } });
    expectError(await bot.get(LIST), 404, 'not_found');
  });

  it('keeps the service account name and search in step with renames and deletes', async () => {
    const sa = expectOk(await admin.post(`${ORG}/service-accounts`, { name: 'rename-me-soon' }), 201, ServiceAccountSchema);
    const created = expectOk(await admin.post(`${ORG}/service-accounts/${sa.id}/credentials`, { name: 'kiwi-fruit' }), 201, CredentialCreatedSchema);
    expect(expectOk(await admin.get(`${LIST}?q=rename-me-soon`), 200, OrgCredentialListSchema).items.map((c) => c.id)).toEqual([created.id]);
    await admin.patch(`${ORG}/service-accounts/${sa.id}`, { name: 'renamed-account' });
    expect(expectOk(await admin.get(`${LIST}?q=rename-me-soon`), 200, OrgCredentialListSchema).items).toEqual([]);
    const renamed = expectOk(await admin.get(`${LIST}?q=renamed-acc`), 200, OrgCredentialListSchema);
    expect(renamed.items.map((c) => c.service_account.name)).toEqual(['renamed-account']);
    await admin.patch(`${ORG}/service-accounts/${sa.id}/credentials/${created.id}`, { name: 'mango-fruit' });
    expect(expectOk(await admin.get(`${LIST}?q=kiwi-fruit`), 200, OrgCredentialListSchema).items).toEqual([]);
    expect(expectOk(await admin.get(`${LIST}?q=mango-fruit`), 200, OrgCredentialListSchema).items).toHaveLength(1);
    await admin.delete(`${ORG}/service-accounts/${sa.id}`);
    expect(expectOk(await admin.get(`${LIST}?q=mango-fruit`), 200, OrgCredentialListSchema).items).toEqual([]);
  });

  it('with EXTENSIONS=none, answers 404 like an unknown route', async () => {
    const client = vendor.as(TOKENS.admin);
    for (const path of ['/organizations/acme/credentials', '/organizations/acme/credentials/stats', '/organizations/acme/credentials?limit=5']) {
      const res = await client.get(path);
      expectError(res, 404, 'not_found');
      expect(ErrorBodySchema.parse(res.body).message).toBe('No such API endpoint');
    }
    const doc = (await vendor.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).some((p) => p.endsWith('/credentials/stats') || p === '/organizations/{organization_id}/credentials')).toBe(false);
    const full = (await server.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(full.paths)).toEqual(expect.arrayContaining(['/organizations/{organization_id}/credentials', '/organizations/{organization_id}/credentials/stats']));
  });
});
