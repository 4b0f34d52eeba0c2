import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
// @ts-expect-error -- a plain ES module of the scripts, without type declarations
import { OFFLINE_CHROMIUM_ARGS } from './scripts/lib.mjs';

// This file is evaluated by the runner and again in every worker. The runner
// picks the port and the database and puts them in the environment, which the
// workers inherit, so every process agrees on them.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;

// A port the OS says is free right now (synchronously: config files cannot await).
function freePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

const port = (process.env.E2E_PORT ??= freePort());
// A second server started with EXTENSIONS=none: the API as the vendor hosts it.
const vendorPort = (process.env.E2E_VENDOR_PORT ??= freePort());
// A directory no run has used, so the server starts on an empty database and seeds the demo
// data. The server creates it; e2e/global-teardown.ts removes it.
const databaseDir = (process.env.E2E_DATABASE_DIR ??= path.join(os.tmpdir(), `sac-e2e-${process.pid}-${randomUUID().slice(0, 8)}`));

if (isRunner && !existsSync(path.join(import.meta.dirname, 'dist', 'index.html'))) {
  throw new Error('dist/ is missing: build the console first (`npx vite build`, or `npm run test:e2e` which does both).');
}

const baseURL = `http://127.0.0.1:${port}`;
const vendorBaseURL = `http://127.0.0.1:${vendorPort}`;

function serverCommand(url: string, port: string, database: string, extensions: string) {
  return {
    command: 'node --import tsx server/index.ts',
    url: `${url}/api/dev/principals`,
    env: {
      HOST: '127.0.0.1',
      PORT: port,
      DATABASE_PATH: path.join(databaseDir, database),
      DEMO: '1',
      STATIC_DIR: 'dist',
      EXTENSIONS: extensions,
      // Request lines off; errors still reach the test output through stderr.
      LOG_LEVEL: 'error',
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    // Stop it the way Ctrl-C would, so it closes the database.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores: one worker per core, files in parallel, tests in a file in order.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // scripts/test.mjs reads the JSON report for its summary line.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: OFFLINE_CHROMIUM_ARGS,
    },
  },
  // Every spec runs against the full local server. Against the vendor-like one (EXTENSIONS=none)
  // run the specs of the jobs that have a vendor fallback; `*.ext.spec.ts` covers what exists only
  // with the extensions, `*.vendor.spec.ts` what the console does without them.
  projects: [
    { name: 'extensions', testIgnore: /\.vendor\.spec\.ts$/, use: { baseURL } },
    {
      name: 'vendor',
      testMatch: /(review|service-accounts|credentials|rotation)(\.[\w-]+)?\.spec\.ts$|\.vendor\.spec\.ts$/,
      testIgnore: /\.ext\.spec\.ts$/,
      use: { baseURL: vendorBaseURL },
    },
  ],
  webServer: [
    serverCommand(baseURL, port, 'console.sqlite', 'all'),
    serverCommand(vendorBaseURL, vendorPort, 'vendor.sqlite', 'none'),
  ],
});
