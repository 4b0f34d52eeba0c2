// `npm run bench [-- name ...]`: performance measurements, not part of `npm test`.
// Runs every scripts/bench/*.bench.mjs (or the ones named), one after another. Each module
// default-exports `async (support) => {}` and prints its own tables with `support.printTable`.
// Figures are compared in the same run against a floor (a plain page, a raw query), because
// this machine is shared and noisy.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, buildReason, root, run } from './lib.mjs';
import * as support from './bench/support.mjs';

const wanted = process.argv.slice(2);
const dir = path.join(root, 'scripts', 'bench');
const modules = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.mjs$/, '')))
  .sort();
if (modules.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${readdirSync(dir).filter((f) => f.endsWith('.bench.mjs')).join(', ')}`);
  process.exit(1);
}

const reason = buildReason();
if (reason) {
  console.log(`Building the console (${reason})…`);
  const code = await run([...bin('vite'), 'build', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}

for (const file of modules) {
  console.log(`\n## ${file.replace(/\.bench\.mjs$/, '')}`);
  const { default: bench } = await import(pathToFileURL(path.join(dir, file)).href);
  await bench(support);
}
await support.cleanUp();
