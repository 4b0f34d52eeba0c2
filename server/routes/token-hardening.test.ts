// Issue 7, defects 4 and 6: who the token endpoint's failure limits refuse, and what the time of a
// failed exchange tells about a client_id.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ServiceAccountSchema, type CredentialCreated } from '../../src/api/schemas';
import { DEFAULT_TOKEN_RATE_LIMIT } from '../auth/rate-limit';
import { expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';
import { rawRequest } from '../test/server-process';
import { FAILED_EXCHANGE_FLOOR_MS } from './token';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function newCredential(server: TestServer, name: string): Promise<CredentialCreated> {
  const admin = server.as(TOKENS.admin);
  const sa = expectOk(await admin.post('/organizations/acme/service-accounts', { name }), 201, ServiceAccountSchema);
  return expectOk(await admin.post(`/organizations/acme/service-accounts/${sa.id}/credentials`, { name }), 201, CredentialCreatedSchema);
}

/** One exchange from a chosen loopback address (all of 127.0.0.0/8 reaches the server). */
async function exchangeFrom(server: TestServer, address: string, authorization?: string, agent?: http.Agent) {
  const res = await rawRequest(server.url, '/api/service-account-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(authorization ? { Authorization: authorization } : {}) },
    body: 'grant_type=client_credentials',
    localAddress: address,
    ...(agent ? { agent } : {}),
  });
  return res;
}

async function inParallel<T>(tasks: (() => Promise<T>)[], width = 16): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        if (task) results.push(await task());
      }
    }),
  );
  return results;
}

describe('failed-exchange limits (defect 4), with the default limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('does not let requests without credentials lock out a real client at the same address', async () => {
    const cred = await newCredential(server, 'neighbour');
    // 50 failures from one address: no credentials, unreadable ones, made-up client_ids.
    const junk = [undefined, 'Basic !!!', ...Array.from({ length: 48 }, (_, i) => basic(`sac_madeup${i}`, 'x'))];
    const statuses = await inParallel(junk.map((authorization) => async () => (await exchangeFrom(server, '127.0.0.2', authorization)).status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_TOKEN_RATE_LIMIT.perAddress);
    // The address is now spraying: whatever it has failed with is refused at once.
    expect((await exchangeFrom(server, '127.0.0.2')).status).toBe(429);
    expect((await exchangeFrom(server, '127.0.0.2', basic('sac_madeup7', 'x'))).status).toBe(429);
    // The right secret from the same address is still checked and accepted.
    expect((await exchangeFrom(server, '127.0.0.2', basic(cred.client_id, cred.client_secret))).status).toBe(200);
  });

  it('refuses the right secret only from an address that has been guessing at that client_id', async () => {
    const cred = await newCredential(server, 'guessed-at');
    for (let i = 0; i < DEFAULT_TOKEN_RATE_LIMIT.perClient; i += 1) {
      expect((await exchangeFrom(server, '127.0.0.3', basic(cred.client_id, `wrong-${i}`))).status).toBe(401);
    }
    const refused = await exchangeFrom(server, '127.0.0.3', basic(cred.client_id, cred.client_secret));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await exchangeFrom(server, '127.0.0.4', basic(cred.client_id, cred.client_secret))).status).toBe(200);
  });

  it('caps wrong secrets for one client_id spread over 100 addresses, without locking out its real deployment', async () => {
    const cred = await newCredential(server, 'spread-attack');
    const tasks: (() => Promise<number>)[] = [];
    for (let round = 0; round < 9; round += 1) {
      for (let a = 1; a <= 100; a += 1) {
        const authorization = basic(cred.client_id, `guess-${round}-${a}`);
        tasks.push(async () => (await exchangeFrom(server, `127.0.1.${a}`, authorization)).status);
      }
    }
    const statuses = await inParallel(tasks);
    const checked = statuses.filter((s) => s === 401).length;
    const limited = statuses.filter((s) => s === 429).length;
    console.info(`900 wrong secrets from 100 addresses: ${checked} checked (401), ${limited} refused (429)`);
    expect(checked + limited).toBe(900);
    expect(checked).toBeLessThanOrEqual(DEFAULT_TOKEN_RATE_LIMIT.perClientAllAddresses + 100);
    // An address that never failed for it (the client's own deployment) still gets tokens.
    expect((await exchangeFrom(server, '127.0.2.1', basic(cred.client_id, cred.client_secret))).status).toBe(200);
    expect((await exchangeFrom(server, '127.0.1.7', basic(cred.client_id, cred.client_secret))).status).toBe(429);
  }, 60_000);
});

/** Mann-Whitney U: how far apart two samples are, in standard deviations (|z| < 2 is no evidence). */
function mannWhitneyZ(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, a: true })), ...b.map((v) => ({ v, a: false }))].sort((x, y) => x.v - y.v);
  let rankSum = 0;
  all.forEach((x, i) => {
    if (x.a) rankSum += i + 1;
  });
  const u = rankSum - (a.length * (a.length + 1)) / 2;
  return (u - (a.length * b.length) / 2) / Math.sqrt((a.length * b.length * (a.length + b.length + 1)) / 12);
}

describe('time of a failed exchange (defect 6)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      tokenRateLimit: { perClient: 1e9, perClientAllAddresses: 1e9, perAddress: 1e9, windowMs: 60_000 },
    });
  });
  afterAll(() => server.close());

  it('does not depend on whether the client_id exists', async () => {
    const cred = await newCredential(server, 'timed');
    const unknownId = `sac_${'q'.repeat(cred.client_id.length - 4)}`;
    const wrong = `sacs_${'A'.repeat(43)}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const timed = async (id: string) => {
      const res = await exchangeFrom(server, '127.0.0.1', basic(id, wrong), agent);
      expect(res.status).toBe(401);
      return res.ms;
    };
    for (let i = 0; i < 20; i += 1) await timed(i % 2 ? cred.client_id : unknownId);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 150; i += 1) {
      // Alternating which goes first cancels drift in the machine's load.
      if (i % 2) {
        known.push(await timed(cred.client_id));
        unknown.push(await timed(unknownId));
      } else {
        unknown.push(await timed(unknownId));
        known.push(await timed(cred.client_id));
      }
    }
    agent.destroy();
    const z = mannWhitneyZ(known, unknown);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] ?? 0;
    console.info(`failed exchange: known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms (median), z = ${z.toFixed(2)}`);
    // Every failure is answered by a timer started before the lookup (its start is truncated to
    // the millisecond, hence - 1): how long the lookup took cannot show.
    expect(Math.min(...known, ...unknown)).toBeGreaterThanOrEqual(FAILED_EXCHANGE_FLOOR_MS - 1);
    expect(Math.abs(z)).toBeLessThan(4);
  }, 30_000);
});
