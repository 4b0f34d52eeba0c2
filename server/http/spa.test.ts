import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { startTestServer, type TestServer } from '../test/harness';
import { injectApiBaseUrl } from './spa';

const INDEX = `<!doctype html><html><head><meta charset="UTF-8" /><meta name="api-base-url" content="/api" /><title>SAC</title></head><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>`;

let dist: string;
let server: TestServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'sac-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(join(dist, 'assets', 'app-abc123.js.map'), '{"version":3,"sourcesContent":["the original source"]}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startTestServer({ staticDir: dist, apiBaseUrl: 'https://api.example.com/v1' });
});
afterAll(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('static files and SPA fallback', () => {
  it('serves built files, with long caching for fingerprinted assets', async () => {
    const js = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("app")');
    expect((await fetch(`${server.url}/favicon.svg`)).status).toBe(200);
  });

  it('answers client-side routes with index.html carrying API_BASE_URL', async () => {
    for (const path of ['/', '/index.html', '/sign-in?returnTo=%2F', '/orgs/acme/service-accounts/abc/credentials/def/rotate']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain('<meta name="api-base-url" content="https://api.example.com/v1" />');
      expect(html).not.toContain('content="/api"');
    }
  });

  it('lets the CSP connect to the configured API origin', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' https://api.example.com;");
  });

  it('does not answer missing files or /api paths with index.html', async () => {
    const missing = await fetch(`${server.url}/assets/missing-123.js`);
    expect(missing.status).toBe(404);
    const api = await fetch(`${server.url}/api/definitely/not/here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'not_found' });
    const traversal = await fetch(`${server.url}/assets/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"dependencies"');
  });
});

describe('source maps (issue 7, defect 9)', () => {
  it('are not referenced from the production bundles', () => {
    expect(viteConfig.build?.sourcemap === 'hidden' || !viteConfig.build?.sourcemap).toBe(true);
  });

  it('are not served, unless SERVE_SOURCE_MAPS asks', async () => {
    for (const path of ['/assets/app-abc123.js.map', '/assets/APP-ABC123.JS.MAP', '/assets/missing.js.map']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('the original source');
    }
    const debugging = await startTestServer({ staticDir: dist, serveSourceMaps: true });
    try {
      const res = await fetch(`${debugging.url}/assets/app-abc123.js.map`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('the original source');
    } finally {
      await debugging.close();
    }
  }, 20_000);
});

describe('injectApiBaseUrl', () => {
  it('adds the meta tag when index.html has none, escaping the value', () => {
    const html = injectApiBaseUrl('<html><head><title>x</title></head></html>', 'https://a.example/"><script>');
    expect(html).toContain('<meta name="api-base-url" content="https://a.example/&quot;&gt;&lt;script&gt;" />');
    expect(html.indexOf('api-base-url')).toBeLessThan(html.indexOf('</head>'));
  });

  it('leaves the page alone when API_BASE_URL is not set', () => {
    expect(injectApiBaseUrl(INDEX, undefined)).toBe(INDEX);
  });
});
