// Extensions org_credentials and service_account_query at 300,000 credentials in one organization
// (100,000 service accounts × 3): server time of a page of 200 at every sort and filter, and of
// the stats, against floors measured in the same run (GET /api/capabilities, the vendor's plain
// credential page, and a raw SELECT of 200 rows). Budgets (issue 9): a page ≤ 20 ms, the stats
// ≤ 150 ms, judged on the median of RUNS requests (p95 shown too: on this shared machine a single
// request can lose the CPU for tens of milliseconds). Seeding the organization takes most of the
// run (about 7 minutes on the shared 2-core machine; the measurements under a minute and a half).
//
// Server time is what the server itself logs for the request (from the first middleware to the
// response being ready), matched by X-Request-ID, so HTTP and JSON parsing in this process do
// not count.
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { root } from '../lib.mjs';

const RUNS = 15;
const PAGE = 200;
const DAY = 24 * 60 * 60 * 1000;

async function startLoggingServer({ databasePath, freePort }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_PATH: databasePath, DEMO: '1', STATIC_DIR: 'dist', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // "GET /api/... 200 3.4ms <request id>"
  const times = new Map();
  const waiting = new Map();
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const match = / (\d+(?:\.\d+)?)ms ([0-9a-f-]{36})$/.exec(line);
    if (!match) return;
    const [, ms, id] = match;
    const resolve = waiting.get(id);
    if (resolve) {
      waiting.delete(id);
      resolve(Number(ms));
    } else times.set(id, Number(ms));
  });
  const serverTime = (id) =>
    times.has(id)
      ? Promise.resolve(times.get(id))
      : new Promise((resolve, reject) => {
          waiting.set(id, resolve);
          setTimeout(() => reject(new Error(`no log line for request ${id}`)), 10_000);
        });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/capabilities`)).ok) break;
    } catch {
      // not listening yet (the first start migrates the database)
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, serverTime, stop };
}

export default async function bench({ seedDatabase, freePort, summarize, printTable, tempDir }) {
  const seeding = performance.now();
  // BENCH_BIG_ORG_DATABASE=file skips the seeding while working on the queries: a copy of a
  // database seeded once as below (`DATABASE_PATH=file npm run seed -- --org big
  // --service-accounts 100000 --credentials-per-account 3`). The server migrates the copy.
  const reused = process.env.BENCH_BIG_ORG_DATABASE;
  const databasePath = reused ? path.join(tempDir(), 'big.sqlite') : seedDatabase({ org: 'big', serviceAccounts: 100_000, credentialsPerAccount: 3 });
  if (reused) copyFileSync(reused, databasePath);
  else console.log(`Seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s.`);
  const server = await startLoggingServer({ databasePath, freePort });
  try {
    await run(server, databasePath, { summarize, printTable });
  } finally {
    await server.stop();
  }
}

