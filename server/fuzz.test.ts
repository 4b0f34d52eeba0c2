// Issue 7: malformed requests on every route, for a bounded time, against the server as its own
// process. Whatever arrives: no 5xx, every API error in the error JSON of /api/openapi.json, and the request log
// still exactly one line per request. The seed is printed, so a failure can be replayed.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ErrorBodySchema, ServiceAccountSchema } from '../src/api/schemas';
import { seededRandom, type Random } from './lib/random';
import { buildOpenApiDocument } from './routes/openapi-document';
import { TOKENS } from './test/harness';
import { bearer, rawRequest, REQUEST_LINE, spawnServer, tempDatabasePath, type RawResponse, type ServerProcess } from './test/server-process';

const BUDGET_MS = Number(process.env.FUZZ_MS ?? 12_000);
const MAX_REQUESTS = 6000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let server: ServerProcess;
const ids = { org: 'acme', sa: [] as string[], cred: [] as { sa: string; id: string; clientId: string; secret: string }[] };

beforeAll(async () => {
  server = await spawnServer(tempDatabasePath());
  // Real ids, so requests reach the validation behind the lookups, not only the 404s in front.
  const post = (path: string, body: unknown) =>
    rawRequest(server.url, `/api/organizations/acme${path}`, {
      method: 'POST',
      headers: { ...bearer(TOKENS.admin), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  for (let i = 0; i < 4; i += 1) {
    const sa = ServiceAccountSchema.parse(JSON.parse((await post('/service-accounts', { name: `fuzz-target-${i}` })).text));
    ids.sa.push(sa.id);
    const cred = CredentialCreatedSchema.parse(JSON.parse((await post(`/service-accounts/${sa.id}/credentials`, { name: 'c' })).text));
    ids.cred.push({ sa: sa.id, id: cred.id, clientId: cred.client_id, secret: cred.client_secret });
  }
});
afterAll(() => server.stop());

const JUNK_SEGMENTS = [
  '', '%00', '%0A', '%0D%0A', '%1B%5B2J', '%E2%80%AE', '%FF', '%', '%zz', '..', '%2e%2e', '%2F', 'a'.repeat(300),
  "'%20OR%201=1--", '%22%3E%3Cscript%3E', 'null', 'undefined', '__proto__', 'constructor', '-1', '0', '%C0%AF', '~', '*',
];
const JUNK_QUERY = [
  'limit=0', 'limit=-1', 'limit=1001', 'limit=1e3', 'limit=abc', 'limit=', 'limit=99999999999999999999', 'limit=1&limit=2',
  'after=junk', 'before=junk', 'after=a&before=b', 'after=%00', 'after=' + 'x'.repeat(2000), 'expand=permissions',
  'expand[]=permissions', 'expand=permissions,total_count', 'expand=%0A', 'expand[a]=b', 'unknown=1', '%=%', '&&&', 'a[b][c]=d',
];
const ADMIN = `Bearer ${TOKENS.admin}`;
const AUTH = [
  undefined, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, `Bearer ${TOKENS.viewer}`, `Bearer ${TOKENS.operator}`,
  `Bearer ${TOKENS.globexAdmin}`, 'Bearer', 'Bearer ', 'Bearer junk', `bearer ${TOKENS.admin}`, 'Basic Zm9vOmJhcg==', 'Token x',
  `Bearer ${'x'.repeat(600)}`, 'Basic !!!', 'Basic ' + Buffer.from('sac_x:%zz').toString('base64'), 'Basic ' + Buffer.from(':').toString('base64'),
];
const CONTENT_TYPES = [
  'application/json', 'application/json', 'application/json', 'application/json', 'application/json', 'application/json',
  'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/merge-patch+json', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/jsonx', undefined,
];
const ENCODINGS = [...Array<undefined>(17).fill(undefined), 'identity', 'gzip', 'x-junk'];

function junkString(r: Random): string {
  return r.pick([
    () => 'ok name',
    () => '',
    () => '   ',
    () => 'x'.repeat(r.int(250, 300)),
    () => 'y'.repeat(r.int(1000, 1100)),
    () => String.fromCharCode(r.int(0, 31)) + 'ctl',
    () => 'rtl\u202Eoverride',
    () => 'zero\u200Bwidth',
    () => 'e\u0301',
    () => 'Straße',
    () => '\ud800',
    () => '🔑'.repeat(r.int(1, 200)),
    () => '<script>alert(1)</script>',
    () => "'; DROP TABLE service_accounts; --",
    () => '\n2026-01-01T00:00:00.000Z GET / 200 forged',
  ])();
}

function junkValue(r: Random, depth = 0): unknown {
  const kinds: (() => unknown)[] = [
    () => junkString(r),
    () => r.int(-5, 5),
    () => 1e308 * 10,
    () => null,
    () => true,
    () => [],
  ];
  if (depth < 2) kinds.push(() => ({ name: junkValue(r, depth + 1) }), () => [junkValue(r, depth + 1)]);
  return r.pick(kinds)();
}

function junkBody(r: Random): string | Buffer | undefined {
  return r.pick<() => string | Buffer | undefined>([
    () => undefined,
    () => '',
    () => '{',
    () => 'null',
    () => '"string"',
    () => '[]',
    () => JSON.stringify({ name: junkValue(r) }),
    () => JSON.stringify({ name: junkString(r), description: junkValue(r) }),
    () => JSON.stringify({ name: 'fuzz', extra: 1 }),
    () => JSON.stringify({ description: junkString(r) }),
    () => '{"__proto__":{"admin":true},"name":"proto"}',
    () => '{"name":"a","name":"b"}',
    () => '\uFEFF{"name":"bom"}',
    () => '['.repeat(5000) + ']'.repeat(5000),
    () => '{"name":' + '9'.repeat(400) + '}',
    () => Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    () => JSON.stringify({ name: 'big', description: 'z'.repeat(70 * 1024) }),
    () => 'grant_type=client_credentials',
    () => 'grant_type=password&grant_type=client_credentials',
    () => '%%%=%%%',
  ])();
}

/** Every path of the OpenAPI document, with its parameters filled in (real ids or junk). */
function routes(): { template: string; methods: string[] }[] {
  const doc = buildOpenApiDocument();
  const documented = Object.entries(doc.paths).map(([template, ops]) => ({
    template: `/api${template}`,
    methods: Object.keys(ops as object).map((m) => m.toUpperCase()),
  }));
  // The console's own paths, served by the same process.
  return [...documented, { template: '/', methods: ['GET'] }, { template: '/orgs/{organization_id}/service-accounts', methods: ['GET'] }, { template: '/assets/{file}', methods: ['GET'] }];
}

function buildRequest(r: Random) {
  const route = r.pick(routes());
  const cred = r.pick(ids.cred);
  const method = r.next() < 0.9 ? r.pick(route.methods) : r.pick(['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD']);
  // Deletes mostly miss, so the targets live long enough for the other requests to reach them.
  const valid = r.next() < (method === 'DELETE' ? 0.05 : 0.75);
  const segment = (real: string) => (valid ? real : r.pick([...JUNK_SEGMENTS, real, 'abcdefghijklmnopqrstuvwxyz']));
  let path = route.template
    .replace('{organization_id}', segment(r.pick(['acme', 'globex', ids.org])))
    .replace('{service_account_id}', segment(r.next() < 0.5 ? cred.sa : r.pick(ids.sa)))
    .replace('{credential_id}', segment(cred.id))
    .replace('{file}', segment('app.js.map'));
  if (r.next() < 0.1) path += r.pick(['/', '//', '/extra', '/..', '%2F']);
  if (r.next() < 0.4) path += `?${r.pick(JUNK_QUERY)}${r.next() < 0.3 ? `&${r.pick(JUNK_QUERY)}` : ''}`;
  const headers: Record<string, string> = {};
  const auth = route.template.endsWith('/service-account-token') && r.next() < 0.5
    ? `Basic ${Buffer.from(`${cred.clientId}:${r.next() < 0.3 ? cred.secret : junkString(r).replace(/[^\x20-\x7e]/g, '')}`).toString('base64')}`
    : r.pick(AUTH);
  if (auth) headers.Authorization = auth;
  const type = r.pick(CONTENT_TYPES);
  if (type) headers['Content-Type'] = route.template.endsWith('/service-account-token') && r.next() < 0.5 ? 'application/x-www-form-urlencoded' : type;
  const encoding = r.pick(ENCODINGS);
  if (encoding) headers['Content-Encoding'] = encoding;
  if (r.next() < 0.1) headers['X-Client-Request-ID'] = r.pick(['ok-id-1', 'a b', 'x'.repeat(200), '%0A']);
  const body = method === 'GET' || method === 'HEAD' ? undefined : junkBody(r);
  return { method, path, headers, body };
}

describe('fuzz: malformed requests on every route', () => {
  it(`never answers 5xx, always answers errors in the error JSON, and logs one line per request (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const logBefore = server.stdoutLines().length;
    const problems: string[] = [];
    const requestIds = new Set<string>();
    const statuses = new Map<number, number>();
    let sent = 0;
    const deadline = performance.now() + BUDGET_MS;

    const check = (req: ReturnType<typeof buildRequest>, res: RawResponse) => {
      const where = `${req.method} ${req.path} ${JSON.stringify(req.headers)} ${String(req.body).slice(0, 80)}`;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const requestId = String(res.headers['x-request-id']);
      requestIds.add(requestId);
      if (res.status >= 500) problems.push(`${res.status} for ${where}: ${res.text.slice(0, 200)}`);
      // The server resolves dot segments as URLs do: `/api/organizations/../..` is the console's `/`.
      const resolvedPath = URL.canParse(`http://fuzz.invalid${req.path}`) ? new URL(`http://fuzz.invalid${req.path}`).pathname : req.path;
      const isApi = resolvedPath.startsWith('/api/') || res.headers['content-type']?.startsWith('application/json');
      if (res.status < 400 || !isApi || req.method === 'HEAD') return;
      let body: unknown;
      try {
        body = JSON.parse(res.text);
      } catch {
        problems.push(`not JSON (${res.status}) for ${where}: ${res.text.slice(0, 200)}`);
        return;
      }
      // The token endpoint answers 400/401 in OAuth's shape (RFC 6749 §5.2), which OAuth clients parse.
      const oauth = req.path.startsWith('/api/service-account-token') && (res.status === 400 || res.status === 401);
      if (oauth) {
        if (typeof (body as { error?: unknown }).error !== 'string') problems.push(`bad OAuth error for ${where}: ${res.text}`);
        return;
      }
      const parsed = ErrorBodySchema.safeParse(body);
      if (!parsed.success || parsed.data.status !== res.status || parsed.data.request_id !== requestId) {
        problems.push(`not the error JSON (${res.status}) for ${where}: ${res.text.slice(0, 200)}`);
      }
    };

    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < deadline && sent < MAX_REQUESTS) {
          const req = buildRequest(random);
          sent += 1;
          try {
            check(req, await rawRequest(server.url, req.path, { ...req, agent }));
          } catch (error) {
            problems.push(`request failed: ${req.method} ${req.path}: ${String(error)}`);
          }
        }
      }),
    );
    agent.destroy();

    // The log: exactly one well-formed line per request, each request id once.
    let lines: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      lines = server.stdoutLines().slice(logBefore);
      if (lines.length >= sent) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const logged = new Map<string, number>();
    for (const line of lines) {
      if (!REQUEST_LINE.test(line)) problems.push(`log line not one request: ${JSON.stringify(line.slice(0, 300))}`);
      const id = line.split(' ').pop() ?? '';
      logged.set(id, (logged.get(id) ?? 0) + 1);
    }
    for (const id of requestIds) if (logged.get(id) !== 1) problems.push(`request ${id} logged ${logged.get(id) ?? 0} times`);

    console.info(`fuzz (seed ${SEED}): ${sent} requests in ${(BUDGET_MS / 1000).toFixed(0)} s budget, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${lines.length} log lines`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(lines).toHaveLength(sent);
    expect(requestIds.size).toBe(sent);
    expect(server.stderr()).not.toMatch(/ERROR/);
  }, BUDGET_MS + 30_000);
});
