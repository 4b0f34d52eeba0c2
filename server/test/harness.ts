// Shared by the API tests: a real server on a free port with its own temporary database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { z } from 'zod';
import type { $ZodType, output } from 'zod/v4/core';
import { DEMO_PERSON } from '../demo-people';
import { startServer, type RunningServer, type StartOptions } from '../start-server';

export const TOKENS = {
  admin: DEMO_PERSON.ada.token,
  operator: DEMO_PERSON.oscar.token,
  viewer: DEMO_PERSON.vera.token,
  globexAdmin: DEMO_PERSON.gina.token,
} as const;

export interface TestServer extends RunningServer {
  dir: string;
  databasePath: string;
  as(token?: string): ApiClient;
}

export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sac-api-test-'));
  const databasePath = join(dir, 'console.sqlite');
  const server = await startServer({
    port: 0,
    logLevel: 'silent',
    staticDir: join(dir, 'no-build'),
    ...options,
    databasePath,
  });
  return {
    ...server,
    dir,
    databasePath,
    as: (token) => apiClient(server.url, token),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ExtensionVariants {
  /** Every extension offered (the local server's default). */
  full: TestServer;
  /** EXTENSIONS=none: behaves as the vendor's hosted API. */
  vendorLike: TestServer;
  /** Only the `usage` extension. */
  usageOnly: TestServer;
}

/** The three servers, started before the file's tests and closed after them (read the fields inside tests). */
export function extensionVariantsForFile(): ExtensionVariants {
  const servers = {} as ExtensionVariants;
  beforeAll(async () => {
    [servers.full, servers.vendorLike, servers.usageOnly] = await Promise.all([
      startTestServer(),
      startTestServer({ extensions: [] }),
      startTestServer({ extensions: ['usage'] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  });
  return servers;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface ApiClient {
  request(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse>;
  get(path: string): Promise<ApiResponse>;
  post(path: string, body: unknown): Promise<ApiResponse>;
  patch(path: string, body: unknown): Promise<ApiResponse>;
  delete(path: string): Promise<ApiResponse>;
}

/** `path` is relative to /api. Objects are sent as JSON; strings are sent as they are. */
export function apiClient(origin: string, token?: string): ApiClient {
  const request: ApiClient['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(`${origin}/api${path}`, { method, body, headers: { ...headers, ...init.headers } });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, { body }),
    patch: (path, body) => request('PATCH', path, { body }),
    delete: (path) => request('DELETE', path),
  };
}

/** Asserts the status and parses the body with a shared schema, failing with the body on mismatch. */
export function expectOk<S extends $ZodType>(res: ApiResponse, status: number, schema: S): output<S> {
  if (res.status !== status) throw new Error(`Expected ${status}, got ${res.status}: ${res.text}`);
  return z.parse(schema, res.body);
}

/**
 * Follows end_cursor from the first page of `path` (which may carry a query) to the last, `limit`
 * items a page, and returns every item in order. Fails on a page without a cursor to follow.
 */
export async function walkPages<S extends $ZodType>(
  client: ApiClient,
  path: string,
  schema: S,
  limit: number,
): Promise<output<S> extends { items: (infer I)[] } ? I[] : never> {
  const items: unknown[] = [];
  const sep = path.includes('?') ? '&' : '?';
  let url = `${path}${sep}limit=${limit}`;
  for (let pages = 0; pages < 100; pages++) {
    const page = expectOk(await client.get(url), 200, schema) as { items: unknown[]; page_info: { has_next_page: boolean; end_cursor?: string | null } };
    items.push(...page.items);
    if (!page.page_info.has_next_page) return items as never;
    if (!page.page_info.end_cursor) throw new Error(`${url}: has_next_page without an end_cursor`);
    url = `${path}${sep}limit=${limit}&after=${encodeURIComponent(page.page_info.end_cursor)}`;
  }
  throw new Error('too many pages');
}

/** A clock tests can move forward. */
export function testClock(start = new Date()) {
  let now = start.getTime();
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Exchanges client credentials at the token endpoint. */
export function exchange(origin: string, clientId: string, clientSecret: string, body = 'grant_type=client_credentials') {
  return fetch(`${origin}/api/service-account-token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  });
}
