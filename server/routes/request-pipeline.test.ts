// Which error a request gets when it is wrong in several ways: the order of the pipeline in
// scope.ts (401, then 404 for the org and for what the path names, then 403, then 400/415), for
// every route and method under /organizations/:org, whoever asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ErrorBodySchema, ServiceAccountSchema } from '../../src/api/schemas';
import { expectOk, startTestServer, TOKENS, type TestServer } from '../test/harness';

let server: TestServer;
const SAS = '/organizations/acme/service-accounts';
const UNKNOWN = 'zzzzzzzzzzzzzzzzzzzzzzzzzz'; // shaped like an id, names nothing
const paths = { sa: '', creds: '', cred: '', otherSa: '' };

beforeAll(async () => {
  server = await startTestServer();
  const admin = server.as(TOKENS.admin);
  const sa = expectOk(await admin.post(SAS, { name: 'pipeline-target' }), 201, ServiceAccountSchema);
  const other = expectOk(await admin.post(SAS, { name: 'pipeline-other' }), 201, ServiceAccountSchema);
  const cred = expectOk(await admin.post(`${SAS}/${sa.id}/credentials`, { name: 'c' }), 201, CredentialCreatedSchema);
  paths.sa = `${SAS}/${sa.id}`;
  paths.creds = `${SAS}/${sa.id}/credentials`;
  paths.cred = `${SAS}/${sa.id}/credentials/${cred.id}`;
  paths.otherSa = `${SAS}/${other.id}`;
});
afterAll(() => server.close());

type Who = keyof typeof TOKENS | 'nobody';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** A body the schema rejects (an unknown field and no known one), so 400 shows where it would win. */
const BAD = { nickname: 'x' };
const TEXT = { 'Content-Type': 'text/plain' };

interface Case {
  who: Who;
  method: Method;
  path: () => string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  message?: string;
}

const ORG_404 = 'Organization not found';
const SA_404 = 'Service account not found';
const CRED_404 = 'Credential not found';