async function run(server, databasePath, { summarize, printTable }) {
  const headers = { Authorization: 'Bearer demo-ada-admin' };
  const api = `${server.url}/api/organizations/big`;

  async function get(target) {
    const res = await fetch(target, { headers });
    const body = await res.json();
    if (!res.ok) throw new Error(`${res.status} ${target}: ${JSON.stringify(body)}`);
    return { body, ms: await server.serverTime(res.headers.get('x-request-id')) };
  }
  const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(0.95 * values.length) - 1)];
  async function measure(target) {
    await get(target); // warm: statement compiled, pages cached
    const values = [];
    let body;
    for (let i = 0; i < RUNS; i++) ({ body, ms: values[i] } = await get(target));
    return { ...summarize(values), p95: p95(values), body };
  }

  // Floors, in the same run.
  const capabilitiesFloor = await measure(`${server.url}/api/capabilities`);
  const sa = (await get(`${api}/service-accounts?limit=1`)).body.items[0];
  const vendorFloor = await measure(`${api}/service-accounts/${sa.id}/credentials?limit=${PAGE}`);
  const vendorSaFloor = await measure(`${api}/service-accounts?limit=${PAGE}`);
  const require = createRequire(path.join(root, 'package.json'));
  const Database = require('better-sqlite3');
  const raw = new Database(databasePath, { readonly: true });
  const rawTimes = [];
  const rawSelect = raw.prepare('SELECT * FROM credentials LIMIT 200');
  rawSelect.all();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    rawSelect.all();
    rawTimes.push(performance.now() - started);
  }
  const rawFloor = { ...summarize(rawTimes), p95: p95(rawTimes) };
  const leaked = raw.prepare(`SELECT client_id FROM credentials c JOIN service_accounts sa ON sa.id = c.service_account_id
    JOIN organizations o ON o.id = sa.organization_id WHERE o.label = 'big' LIMIT 1 OFFSET 123456`).pluck().get();
  raw.close();

  const now = Date.now();
  const iso = (days) => new Date(now - days * DAY).toISOString();
  const FILTERS = [
    ['(none)', ''],
    ['never_used=true', 'never_used=true'],
    ['never_used=false', 'never_used=false'],
    ['last_used_before=−90d (stale)', `last_used_before=${iso(90)}`],
    ['last_used_after=−1d', `last_used_after=${iso(1)}`],
    ['created_after=−7d', `created_after=${iso(7)}`],
    ['created_before=−365d', `created_before=${iso(365)}`],
    ['service_account_id', `service_account_id=${sa.id}`],
    ['q=exact client_id', `q=${leaked}`],
    ['q=client_id fragment', `q=${leaked.slice(4, 14)}`],
    ['q=load-test-0123 (~300 rows)', 'q=load-test-0123'],
    ['q=load-test-01 (~30,000 rows)', 'q=load-test-01'],
    ['q=load-test (all rows)', 'q=load-test'],
    ['q=ci (2 chars)', 'q=ci'],
    ['never_used=false + created_before + q', `never_used=false&created_before=${iso(120)}&q=load-test-02`],
  ];
  const SORTS = ['created_at', 'last_used_at', 'name', 'service_account_name'];
  const fmt = (n) => n.toFixed(1);
  const verdict = (s, budget) => (budget === undefined ? '' : s.median <= budget ? 'ok' : 'OVER');
  const cells = (s, budget) => [s.n, fmt(s.min), fmt(s.median), fmt(s.p95), fmt(s.max), budget === undefined ? '' : String(budget), verdict(s, budget)];
  const over = [];
  const rows = [];
  const addRow = (label, s, budget) => {
    rows.push([label, ...cells(s, budget)]);
    if (verdict(s, budget) === 'OVER') over.push(label);
  };

  addRow('floor: GET /api/capabilities', capabilitiesFloor);
  addRow('floor: vendor credential list, first page', vendorFloor);
  addRow('floor: vendor service-account list, first page of 200', vendorSaFloor);
  addRow('floor: raw SELECT of 200 credentials (in process)', rawFloor);
  for (const [label, query] of FILTERS) {
    for (const sort of SORTS) {
      for (const direction of label === '(none)' ? ['desc', 'asc'] : ['desc']) {
        const target = `${api}/credentials?limit=${PAGE}&sort=${sort}&direction=${direction}${query ? `&${query}` : ''}`;
        const first = await measure(target);
        addRow(`credentials ${label}, ${sort} ${direction}`, first, 20);
        // A deep page (the 50th) must cost what the first does.
        if (label === '(none)') {
          let cursor = first.body.page_info.end_cursor;
          for (let page = 2; page < 50 && cursor; page++) cursor = (await get(`${target}&after=${encodeURIComponent(cursor)}`)).body.page_info.end_cursor;
          addRow(`credentials ${label}, ${sort} ${direction}, 50th page`, await measure(`${target}&after=${encodeURIComponent(cursor)}`), 20);
        }
      }
    }
  }
  const COLUMNS = ['case', 'n', 'min', 'median', 'p95', 'max', 'budget ms', 'median ≤ budget'];
  printTable(`org_credentials: GET /organizations/{org}/credentials, ${PAGE} per page, 300,000 credentials (server ms, ${RUNS} runs after a warm-up)`, COLUMNS, rows);

  const statRows = [];
  const STATS = [
    ['default policy', ''],
    ['custom policy', 'idle_after_days=14&stale_after_days=60&new_within_days=3&rotation_due_after_days=180'],
    ['service_account_id', `service_account_id=${sa.id}`],
    ['q=exact client_id', `q=${leaked}`],
    ['q=load-test-01 (~30,000 rows)', 'q=load-test-01'],
    ['q=load-test (all rows)', 'q=load-test'],
  ];
  for (const [label, query] of STATS) {
    const s = await measure(`${api}/credentials/stats${query ? `?${query}` : ''}`);
    statRows.push([label, ...cells(s, 150), String(s.body.total)]);
    if (verdict(s, 150) === 'OVER') over.push(`stats ${label}`);
  }
  printTable(`org_credentials: GET /organizations/{org}/credentials/stats (server ms, ${RUNS} runs after a warm-up)`, [...COLUMNS, 'total'], statRows);

  const saRows = [];
  for (const [label, query] of [
    ['created_at desc (vendor order)', ''],
    ['name asc', 'sort=name&direction=asc'],
    ['last_used_at desc', 'sort=last_used_at'],
    ['last_used_at asc', 'sort=last_used_at&direction=asc'],
    ['q=load-test-0123 (name)', 'q=load-test-0123'],
    ['q=exact client_id', `q=${leaked}`],
    ['q=#12345 (description)', 'q=%2312345'],
    ['q=zzz (no match: full scan)', 'q=zzz'],
    ['expand=credential_summary', 'expand=credential_summary'],
  ]) {
    const s = await measure(`${api}/service-accounts?limit=${PAGE}${query ? `&${query}` : ''}`);
    saRows.push([label, ...cells(s, 20)]);
    if (verdict(s, 20) === 'OVER') over.push(`service accounts ${label}`);
  }
  printTable(`service_account_query: GET /organizations/{org}/service-accounts, ${PAGE} per page, 100,000 accounts (server ms, ${RUNS} runs after a warm-up)`, COLUMNS, saRows);
  console.log(over.length === 0 ? '\nEvery case is within its budget (median).' : `\nOver budget (median): ${over.join('; ')}.`);
}
