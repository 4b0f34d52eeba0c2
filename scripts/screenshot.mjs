// Retakes docs/screenshot.png (the README's picture): builds when needed, starts
// the server on a free port with a fresh demo database, opens the service
// accounts list as Ada Admin in Chromium at 1280×800, and stops the server.
// Usage: node scripts/screenshot.mjs [path, default /orgs/acme/service-accounts]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium as playwright } from '@playwright/test';
import { bin, buildReason, findChromium, root, run } from './lib.mjs';

const target = process.argv[2] ?? '/orgs/acme/service-accounts';
const browserPath = findChromium();
if (browserPath.error) throw new Error(browserPath.error);

if (buildReason() && (await run([...bin('vite'), 'build', '--logLevel', 'warn'])) !== 0) process.exit(1);

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sac-screenshot-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PORT: String(port), DATABASE_PATH: path.join(dataDir, 'console.sqlite'), DEMO: '1', LOG_LEVEL: 'error' },
});
const baseURL = `http://127.0.0.1:${port}`;

try {
  await new Promise((resolve, reject) => {
    server.on('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    server.stdout.on('data', (chunk) => String(chunk).includes('is running at') && resolve());
  });
  const browser = await playwright.launch({
    executablePath: browserPath.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
    storageState: {
      cookies: [],
      origins: [{ origin: baseURL, localStorage: [{ name: 'sac.session', value: JSON.stringify({ token: 'demo-ada-admin' }) }] }],
    },
  });
  const page = await context.newPage();
  await page.goto(baseURL + target);
  await page.waitForLoadState('networkidle');
  const out = path.join(root, 'docs', 'screenshot.png');
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`Wrote ${path.relative(root, out)} (${target})`);
} finally {
  server.removeAllListeners('exit');
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
