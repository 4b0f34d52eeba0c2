import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sets `<meta name="{name}">` to `content`, replacing the tag or adding it before `</head>`. */
function injectMeta(html: string, name: string, content: string): string {
  const existing = new RegExp(`<meta\\s+name=["']${name}["'][^>]*>`, 'i');
  const tag = `<meta name="${name}" content="${escapeAttribute(content)}" />`;
  return existing.test(html) ? html.replace(existing, tag) : html.replace(/<\/head>/i, `    ${tag}\n  </head>`);
}

/** Points the SPA at API_BASE_URL through the meta tag it reads at start (replacing or adding it). */
export function injectApiBaseUrl(html: string, apiBaseUrl: string | undefined): string {
  return apiBaseUrl === undefined ? html : injectMeta(html, 'api-base-url', apiBaseUrl);
}

/**
 * Tells the SPA this server's extensions in the page itself, so the first page's requests do not
 * wait for a discovery round trip (issue 13). Only when the SPA talks to this server (no
 * API_BASE_URL) and it offers extensions: a server without them behaves as the vendor's API,
 * whose console asks `/api/capabilities` and gets 404.
 */
export function injectCapabilities(html: string, extensions: readonly string[] | undefined): string {
  return extensions && extensions.length > 0 ? injectMeta(html, 'api-capabilities', extensions.join(' ')) : html;
}

type Encoding = 'br' | 'gzip';

/**
 * The best encoding the client accepts (brotli, then gzip), or undefined for none. Honours q-values,
 * so `br;q=0` rules brotli out; `*` stands for any encoding not named.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return undefined;
}

/** index.html as served (API base URL injected) and compressed, built once per build of the console. */
type IndexVariants = { version: string; html: string; br: Buffer; gzip: Buffer };

/**
 * Serves the built SPA from `staticDir`: files as they are, and index.html for any other GET that
 * is not under /api, so client-side routes survive a reload. Text files go out precompressed
 * (`.br`/`.gz` written by the build, see scripts/vite-precompress.ts) when the client accepts it.
 * index.html is rewritten here, so its compressed forms are made here: once at start and again
 * only when a rebuild changes the file, so a rebuild shows up without a restart. Source maps
 * (*.map) are not served unless asked: they would publish the original source.
 */
export function registerSpa(
  app: Hono<AppEnv>,
  staticDir: string,
  apiBaseUrl: string | undefined,
  options: { serveSourceMaps?: boolean; extensions?: readonly string[] } = {},
): void {
  const root = resolve(staticDir);
  const indexPath = resolve(root, 'index.html');

  let index: IndexVariants | undefined;
  const currentIndex = (): IndexVariants | undefined => {
    const stats = statSync(indexPath, { throwIfNoEntry: false });
    if (!stats) return undefined;
    const version = `${stats.mtimeMs}:${stats.size}`;
    if (index?.version !== version) {
      const built = readFileSync(indexPath, 'utf8');
      const html = injectCapabilities(injectApiBaseUrl(built, apiBaseUrl), apiBaseUrl === undefined ? options.extensions : undefined);
      index = {
        version,
        html,
        br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        gzip: gzipSync(html, { level: 9 }),
      };
    }
    return index;
  };
  currentIndex();

  const sendIndex = (c: Context<AppEnv>) => {
    const variants = currentIndex();
    if (!variants) {
      return c.text(`The console is not built (no ${indexPath}). Run "npm run build", or "npm start" which builds it.`, 404);
    }
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return c.html(variants.html);
    c.header('Content-Encoding', encoding);
    c.header('Content-Type', 'text/html; charset=UTF-8');
    return c.body(new Uint8Array(variants[encoding]));
  };

  // serveStatic complains about a missing root at creation, so it is made once the build exists.
  let files: MiddlewareHandler | undefined;
  const staticFiles: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!files && existsSync(root)) {
      files = serveStatic({
        root,
        // Sends file.br or file.gz (with Content-Encoding and Vary) when it exists and is accepted.
        precompressed: true,
        onFound: (path, ctx) => {
          // Vite fingerprints everything under assets/: those names never change content.
          if (path.startsWith(resolve(root, 'assets'))) ctx.header('Cache-Control', 'public, max-age=31536000, immutable');
          // The service worker (scripts/vite-asset-cache.ts) names this build's files: always the current one.
          else if (path === resolve(root, 'sw.js')) ctx.header('Cache-Control', 'no-cache');
          // The same URL has other encodings: caches must key on Accept-Encoding even for the plain one.
          if (COMPRESSED_FORMS.test(path) || existsSync(`${path}.br`) || existsSync(`${path}.gz`)) {
            if (!ctx.res.headers.get('Vary')) ctx.header('Vary', 'Accept-Encoding');
          }
        },
      });
    }
    return files ? files(c, next) : next();
  };

  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  if (!options.serveSourceMaps) {
    app.use('*', async (c, next) => (c.req.path.toLowerCase().endsWith('.map') ? c.text('Not found', 404) : next()));
  }
  app.use('*', staticFiles);
  app.get('*', (c) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    // A missing file (has an extension) is a 404; anything else is a client-side route.
    if (lastSegment.includes('.')) return c.text('Not found', 404);
    return sendIndex(c);
  });
}

const COMPRESSED_FORMS = /\.(?:br|gz)$/;
