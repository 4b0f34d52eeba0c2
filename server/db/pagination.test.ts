// Keyset pagination over HTTP, through the service-account and credential lists that use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  CredentialListSchema,
  ErrorBodySchema,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  type ServiceAccountList,
} from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type ApiClient, type TestServer } from '../test/harness';

let server: TestServer;
let gina: ApiClient;
const SAS = '/organizations/globex/service-accounts';
const seededIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  gina = server.as(TOKENS.globexAdmin);
  // 120 more, in concurrent batches so some share a created_at millisecond and the id breaks the tie.
  for (let batch = 0; batch < 6; batch += 1) {
    const names = Array.from({ length: 20 }, (_, i) => `page-${batch}-${String(i).padStart(2, '0')}`);
    const created = await Promise.all(names.map((name) => gina.post(SAS, { name })));
    seededIds.push(...created.map((res) => expectOk(res, 201, ServiceAccountSchema).id));
  }
});
afterAll(() => server.close());

const page = async (query: string): Promise<ServiceAccountList> =>
  expectOk(await gina.get(`${SAS}?${query}`), 200, ServiceAccountListSchema);

function expect400(res: { status: number; body: unknown }, field?: string) {
  expect(res.status).toBe(400);
  const body = ErrorBodySchema.parse(res.body);
  expect(body.code).toBe('invalid_request');
  if (field) expect(body.details?.map((d) => d.field)).toContain(field);
}

describe('keyset pagination', () => {
  it('walks forward and backward through every record with no gaps or repeats', async () => {
    const everything = await page('limit=1000');
    const all = everything.items.map((sa) => sa.id);
    expect(all.length).toBeGreaterThanOrEqual(120);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(seededIds));
    const sortKeys = everything.items.map((sa) => `${sa.created_at}|${sa.id}`);
    expect(sortKeys).toEqual([...sortKeys].sort().reverse());

    const forward: string[] = [];
    const forwardPages: ServiceAccountList[] = [];
    let current = await page('limit=7');
    expect(current.page_info.has_prev_page).toBe(false);
    for (;;) {
      forwardPages.push(current);
      forward.push(...current.items.map((sa) => sa.id));
      if (!current.page_info.has_next_page) break;
      current = await page(`limit=7&after=${current.page_info.end_cursor}`);
      expect(current.page_info.has_prev_page).toBe(true);
    }
    expect(forward).toEqual(all);

    // Back from the last page using start_cursor, page by page, to the very first.
    const backward: string[] = [...current.items.map((sa) => sa.id)];
    let pagesBack = 0;
    while (current.page_info.has_prev_page) {
      current = await page(`limit=7&before=${current.page_info.start_cursor}`);
      expect(current.page_info.has_next_page).toBe(true);
      backward.unshift(...current.items.map((sa) => sa.id));
      pagesBack += 1;
      expect(current.items.map((sa) => sa.id)).toEqual(forwardPages[forwardPages.length - 1 - pagesBack]?.items.map((sa) => sa.id));
    }
    expect(backward).toEqual(all);
    expect(current.page_info.has_prev_page).toBe(false);
  });

  it('keeps positions stable when rows are added or removed between pages', async () => {
    const first = await page('limit=10');
    const newer = expectOk(await gina.post(SAS, { name: 'arrived-later' }), 201, ServiceAccountSchema);
    const boundary = first.items[9];
    if (!boundary) throw new Error('expected 10 items');
    expect((await gina.delete(`${SAS}/${boundary.id}`)).status).toBe(204);

    const second = await page(`limit=10&after=${first.page_info.end_cursor}`);
    const firstIds = new Set(first.items.map((sa) => sa.id));
    expect(second.items.some((sa) => firstIds.has(sa.id) || sa.id === newer.id)).toBe(false);
    expect(second.page_info.has_prev_page).toBe(true);
    const back = await page(`limit=10&before=${second.page_info.start_cursor}`);
    expect(back.items.map((sa) => sa.id)).toEqual([newer.id, ...first.items.slice(0, 9).map((sa) => sa.id)]);
    expect(back.page_info.has_prev_page).toBe(false);
  });

  it('defaults limit to 50 and accepts 1..1000 only', async () => {
    expect((await page('')).items).toHaveLength(50);
    expect((await page('limit=1')).items).toHaveLength(1);
    for (const limit of ['0', '1001', '-1', '1.5', 'abc', '', '1e2', ' 5']) {
      expect400(await gina.get(`${SAS}?limit=${encodeURIComponent(limit)}`), 'limit');
    }
  });

  it('rejects after+before together, and any cursor it did not issue for this list', async () => {
    const { page_info } = await page('limit=5');
    const end = page_info.end_cursor ?? '';
    expect400(await gina.get(`${SAS}?after=${end}&before=${page_info.start_cursor}`));

    const flipped = `${end.slice(0, 10)}${end[10] === 'A' ? 'B' : 'A'}${end.slice(11)}`;
    for (const bad of [flipped, 'garbage', 'eyJpZCI6IjEifQ', `${end}x`, 'a'.repeat(600), '!!!', '']) {
      expect400(await gina.get(`${SAS}?after=${encodeURIComponent(bad)}`), 'after');
      expect400(await gina.get(`${SAS}?before=${encodeURIComponent(bad)}`), 'before');
    }
    // A genuine cursor from another list (acme's service accounts) is refused here.
    const acme = expectOk(
      await server.as(TOKENS.admin).get('/organizations/acme/service-accounts?limit=2'),
      200,
      ServiceAccountListSchema,
    );
    expect400(await gina.get(`${SAS}?after=${acme.page_info.end_cursor}`), 'after');
  });

  it('paginates credentials with the same helper', async () => {
    const sa = seededIds[0] ?? '';
    const creds = `${SAS}/${sa}/credentials`;
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.unshift(expectOk(await gina.post(creds, { name: `k${i}` }), 201, CredentialCreatedSchema).id);
    }
    const one = expectOk(await gina.get(`${creds}?limit=3`), 200, CredentialListSchema);
    const two = expectOk(await gina.get(`${creds}?limit=3&after=${one.page_info.end_cursor}`), 200, CredentialListSchema);
    expect([...one.items, ...two.items].map((c) => c.id)).toEqual(created);
    expect(two.page_info).toMatchObject({ has_next_page: false, has_prev_page: true });
    const empty = expectOk(await gina.get(`${SAS}/${seededIds[1]}/credentials`), 200, CredentialListSchema);
    expect(empty).toEqual({ items: [], page_info: { has_next_page: false, has_prev_page: false } });
  });
});
