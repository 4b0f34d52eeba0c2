import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { startTestServer, type TestServer } from '../test/harness';
import { injectApiBaseUrl, injectCapabilities, negotiateEncoding } from './spa';

const INDEX = `<!doctype html><html><head><meta charset="UTF-8" /><meta name="api-base-url" content="/api" /><title>SAC</title></head><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>`;

const PACKED_JS = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `row ${i}`))};`;

/** A GET that shows the bytes on the wire (fetch would decode them) and sends exactly `acceptEncoding`. */
function rawGet(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    get(url, { headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

let dist: string;
let server: TestServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'sac-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(join(dist, 'assets', 'app-abc123.js.map'), '{"version":3,"sourcesContent":["the original source"]}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'sw.js'), '// the asset cache worker');
  // What the build's precompress step writes beside a file (scripts/vite-precompress.ts).
  writeFileSync(join(dist, 'assets', 'packed-abc123.js'), PACKED_JS);
  writeFileSync(join(dist, 'assets', 'packed-abc123.js.br'), brotliCompressSync(PACKED_JS));
  writeFileSync(join(dist, 'assets', 'packed-abc123.js.gz'), gzipSync(PACKED_JS));
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

  it('serves the service worker as a script that is revalidated on every update check', async () => {
    const worker = await fetch(`${server.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
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

describe('compressed responses', () => {
  it('sends the precompressed brotli file, else the gzip one, else the file itself', async () => {
    const url = `${server.url}/assets/packed-abc123.js`;
    const br = await rawGet(url, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(PACKED_JS);
    expect(br.body.length).toBeLessThan(PACKED_JS.length);

    const gz = await rawGet(url, 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(PACKED_JS);

    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PACKED_JS);

    for (const res of [br, gz, plain]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toContain('immutable');
    }
  });

  it('compresses index.html as served, with the API base URL already in it', async () => {
    for (const path of ['/', '/orgs/acme/service-accounts']) {
      const br = await rawGet(`${server.url}${path}`, 'gzip, br');
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(br.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(br.body).toString()).toContain('content="https://api.example.com/v1"');

      const gz = await rawGet(`${server.url}${path}`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).toString()).toContain('content="https://api.example.com/v1"');

      const plain = await rawGet(`${server.url}${path}`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.body.toString()).toContain('content="https://api.example.com/v1"');
    }
  });
});

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and respects q-values and *', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(negotiateEncoding('deflate')).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
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

describe('capabilities in the page', () => {
  it('names the extensions in a meta tag, and adds none for a server without them', () => {
    expect(injectCapabilities(INDEX, ['org_credentials', 'usage'])).toContain('<meta name="api-capabilities" content="org_credentials usage" />');
    expect(injectCapabilities(INDEX, [])).toBe(INDEX);
    expect(injectCapabilities(INDEX, undefined)).toBe(INDEX);
  });

  it('is served only when the page talks to this server, and only with extensions', async () => {
    const page = async (options: Parameters<typeof startTestServer>[0]) => {
      const local = await startTestServer({ staticDir: dist, ...options });
      try {
        return await (await fetch(`${local.url}/orgs/acme/service-accounts`)).text();
      } finally {
        await local.close();
      }
    };
    const own = await page({});
    const meta = /<meta name="api-capabilities" content="([^"]*)" \/>/.exec(own);
    // The same list discovery answers with.
    expect(meta?.[1]?.split(' ')).toEqual(['org_credentials', 'service_account_query', 'usage', 'audit_events']);
    expect(await page({ extensions: ['usage'] })).toContain('<meta name="api-capabilities" content="usage" />');
    // Like the vendor's API: the console has to ask (and gets 404).
    expect(await page({ extensions: [] })).not.toContain('api-capabilities');
    // Another API: this server's extensions say nothing about it.
    expect(await page({ apiBaseUrl: 'https://api.example.com/v1' })).not.toContain('api-capabilities');
  }, 20_000);
});
