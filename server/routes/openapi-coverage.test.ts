// The OpenAPI document is written beside the routes; this test keeps the two from drifting:
// every route the app serves under /api is documented with its path parameters and a success
// response, and every documented operation is served, with and without the extensions.
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_NAMES, type ExtensionName } from '../../src/api/schemas';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { closeDatabase, openDatabase, type Db } from '../db/database';
import { migrate } from '../db/migrations';
import { buildOpenApiDocument } from './openapi-document';

const UNDOCUMENTED = new Set(['GET /openapi.json']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
}

const databases: Db[] = [];
afterAll(() => databases.forEach(closeDatabase));

function servedOperations(extensions: readonly ExtensionName[], demo: boolean): Set<string> {
  const db = openDatabase(':memory:');
  databases.push(db);
  migrate(db);
  const app = createApp({ db, config: { ...loadConfig({ NODE_ENV: 'test' }), demo, extensions } });
  const served = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/') || route.path.includes('*')) continue;
    // Hono's `:name` and OpenAPI's `{name}` differ in names; compare the shape.
    const shape = route.path.slice('/api'.length).replace(/\/$/, '').replace(/:[^/]+/g, '{}');
    served.add(`${route.method} ${shape || '/'}`);
  }
  for (const op of UNDOCUMENTED) served.delete(op);
  return served;
}

function documentedOperations(extensions: readonly ExtensionName[]) {
  const document = buildOpenApiDocument(extensions);
  const operations = new Map<string, { path: string; operation: Operation }>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) operations.set(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`, { path, operation });
    }
  }
  return operations;
}

describe.each([
  { label: 'all extensions', extensions: [...EXTENSION_NAMES] },
  { label: 'EXTENSIONS=none', extensions: [] },
])('the OpenAPI document with $label', ({ extensions }) => {
  const served = servedOperations(extensions, true);
  const documented = documentedOperations(extensions);

  it('documents every route the server serves, and nothing it does not', () => {
    expect([...documented.keys()].sort()).toEqual([...served].sort());
  });

  it('declares every path parameter and a success response for each operation', () => {
    for (const [key, { path, operation }] of documented) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, key).toEqual(inPath);
      const success = Object.keys(operation.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
      expect(success.length, key).toBeGreaterThan(0);
    }
  });

  it('declares expand on every operation that answers with an organization, service account or credential', () => {
    const withPermissions = new Set(['Organization', 'ServiceAccount', 'Credential']);
    const answering = [...documented].filter(([, { operation }]) =>
      Object.values(operation.responses ?? {}).some((response) =>
        withPermissions.has(JSON.stringify(response).match(/#\/components\/schemas\/(\w+)/)?.[1] ?? ''),
      ),
    );
    // GET and PATCH of each, and POST of a service account.
    expect(answering.map(([key]) => key.split(' ')[0]).sort()).toEqual(['GET', 'GET', 'GET', 'PATCH', 'PATCH', 'POST']);
    for (const [key, { operation }] of answering) {
      expect((operation.parameters ?? []).map((p) => p.name), key).toContain('expand');
    }
  });
});

it('outside demo mode the demo route is neither served nor needed in the document', () => {
  expect(servedOperations([...EXTENSION_NAMES], false).has('GET /dev/principals')).toBe(false);
});
