// Extension `usage`: counting token exchanges per hour and day, their source, retention, access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialCreatedSchema,
  ErrorBodySchema,
  ServiceAccountSchema,
  type CredentialCreated,
} from '../../src/api/schemas';
import { CredentialUsageSchema } from '../../src/api/usage-schemas';
import { startUsagePruner } from '../jobs/usage-pruner';
import { createLogger } from '../lib/logger';
import { expectOk, startTestServer, testClock, TOKENS, type ApiClient, type TestServer } from '../test/harness';

const DAY = 86_400_000;
// One minute before an hour boundary that is also a day boundary.
const time = testClock(new Date('2026-12-01T23:59:00.000Z'));
let server: TestServer;
let proxied: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  [server, proxied] = await Promise.all([
    startTestServer({ clock: time.clock }),
    startTestServer({ clock: time.clock, trustProxy: 1 }),
  ]);
  admin = server.as(TOKENS.admin);
});
afterAll(async () => {
  await Promise.all([server.close(), proxied.close()]);
});

async function newCredential(target: TestServer = server, name = 'usage-host') {
  const client = target.as(TOKENS.admin);
  const sa = expectOk(
    await client.post('/organizations/acme/service-accounts', { name: `${name}-${Math.random().toString(36).slice(2)}` }),
    201,
    ServiceAccountSchema,
  );
  const cred = expectOk(
    await client.post(`/organizations/acme/service-accounts/${sa.id}/credentials`, { name: 'c' }),
    201,
    CredentialCreatedSchema,
  );
  return { cred, usage: `/organizations/acme/service-accounts/${sa.id}/credentials/${cred.id}/usage` };
}

