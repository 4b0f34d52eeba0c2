import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

const META = /<meta\s+name=["']api-base-url["'][^>]*>/i;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Points the SPA at API_BASE_URL through the meta tag it reads at start (replacing or adding it). */
export function injectApiBaseUrl(html: string, apiBaseUrl: string | undefined): string {
  if (apiBaseUrl === undefined) return html;
  const tag = `<meta name="api-base-url" content="${escapeAttribute(apiBaseUrl)}" />`;
  return META.test(html) ? html.replace(META, tag) : html.replace(/<\/head>/i, `    ${tag}\n  </head>`);
}

/**
 * Serves the built SPA from `staticDir`: files as they are, and index.html for any other GET that
 * is not under /api, so client-side routes survive a reload. Reads from disk on each request so a
 * rebuild shows up without a restart. Source maps (*.map) are not served unless asked: they would
 * publish the original source.
 */
export function registerSpa(
  app: Hono<AppEnv>,
  staticDir: string,
  apiBaseUrl: string | undefined,
  options: { serveSourceMaps?: boolean } = {},
): void {
  const root = resolve(staticDir);
  const indexPath = resolve(root, 'index.html');

  const sendIndex = (c: Context<AppEnv>) => {
    if (!existsSync(indexPath)) {
      return c.text(`The console is not built (no ${indexPath}). Run "npm run build", or "npm start" which builds it.`, 404);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(injectApiBaseUrl(readFileSync(indexPath, 'utf8'), apiBaseUrl));
  };

  // serveStatic complains about a missing root at creation, so it is made once the build exists.
  let files: MiddlewareHandler | undefined;
  const staticFiles: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!files && existsSync(root)) {
      files = serveStatic({
        root,
        onFound: (path, ctx) => {
          // Vite fingerprints everything under assets/: those names never change content.
          if (path.startsWith(resolve(root, 'assets'))) ctx.header('Cache-Control', 'public, max-age=31536000, immutable');
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
