import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { firstPageChunk } from './scripts/first-page-chunk.ts';
import { precompress } from './scripts/vite-precompress.ts';

const apiPort = process.env.API_PORT ?? '8080';

export default defineConfig({
  plugins: [react(), precompress()],
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
      checks: { bundlerTimings: false },
      // The first page's code in one chunk (compresses better than Rolldown's eight common chunks).
      output: { codeSplitting: { groups: [{ name: firstPageChunk('index') }] } },
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
    ],
  },
});