const CASES: Record<string, Case[]> = {
  '401 before anything': [
    { who: 'nobody', method: 'PATCH', path: () => `/organizations/nowhere/service-accounts/${UNKNOWN}`, body: BAD, status: 401 },
    { who: 'nobody', method: 'GET', path: () => paths.cred, status: 401 },
  ],
  '404 for an org the caller is not in, before 403 and 400': [
    { who: 'viewer', method: 'GET', path: () => '/organizations/nowhere/service-accounts', status: 404, message: ORG_404 },
    { who: 'globexAdmin', method: 'PATCH', path: () => paths.sa, body: BAD, status: 404, message: ORG_404 },
    { who: 'globexAdmin', method: 'DELETE', path: () => paths.cred, status: 404, message: ORG_404 },
    { who: 'globexAdmin', method: 'GET', path: () => '/organizations/acme/credentials?sort=bogus', status: 404, message: ORG_404 },
    { who: 'globexAdmin', method: 'GET', path: () => '/organizations/acme/audit-events?action=bogus', status: 404, message: ORG_404 },
  ],
  '404 for an unknown service account, even to a viewer, before 403 and 400': [
    { who: 'viewer', method: 'GET', path: () => `${SAS}/${UNKNOWN}`, status: 404, message: SA_404 },
    { who: 'viewer', method: 'GET', path: () => `${SAS}/not-an-id`, status: 404, message: SA_404 },
    { who: 'viewer', method: 'PATCH', path: () => `${SAS}/${UNKNOWN}`, body: BAD, status: 404, message: SA_404 },
    { who: 'viewer', method: 'DELETE', path: () => `${SAS}/${UNKNOWN}`, status: 404, message: SA_404 },
    { who: 'viewer', method: 'POST', path: () => `${SAS}/${UNKNOWN}/credentials`, body: BAD, status: 404, message: SA_404 },
    { who: 'viewer', method: 'GET', path: () => `${SAS}/${UNKNOWN}/credentials?limit=0`, status: 404, message: SA_404 },
    // The service account is looked up before the credential.
    { who: 'viewer', method: 'PATCH', path: () => `${SAS}/${UNKNOWN}/credentials/${UNKNOWN}`, body: BAD, status: 404, message: SA_404 },
    { who: 'viewer', method: 'GET', path: () => `${SAS}/${UNKNOWN}/credentials/${UNKNOWN}/usage?bucket=bogus`, status: 404, message: SA_404 },
  ],
  '404 for an unknown credential, even to a viewer, before 403 and 400': [
    { who: 'viewer', method: 'GET', path: () => `${paths.creds}/${UNKNOWN}`, status: 404, message: CRED_404 },
    { who: 'viewer', method: 'PATCH', path: () => `${paths.creds}/${UNKNOWN}`, body: BAD, status: 404, message: CRED_404 },
    { who: 'viewer', method: 'DELETE', path: () => `${paths.creds}/not-an-id`, status: 404, message: CRED_404 },
    { who: 'viewer', method: 'GET', path: () => `${paths.creds}/${UNKNOWN}/usage?bucket=bogus`, status: 404, message: CRED_404 },
    // A credential exists only under its own service account.
    { who: 'admin', method: 'PATCH', path: () => `${paths.otherSa}/credentials/${paths.cred.split('/').pop()}`, body: BAD, status: 404, message: CRED_404 },
  ],
  '403 for a member without the right, before 400 and 415': [
    { who: 'viewer', method: 'POST', path: () => SAS, body: BAD, status: 403 },
    { who: 'viewer', method: 'PATCH', path: () => paths.sa, body: BAD, status: 403 },
    { who: 'viewer', method: 'PATCH', path: () => paths.sa, body: 'not json', status: 403 },
    { who: 'viewer', method: 'PATCH', path: () => paths.cred, body: 'name=x', headers: TEXT, status: 403 },
    { who: 'operator', method: 'PATCH', path: () => paths.sa, body: BAD, status: 403 },
    { who: 'operator', method: 'DELETE', path: () => paths.sa, status: 403 },
    { who: 'viewer', method: 'POST', path: () => paths.creds, body: BAD, status: 403 },
    { who: 'viewer', method: 'PATCH', path: () => paths.cred, body: BAD, status: 403 },
    { who: 'viewer', method: 'DELETE', path: () => paths.cred, status: 403 },
  ],
  '400 or 415 once the caller may act': [
    { who: 'viewer', method: 'GET', path: () => `${SAS}?limit=0`, status: 400 },
    { who: 'viewer', method: 'GET', path: () => `${paths.creds}?limit=0`, status: 400 },
    { who: 'viewer', method: 'GET', path: () => `${paths.cred}/usage?bucket=bogus`, status: 400 },
    { who: 'viewer', method: 'GET', path: () => '/organizations/acme/credentials?sort=bogus', status: 400 },
    { who: 'viewer', method: 'GET', path: () => '/organizations/acme/credentials/stats?idle_after_days=-1', status: 400 },
    { who: 'viewer', method: 'GET', path: () => '/organizations/acme/audit-events?action=bogus', status: 400 },
    { who: 'admin', method: 'POST', path: () => SAS, body: BAD, status: 400 },
    { who: 'admin', method: 'PATCH', path: () => paths.sa, body: BAD, status: 400 },
    { who: 'operator', method: 'POST', path: () => paths.creds, body: BAD, status: 400 },
    { who: 'operator', method: 'PATCH', path: () => paths.cred, body: BAD, status: 400 },
    { who: 'admin', method: 'PATCH', path: () => paths.cred, body: 'not json', status: 400 },
    { who: 'admin', method: 'PATCH', path: () => paths.cred, body: 'name=x', headers: TEXT, status: 415 },
  ],
};

describe.each(Object.entries(CASES))('%s', (_title, cases) => {
  it.each(cases.map((c) => [`${c.who} ${c.method} ${c.path.toString().replace(/^\(\) => /, '')}`, c] as const))('%s', async (_label, c) => {
    const client = server.as(c.who === 'nobody' ? undefined : TOKENS[c.who]);
    const res = await client.request(c.method, c.path(), { body: c.body, headers: c.headers });
    expect(res.status, res.text).toBe(c.status);
    const error = ErrorBodySchema.parse(res.body);
    expect(error.status).toBe(c.status);
    if (c.message) expect(error.message).toBe(c.message);
  });
});
