// Component tests' one stand-in for the API: the real server app (server/app.ts) over an
// in-memory SQLite database seeded with the demo data, answering the test's `fetch`. Requests go
// through the server's routing, validation, authorization and error JSON, so a test cannot pass
// against an answer the server would never give (an id it rejects, a missing PATCH).
//
//   const server = setupTestServer();                 // a fresh database per test, signed in as Ada
//   it('…', async () => {
//     const org = server.addOrganization();        // an empty organization, for exact contents
//     const sa = server.addServiceAccount(org, { name: 'billing' });
//     render(…);
//     expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
//   });
//
// What the real server cannot be made to do on demand (a 500, a lost response, a request that
// hangs until the user moves on) is the only thing simulated, with `failNext` and `hold`.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, vi } from 'vitest';
import { createApp } from '../../server/app';
import { hashSecret, newClientId, newClientSecret, secretMatches } from '../../server/auth/tokens';
import type { Config } from '../../server/config';
import { findSecretHashByClientId, insertCredential } from '../../server/db/credentials';
import { closeDatabase, openDatabase, type Db } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { insertOrganization } from '../../server/db/organizations';
import { insertPersonToken } from '../../server/db/access-tokens';
import { findPersonByEmail, insertPerson, setMembership } from '../../server/db/people';
import { insertServiceAccount } from '../../server/db/service-accounts';
import { addUsage, bucketStart, setUsageSource, type UsageSourceRow } from '../../server/db/usage';
import { DEMO_PERSON, type DemoPersonName } from '../../server/demo-people';
import { newId } from '../../server/lib/ids';
import { seedDemo } from '../../server/seed';
import { clearSession, setSessionToken } from '../api/session';
import { EXTENSION_NAMES, type ExtensionName, type Role } from '../api/schemas';

export { DEMO_PERSON, type DemoPersonName };

export interface RecordedRequest {
  method: string;
  /** As the console's API module names it: without the `/api` prefix and the query string. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

/** Matched against the path with its query string (`/organizations/acme/service-accounts?limit=10`); a string matches where it is contained. */
type PathMatch = string | RegExp;

interface FailureBody {
  message?: string;
  /** Per-field errors, as the server sends them for a body it rejects. */
  details?: { field: string; message: string }[];
}

interface Failure extends FailureBody {
  method: string;
  path: PathMatch;
  status: number;
  afterApply: boolean;
}

interface Edit {
  method: string;
  path: PathMatch;
  edit: (body: never) => unknown;
}

interface Hold {
  method: string;
  path: PathMatch;
  released: Promise<void>;
}

export interface TestServerOptions {
  /** Who the console is signed in as at the start of each test (`null`: nobody). Default Ada (org_admin in acme). */
  signedInAs?: DemoPersonName | null;
  /** The extensions the server offers (`[]`: the vendor's API, /capabilities answers 404). Default: all. */
  extensions?: readonly ExtensionName[];
  /** Demo mode (GET /dev/principals lists the demo people). Default: on. */
  demo?: boolean;
}

const matches = (pattern: PathMatch, path: string) =>
  typeof pattern === 'string' ? path.includes(pattern) : pattern.test(path);

function configFor({ extensions = EXTENSION_NAMES, demo = true }: TestServerOptions): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databasePath: ':memory:',
    demo,
    staticDir: '/nonexistent',
    logLevel: 'silent',
    apiBaseUrl: undefined,
    tokenTtlSeconds: 3600,
    extensions,
    trustProxy: 0,
    allowedHosts: [],
    serveSourceMaps: false,
  };
}