/** A token exchange with the headers a client (or a proxy in front of the server) would send. */
async function exchangeFrom(target: TestServer, cred: CredentialCreated, headers: Record<string, string> = {}, secret = cred.client_secret) {
  const res = await fetch(`${target.url}/api/service-account-token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${cred.client_id}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: 'grant_type=client_credentials',
  });
  await res.arrayBuffer();
  return res.status;
}

const usageOf = async (path: string, client: ApiClient = admin) => expectOk(await client.get(path), 200, CredentialUsageSchema);

describe('GET .../credentials/{id}/usage', () => {
  it('counts each successful exchange in its hour and its day, across both boundaries', async () => {
    const { cred, usage } = await newCredential();
    expect(await usageOf(`${usage}?bucket=hour`)).toEqual({ items: [] });

    expect(await exchangeFrom(server, cred)).toBe(200); // 23:59 on 1 Dec
    expect(await exchangeFrom(server, cred)).toBe(200);
    expect(await exchangeFrom(server, cred, {}, 'sacs_wrong')).toBe(401); // a failure is not a use
    time.advance(2 * 60_000); // 00:01 on 2 Dec: a new hour and a new day
    expect(await exchangeFrom(server, cred)).toBe(200);
    time.advance(60 * 60_000); // 01:01
    for (let i = 0; i < 3; i += 1) expect(await exchangeFrom(server, cred)).toBe(200);

    const since = '2026-12-01T00:00:00Z';
    expect((await usageOf(`${usage}?bucket=hour&since=${since}`)).items).toEqual([
      { start: '2026-12-01T23:00:00.000Z', count: 2 },
      { start: '2026-12-02T00:00:00.000Z', count: 1 },
      { start: '2026-12-02T01:00:00.000Z', count: 3 },
    ]);
    expect((await usageOf(`${usage}?bucket=day&since=${since}`)).items).toEqual([
      { start: '2026-12-01T00:00:00.000Z', count: 2 },
      { start: '2026-12-02T00:00:00.000Z', count: 4 },
    ]);
    // `since` inside a bucket includes that bucket; later buckets only.
    expect((await usageOf(`${usage}?bucket=hour&since=2026-12-02T00:30:00Z`)).items.map((b) => b.start)).toEqual([
      '2026-12-02T00:00:00.000Z',
      '2026-12-02T01:00:00.000Z',
    ]);
    // Without since: the whole retention window; without bucket: days.
    expect((await usageOf(usage)).items).toHaveLength(2);
  });

  it('remembers where the last use came from: the socket peer, and a cleaned User-Agent', async () => {
    const { cred, usage } = await newCredential();
    expect((await usageOf(usage)).last_used_from).toBeUndefined();
    // Without TRUST_PROXY the header is the client's own claim: ignored.
    await exchangeFrom(server, cred, { 'User-Agent': 'curl/8.5.0', 'X-Forwarded-For': '203.0.113.7' });
    expect((await usageOf(usage)).last_used_from).toEqual({ ip: '127.0.0.1', user_agent: 'curl/8.5.0', at: time.clock().toISOString() });

    time.advance(1000);
    await exchangeFrom(server, cred, { 'User-Agent': `evil\tagent\x85${'x'.repeat(400)}` });
    const source = (await usageOf(usage)).last_used_from;
    expect(source?.user_agent).toBe(`evilagent${'x'.repeat(247)}`);
    expect(source?.user_agent).toHaveLength(256);
    expect(source?.at).toBe(time.clock().toISOString());
  });

  it('takes the address the trusted proxy saw from X-Forwarded-For when TRUST_PROXY says so', async () => {
    const { cred, usage } = await newCredential(proxied);
    const client = proxied.as(TOKENS.admin);
    // The client may prepend anything; the entry the one trusted proxy appended is the last one.
    await exchangeFrom(proxied, cred, { 'X-Forwarded-For': '192.0.2.99, 198.51.100.23', 'User-Agent': 'svc/1.0' });
    expect((await usageOf(usage, client)).last_used_from).toMatchObject({ ip: '198.51.100.23', user_agent: 'svc/1.0' });
    // No header (the proxy was bypassed) or a value that is not an address: the socket peer.
    await exchangeFrom(proxied, cred, {});
    expect((await usageOf(usage, client)).last_used_from?.ip).toBe('127.0.0.1');
    await exchangeFrom(proxied, cred, { 'X-Forwarded-For': '<script>' });
    expect((await usageOf(usage, client)).last_used_from?.ip).toBe('127.0.0.1');
  });

  it('keeps hours 14 days and days 400 days, and the pruner deletes the rest in batches', async () => {
    const { cred, usage } = await newCredential();
    await exchangeFrom(server, cred);
    time.advance(DAY);
    await exchangeFrom(server, cred);
    const rows = (bucket: string) =>
      (server.db.prepare(`SELECT count(*) AS n FROM credential_usage WHERE credential_id = ? AND bucket = ?`).get(cred.id, bucket) as { n: number }).n;
    expect([rows('hour'), rows('day')]).toEqual([2, 2]);

    time.advance(13 * DAY + 60 * 60_000); // the first hour bucket is now past 14 days, the second is not
    expect((await usageOf(`${usage}?bucket=hour`)).items).toHaveLength(1); // hidden at once, pruned or not
    const pruner = startUsagePruner(server.db, time.clock, createLogger('silent'), { batchSize: 100, firstRunMs: 3_600_000 });
    try {
      expect(await pruner.run()).toBeGreaterThanOrEqual(1);
      expect([rows('hour'), rows('day')]).toEqual([1, 2]);

      time.advance(400 * DAY);
      expect((await usageOf(usage)).items).toHaveLength(0);
      expect(await pruner.run()).toBeGreaterThanOrEqual(3);
      expect([rows('hour'), rows('day')]).toEqual([0, 0]);
      // The source is kept: "last used from" does not expire with the counts.
      expect((await usageOf(usage)).last_used_from?.ip).toBe('127.0.0.1');
    } finally {
      pruner.stop();
    }
  });

  it('lets every member read it, and nobody outside the organization', async () => {
    const { cred, usage } = await newCredential();
    await exchangeFrom(server, cred);
    expect((await usageOf(usage, server.as(TOKENS.viewer))).items).toHaveLength(1);
    expect((await usageOf(usage, server.as(TOKENS.operator))).items).toHaveLength(1);

    const outsider = await server.as(TOKENS.globexAdmin).get(usage);
    expect(outsider.status).toBe(404);
    expect(ErrorBodySchema.parse(outsider.body).code).toBe('not_found');
    // The same ids under Globex's name: not found either.
    const other = await server.as(TOKENS.globexAdmin).get(usage.replace('/acme/', '/globex/'));
    expect(other.status).toBe(404);
    expect((await server.as().get(usage)).status).toBe(401);
  });

  it('answers bad input with the error JSON', async () => {
    const { usage } = await newCredential();
    const expectInvalid = async (query: string, field: string) => {
      const res = await admin.get(`${usage}?${query}`);
      expect(res.status, query).toBe(400);
      expect(ErrorBodySchema.parse(res.body)).toMatchObject({ code: 'invalid_request', details: [expect.objectContaining({ field })] });
    };
    await expectInvalid('bucket=week', 'bucket');
    await expectInvalid('since=yesterday', 'since');
    await expectInvalid('bucket=hour&since=2026-13-01T00:00:00Z', 'since');

    const unknownCredential = usage.replace(/credentials\/[^/]+\/usage$/, `credentials/${'x'.repeat(26)}/usage`);
    expect((await admin.get(unknownCredential)).status).toBe(404);
    const otherAccount = await newCredential();
    const crossed = usage.replace(/credentials\/[^/]+\/usage$/, `credentials/${otherAccount.cred.id}/usage`);
    expect((await admin.get(crossed)).status).toBe(404);
  });
});
