// The request pipeline loads what the path names once: its steps add no query to any route.
// Outside the write's transaction no statement runs twice in one request (inside it, a write
// reads its row again on purpose: it may have changed since the pipeline loaded it).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ServiceAccountSchema } from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type ApiClient, type TestServer } from '../test/harness';

let server: TestServer;
let admin: ApiClient;
const SAS = '/organizations/acme/service-accounts';
const paths = { sa: '', creds: '', cred: '' };

// Every statement of the process runs through these; counting them per SQL text shows repeats.
interface StatementLike {
  source: string;
  database: { inTransaction: boolean };
}
const Statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<string, unknown>;
const METHODS = ['get', 'all', 'run', 'iterate'] as const;
const originals = new Map(METHODS.map((m) => [m, Statement[m] as (...args: unknown[]) => unknown]));
let executed: string[] | undefined;

beforeAll(async () => {
  for (const m of METHODS) {
    const original = originals.get(m)!;
    Statement[m] = function (this: StatementLike, ...args: unknown[]) {
      if (!this.database.inTransaction) executed?.push(this.source.replace(/\s+/g, ' '));
      return original.apply(this, args);
    };
  }
  server = await startTestServer();
  admin = server.as(TOKENS.admin);
  const sa = expectOk(await admin.post(SAS, { name: 'count-target' }), 201, ServiceAccountSchema);
  const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'c' }), 201, CredentialCreatedSchema);
  paths.sa = `${SAS}/${sa.id}`;
  paths.creds = `${SAS}/${sa.id}/credentials`;
  paths.cred = `${SAS}/${sa.id}/credentials/${cred.id}`;
});
afterAll(async () => {
  for (const m of METHODS) Statement[m] = originals.get(m);
  await server.close();
});

async function statements(method: string, path: string, body?: unknown): Promise<string[]> {
  executed = [];
  const res = await admin.request(method, path, body === undefined ? {} : { body });
  const ran = executed;
  executed = undefined;
  expect(res.status, res.text).toBeLessThan(300);
  return ran;
}

const repeated = (ran: string[]) => ran.filter((sql, i) => ran.indexOf(sql) !== i);

describe('statements run outside the write, per request', () => {
  it.each([
    ['GET', 'the service-account list', () => SAS],
    ['GET', 'a service account', () => paths.sa],
    ['GET', 'the credential list', () => paths.creds],
    ['GET', 'a credential', () => paths.cred],
    ['GET', 'a credential’s usage', () => `${paths.cred}/usage`],
    ['GET', 'the org’s credentials', () => '/organizations/acme/credentials'],
    ['GET', 'the org', () => '/organizations/acme'],
    // authenticate runs for /organizations/* and is named again by this route: one token lookup.
    ['GET', 'the caller’s orgs', () => '/organizations'],
    ['PATCH', 'a service account', () => paths.sa],
    ['PATCH', 'a credential', () => paths.cred],
    ['POST', 'a credential', () => paths.creds],
    ['DELETE', 'a credential', () => paths.cred],
  ])('%s %s: none twice', async (method, _what, path) => {
    const body = method === 'GET' || method === 'DELETE' ? undefined : { name: `counted-${method}` };
    const ran = await statements(method, `${path()}?expand=permissions`, body);
    expect(ran.length).toBeGreaterThan(0);
    expect(repeated(ran)).toEqual([]);
  });
});