const ERROR_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The contract's error JSON, or for status 0 a dropped connection (fetch rejects, as it does). */
function simulatedFailure({ status, message = `Simulated ${status}`, details }: Failure): Response {
  if (status === 0) throw new TypeError('fetch failed');
  const code = ERROR_CODES[status] ?? (status >= 500 ? 'internal' : 'invalid_request');
  return new Response(JSON.stringify({ status, code, message, ...(details ? { details } : {}) }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

// Migrating and seeding take a good part of a second on a busy machine: done once per test file,
// then every test gets its own in-memory copy.
let seeded: Buffer | undefined;
function freshDatabase(): Db {
  if (!seeded) {
    const template = openDatabase(':memory:');
    migrate(template);
    seedDemo(template, new Date());
    seeded = template.serialize();
    template.close();
  }
  const db = new Database(seeded);
  db.pragma('foreign_keys = ON');
  return db;
}

export class TestServer {
  /** The server's database: arrange what the API cannot (timestamps, thousands of rows) here. */
  db!: Db;
  /** Every request the console sent, in order. */
  requests: RecordedRequest[] = [];
  /** The most requests that were in flight at once. */
  mostInFlight = 0;
  private inFlight = 0;
  private app!: ReturnType<typeof createApp>;
  private failures: Failure[] = [];
  private holds: Hold[] = [];
  private edits: Edit[] = [];
  private organizations = 0;

  constructor(private readonly options: TestServerOptions = {}) {}

  start(): void {
    this.db = freshDatabase();
    this.app = createApp({ db: this.db, config: configFor(this.options) });
    this.requests = [];
    this.mostInFlight = 0;
    this.inFlight = 0;
    this.failures = [];
    this.holds = [];
    this.edits = [];
    vi.stubGlobal('fetch', vi.fn<typeof fetch>((input, init) => this.fetch(input, init)));
    const who = this.options.signedInAs === undefined ? 'ada' : this.options.signedInAs;
    if (who) setSessionToken(DEMO_PERSON[who].token);
    else clearSession();
  }

  stop(): void {
    vi.unstubAllGlobals();
    clearSession();
    closeDatabase(this.db);
  }

  signIn(who: DemoPersonName): void {
    setSessionToken(DEMO_PERSON[who].token);
  }

  /**
   * The next request with this method and path is answered with `status` and the contract's error
   * JSON instead of reaching the server, for failures the real server cannot be made to produce
   * (status 0: the connection drops and fetch rejects). `afterApply`: the server handles the
   * request first, then its response is lost.
   */
  failNext(method: string, path: PathMatch, status: number, options: FailureBody & { afterApply?: boolean } = {}): void {
    this.failures.push({ ...options, method, path, status, afterApply: options.afterApply ?? false });
  }

  /**
   * Edits the body of the server's next answer to a matching request, for answers another server
   * may give and this one does not (a vendor's list without a permissions map, a role this server
   * has no name for). Every edit says in its test what it changes.
   */
  editNext<T>(method: string, path: PathMatch, edit: (body: T) => unknown): void {
    this.edits.push({ method, path, edit: edit as (body: never) => unknown });
  }

  /** Holds the next matching request until `release()`; aborting it meanwhile rejects it, as fetch does. */
  hold(method: string, path: PathMatch): { release: () => void } {
    let release!: () => void;
    this.holds.push({ method, path, released: new Promise<void>((resolve) => (release = resolve)) });
    return { release };
  }

  /** Calls the API as a demo person (Ada by default), for arranging data the way the console would. */
  async call<T = unknown>(method: string, path: string, body?: unknown, as: DemoPersonName = 'ada'): Promise<T> {
    const response = await this.app.fetch(
      new Request(`http://localhost/api${path}`, {
        method,
        headers: {
          Host: 'localhost',
          Authorization: `Bearer ${DEMO_PERSON[as].token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * A new, empty organization whose members have the roles they have in acme (Ada org_admin,
   * Oscar sa_operator, Vera org_viewer), for tests that need exact contents. Returns its label, or
   * its id when it has none (`label: null`); either names it in a path.
   */
  addOrganization(label: string | null = `test-org-${++this.organizations}`): string {
    const at = new Date().toISOString();
    const name = label ?? `Unlabelled ${++this.organizations}`;
    const org = insertOrganization(this.db, { id: newId(), label, name, created_at: at, updated_at: at });
    for (const person of Object.values(DEMO_PERSON)) {
      const role = person.memberships.find((m) => m.org === 'acme')?.role as Role | undefined;
      const row = findPersonByEmail(this.db, person.email);
      if (role && row) setMembership(this.db, row.id, org.id, role, at);
    }
    return label ?? org.id;
  }

  /** Someone who is not a demo person, signing in with `token`, member of the organizations given (none: of no organization). */
  addPerson(token: string, memberships: Record<string, Role> = {}): void {
    const at = new Date().toISOString();
    const id = newId();
    insertPerson(this.db, { id, name: `Person ${id.slice(0, 6)}`, email: `${id}@test.example`, created_at: at });
    insertPersonToken(this.db, hashSecret(token), id, at);
    for (const [ref, role] of Object.entries(memberships)) setMembership(this.db, id, this.organizationId(ref), role, at);
  }

  addServiceAccount(orgLabel: string, fields: { name: string; description?: string; created_at?: string }) {
    return insertServiceAccount(this.db, {
      id: newId(),
      organization_id: this.organizationId(orgLabel),
      name: fields.name,
      description: fields.description ?? null,
      created_at: fields.created_at ?? new Date().toISOString(),
    });
  }

  /** A credential with the times (and client id) the test needs; its secret is returned for `exchange`. */
  addCredential(
    serviceAccountId: string,
    fields: { name: string; description?: string; client_id?: string; created_at?: string; last_used_at?: string | null },
  ) {
    const secret = newClientSecret();
    const row = insertCredential(this.db, {
      id: newId(),
      service_account_id: serviceAccountId,
      client_id: fields.client_id ?? newClientId(),
      secret_hash: hashSecret(secret),
      name: fields.name,
      description: fields.description ?? null,
      created_at: fields.created_at ?? new Date().toISOString(),
      last_used_at: fields.last_used_at ?? null,
    });
    return { ...row, secret };
  }

  /** A client exchanging the credential for an access token at the real token endpoint (a use). */
  async exchange(credential: { client_id: string; secret: string }): Promise<void> {
    const basic = btoa(`${encodeURIComponent(credential.client_id)}:${encodeURIComponent(credential.secret)}`);
    const response = await this.app.fetch(
      new Request('http://localhost/api/service-account-token', {
        method: 'POST',
        headers: { Host: 'localhost', Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      }),
    );
    if (!response.ok) throw new Error(`token exchange: ${response.status} ${await response.text()}`);
  }

  /** Whether `secret` is the one stored (as a hash) for the client id. */
  isSecretOf(clientId: string, secret: string): boolean {
    return secretMatches(secret, findSecretHashByClientId(this.db, clientId)?.secret_hash);
  }

  /** `count` uses of the credential in the hour and day holding `at`. */
  addUsage(credentialId: string, count: number, at = new Date()): void {
    addUsage(this.db, credentialId, 'hour', bucketStart('hour', at), count);
    addUsage(this.db, credentialId, 'day', bucketStart('day', at), count);
  }

  /** Where the credential's last use came from, as the token endpoint records it. */
  setLastUseSource(credentialId: string, source: UsageSourceRow): void {
    setUsageSource(this.db, credentialId, source);
  }

  private organizationId(label: string): string {
    const row = this.db.prepare('SELECT id FROM organizations WHERE label = ? OR id = ?').get(label, label) as { id: string } | undefined;
    if (!row) throw new Error(`No organization ${label}`);
    return row.id;
  }

  private async fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    try {
      return await this.answer(input, init);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async answer(input: RequestInfo | URL, init: RequestInit): Promise<Response> {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^\/api/, '');
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const signal = init.signal ?? undefined;
    this.requests.push({ method, path, query: url.searchParams, headers: new Headers(init.headers), body, signal });

    // Let React commit between requests, as a real network would.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const target = `${path}${url.search}`;
    const holdIndex = this.holds.findIndex((h) => h.method === method && matches(h.path, target));
    if (holdIndex >= 0) {
      const [hold] = this.holds.splice(holdIndex, 1);
      await Promise.race([hold!.released, abortion(signal)]);
    }
    if (signal?.aborted) throw signal.reason;

    const failureIndex = this.failures.findIndex((f) => f.method === method && matches(f.path, target));
    const failure = failureIndex >= 0 ? this.failures.splice(failureIndex, 1)[0] : undefined;
    if (failure && !failure.afterApply) return simulatedFailure(failure);
    // The signal is the test environment's (jsdom), which the server's Request does not accept.
    const headers = new Headers(init.headers);
    headers.set('Host', url.host);
    const response = await this.app.fetch(new Request(url, { method, headers, body: init.body as BodyInit | null | undefined }));
    if (failure) return simulatedFailure(failure);
    const editIndex = this.edits.findIndex((e) => e.method === method && matches(e.path, target));
    if (editIndex < 0) return response;
    const [{ edit }] = this.edits.splice(editIndex, 1) as [Edit];
    const edited = edit((await response.json()) as never);
    return new Response(JSON.stringify(edited), { status: response.status, headers: response.headers });
  }
}

function abortion(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A fresh server (database, request log, session) for every test of the file or `describe`. */
export function setupTestServer(options: TestServerOptions = {}): TestServer {
  const server = new TestServer(options);
  beforeEach(() => server.start());
  afterEach(() => server.stop());
  return server;
}
