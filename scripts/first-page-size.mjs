// The JavaScript the first page loads before anything else: the entry script and the
// modulepreloads that dist/index.html names. Shared by `npm test` (the budget check, run
// as a step after the build) and `npm run bench` (sizes by route).
//
// `node scripts/first-page-size.mjs [distDir]` prints the files and exits 1 over budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Issue 13: at most 130 KB (127 KiB) of gzip -9 JavaScript before the first page can render. */
export const FIRST_PAGE_GZIP_BUDGET = 130_000;

/** Paths (relative to distDir, no leading slash) of the entry script and the modulepreloads. */
export function firstPageScripts(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isEntry = /^<script/i.test(tag) && /type=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /rel=["']?modulepreload/i.test(tag);
    const url = tag.match(/(?:src|href)=["']?([^"' >]+)/i)?.[1];
    if ((isEntry || isPreload) && url) files.push(url.replace(/^\//, ''));
  }
  // A script the entry also imports is preloaded too: count it once.
  return [...new Set(files)];
}

/** gzip -9 and brotli (quality 11) sizes in bytes of one file's content. */
export function compressedSize(content) {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Per-file and total sizes of `files` (paths relative to distDir). */
export function measureFiles(distDir, files) {
  const rows = files.map((file) => ({ file, ...compressedSize(readFileSync(path.join(distDir, file))) }));
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

function main() {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  const files = firstPageScripts(distDir);
  if (files.length === 0) {
    console.error(`first-page size: no entry script in ${path.join(distDir, 'index.html')}`);
    process.exit(1);
  }
  const { rows, total } = measureFiles(distDir, files);
  for (const r of rows) console.log(`  ${r.file.padEnd(40)} ${String(r.gzip).padStart(8)} B gzip -9 ${String(r.brotli).padStart(8)} B brotli`);
  const verdict = total.gzip <= FIRST_PAGE_GZIP_BUDGET ? 'within' : 'OVER';
  console.log(`  first page: ${total.gzip} B gzip -9 (${total.brotli} B brotli), ${verdict} the ${FIRST_PAGE_GZIP_BUDGET} B budget`);
  process.exit(total.gzip <= FIRST_PAGE_GZIP_BUDGET ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
