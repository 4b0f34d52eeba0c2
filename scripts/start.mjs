// `npm start`: build the SPA when dist/ is missing or older than its sources,
// then run the server (built SPA + /api on PORT, default 8080) in THIS process.
// Loading server/index.ts here through tsx's loader, rather than spawning a
// child, keeps it to one Node process: Ctrl-C and SIGTERM reach the server's
// own shutdown handlers directly, with nothing in between to forward them.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { bin, buildReason, root, run } from './lib.mjs';

process.chdir(root);

const reason = buildReason();
if (reason) {
  console.log(`Building the console (${reason})…`);
  const code = await run([...bin('vite'), 'build', '--logLevel', 'warn']);
  if (code !== 0) {
    console.error('The build failed; not starting the server.');
    process.exit(code);
  }
}

const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(path.join(root, 'server', 'index.ts')).href);
