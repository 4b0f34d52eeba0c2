// Helpers shared by the dev, start and test scripts.
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The command that runs a package's CLI with this Node, so it works the same
 * on every platform without a shell or node_modules/.bin shims.
 */
export function bin(pkg, name = pkg) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8'));
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
  if (!entry) throw new Error(`${pkg} has no "${name}" executable: is it installed? Run npm install.`);
  return [process.execPath, path.join(root, 'node_modules', pkg, entry)];
}

/** `npm run <script>` with the npm that launched us when there is one. */
export function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return [process.execPath, npmCli, 'run', '--silent', script];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', 'run', '--silent', script];
}

/** Spawns with inherited stdio; resolves with the exit code (128 + n when killed by a signal). */
export function run([command, ...args], options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

function signalNumber(signal) {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}

/** Newest modification time (ms) of a file or of any file below a directory; 0 when absent. */
export function newestMtime(target) {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

// What the built SPA is made of; package-lock.json so a dependency upgrade rebuilds too.
const BUILD_INPUTS = ['src', 'index.html', 'public', 'vite.config.ts', 'package-lock.json'];

/** Why dist/ must be (re)built, or null when it is up to date. */
export function buildReason() {
  const builtAt = newestMtime(path.join(root, 'dist', 'index.html'));
  if (builtAt === 0) return 'dist/ is missing';
  const stale = BUILD_INPUTS.find((input) => newestMtime(path.join(root, input)) > builtAt);
  return stale ? `${stale} changed since the last build` : null;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The machine has no internet: without these Chromium keeps trying to reach Google's services. */
export const OFFLINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** The Chromium the e2e tests use, or an error message that says how to get one. */
export function findChromium() {
  const chromium = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  try {
    accessSync(chromium, constants.X_OK);
    return { path: chromium };
  } catch {
    return {
      error: `Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    };
  }
}
