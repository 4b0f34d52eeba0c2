// Shared by the scripts/bench/*.bench.mjs modules: temporary databases, servers, Chromium, tables.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findChromium, OFFLINE_CHROMIUM_ARGS, root } from '../lib.mjs';
import { BENCH_DISABLED_FEATURES, launchBareChromium as launchBare } from './bare-chromium.mjs';

const cleanups = [];

/** A new temporary directory, removed at the end of the run. */
export function tempDir(prefix = 'sac-bench-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A database with the demo data plus an organization `org` of `serviceAccounts` × `credentialsPerAccount`
 * (the `npm run seed` command). Returns its path.
 */
export function seedDatabase({ org = 'bench', serviceAccounts = 10_000, credentialsPerAccount = 3 } = {}) {
  const databasePath = path.join(tempDir(), 'bench.sqlite');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/seed-cli.ts', '--org', org, '--service-accounts', String(serviceAccounts), '--credentials-per-account', String(credentialsPerAccount)],
    { cwd: root, env: { ...process.env, DATABASE_PATH: databasePath }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`seeding failed:\n${result.stderr}`);
  process.stdout.write(result.stdout);
  return databasePath;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `server/index.ts` on a free port over `databasePath` (demo mode, built console).
 * `env` adds settings, e.g. `{ EXTENSIONS: 'none' }`. Resolves once it answers.
 */
export async function startServer({ databasePath, env = {} }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_PATH: databasePath, DEMO: '1', STATIC_DIR: 'dist', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  cleanups.push(stop);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/dev/principals`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, stop };
}

/** Debian's Chromium through Playwright, with the flags this offline machine needs. */
export async function launchChromium() {
  const { chromium } = await import('@playwright/test');
  const found = findChromium();
  if (found.error) throw new Error(found.error);
  const browser = await chromium.launch({
    executablePath: found.path,
    args: [...OFFLINE_CHROMIUM_ARGS, `--disable-features=${BENCH_DISABLED_FEATURES.join(',')}`],
  });
  cleanups.push(() => browser.close());
  return browser;
}

/** The same Chromium without Playwright: no DevTools domain in the page but Page (bare-chromium.mjs). */
export async function launchBareChromium() {
  const found = findChromium();
  if (found.error) throw new Error(found.error);
  const browser = await launchBare(found.path);
  cleanups.push(() => browser.close());
  return browser;
}

/** localStorage state that signs the console in with a bearer token (see src/api/session.ts). */
export function signedInState(url, token = 'demo-ada-admin') {
  return { cookies: [], origins: [{ origin: url, localStorage: [{ name: 'sac.session', value: JSON.stringify({ token }) }] }] };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: median(sorted), max: sorted[sorted.length - 1], n: sorted.length };
}

/** Prints a Markdown table (so it can go straight into a closing note). */
export function printTable(title, columns, rows) {
  const cells = [columns, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(columns));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of cells.slice(1)) console.log(line(row));
}

export async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
}
