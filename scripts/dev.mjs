// `npm run dev`: the API server (restarted on change by tsx watch) and the Vite
// dev server with HMR, which proxies /api to it (see vite.config.ts). One
// command; Ctrl-C stops both. Extra arguments go to Vite (`npm run dev -- --host`).
import { spawn } from 'node:child_process';
import { bin, root } from './lib.mjs';

const apiPort = process.env.API_PORT ?? '8787';
const env = { ...process.env, API_PORT: apiPort };

const children = [
  start('api', [...bin('tsx'), 'watch', '--clear-screen=false', 'server/index.ts'], { ...env, PORT: apiPort }),
  start('web', [...bin('vite'), ...process.argv.slice(2)], env),
];

let stopping = false;
let exitCode = 0;

function start(label, [command, ...args], childEnv) {
  const child = spawn(command, args, { cwd: root, env: childEnv, stdio: 'inherit' });
  child.label = label;
  child.on('exit', (code, signal) => {
    child.exited = true;
    if (!stopping) {
      // One half without the other is not a working dev setup: stop everything.
      console.error(`\n[dev] the ${label} server exited (${signal ?? `code ${code}`}); stopping.`);
      exitCode = code || 1;
      stop('SIGTERM');
    }
    if (children.every((c) => c.exited)) process.exit(exitCode);
  });
  return child;
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  const alive = () => children.filter((c) => !c.exited);
  // Ctrl-C in a terminal already reached the children (same process group);
  // forward only to those still running after a grace period, so nobody gets
  // the signal twice, yet `kill <this pid>` still stops everything.
  setTimeout(() => alive().forEach((c) => c.kill(signal === 'SIGINT' ? 'SIGTERM' : signal)), 3000).unref();
  setTimeout(() => alive().forEach((c) => c.kill('SIGKILL')), 8000).unref();
  if (signal !== 'SIGINT') alive().forEach((c) => c.kill(signal));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    exitCode = 0;
    stop(signal);
  });
}

console.log(
  `[dev] API server on port ${apiPort} (demo mode ${process.env.DEMO === '0' ? 'off' : 'on'}). ` +
    'Open the Vite URL printed below: it serves the console with hot reload and proxies /api to the API server.',
);
