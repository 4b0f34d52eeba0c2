import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { staticImportsChunk } from './scripts/first-page-chunk.ts';
import { acyclicChunks } from './scripts/vite-acyclic-chunks.ts';
import { assetCache } from './scripts/vite-asset-cache.ts';
import { bootScript } from './scripts/vite-boot-script.ts';
import { precompress } from './scripts/vite-precompress.ts';

const apiPort = process.env.API_PORT ?? '8080';

/**
 * React Router's package exports only its development build (dev warnings on, checked while
 * rendering). Its production build is the same code with them off, which the minifier then
 * removes: the build uses that one (issue 13: ~600 B of the first page's gzip, and less work).
 */
function reactRouterProductionBuild(): Plugin {
  const production = fileURLToPath(import.meta.resolve('react-router')).replace(/([\\/])development([\\/])/, '$1production$2');
  return {
    name: 'sac:react-router-production',
    apply: 'build',
    config: () => ({ resolve: { alias: [{ find: /^react-router$/, replacement: production }] } }),
  };
}

export default defineConfig({
  plugins: [react(), reactRouterProductionBuild(), bootScript(), acyclicChunks(), assetCache(), precompress()],
  server: {
    // changeOrigin: the API server answers only the host names it serves (ALLOWED_HOSTS), and the
    // dev server's own name may not be one of them (`npm run dev -- --host`). Vite checks that one.
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: true } },
  },
  build: {
    // Maps are written for local debugging but not referenced from the bundles, and the server does
    // not serve them (SERVE_SOURCE_MAPS=1 to allow): a public map would publish the source.
    sourcemap: 'hidden',
    // The timing report fires on any build slower than 3 s (a busy 2-core machine) and is not actionable here.
    rolldownOptions: {
      // The landing page's route module is in the entry on purpose (app/routes.tsx), and in the page
      // table's dynamic imports too (pages.ts), like every page: Rolldown warns about that pairing.
      checks: { bundlerTimings: false, ineffectiveDynamicImport: false },
      output: {
        codeSplitting: {
          groups: [
            // The boot script (src/boot.ts) and what it imports: a few KB that must not wait for the entry.
            { name: staticImportsChunk('boot', /[\\/]src[\\/]boot\.ts$/), priority: 4 },
            // The first page's code in one chunk (compresses better than Rolldown's eight common chunks).
            { name: staticImportsChunk('index', /[\\/]index\.html$/), priority: 3 },
            // Code several pages share, in chunks by which pages use it, small ones merged: left to
            // itself Rolldown makes 16 files for the service-account page, and a page's requests
            // queue behind them on the browser's six connections (issue 13). Merging more (10 KB and
            // up) made chunks import each other in a cycle, which acyclicChunks() refuses.
            { name: 'shared', minShareCount: 2, priority: 1, entriesAware: true, entriesAwareMergeThreshold: 5_000 },
          ],
        },
        // A shared chunk's name (and its CSS's) lists every page that uses it: shorten it to "shared".
        chunkFileNames: (chunk) => `assets/${chunk.name.startsWith('shared~') ? 'shared' : '[name]'}-[hash].js`,
        assetFileNames: (asset) => `assets/${asset.names.some((name) => name.startsWith('shared~')) ? 'shared' : '[name]'}-[hash][extname]`,
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['server/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
