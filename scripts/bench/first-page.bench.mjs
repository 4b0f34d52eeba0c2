// First page: how much JavaScript each route loads, and how long from navigation to the first
// service-account row, against a floor: a plain HTML page (no framework) doing the same fetch
// and table, served by the same server from a copy of dist/ that only the bench uses.
/* global window, document, MutationObserver, location, addEventListener -- page functions run in the browser */
import { cpSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from '../lib.mjs';
import { firstPageScripts, measureFiles } from '../first-page-size.mjs';

const ORG = 'acme';
const RUNS = 15;
const TOKEN = 'demo-ada-admin';
const ROW = 'tbody tr a[href*="/service-accounts/"]';

// The console's list request (recorded from the console's own first page below, so the two pages
// ask the server for exactly the same thing) and the same columns, the dates as the browser formats
// them. The script is a file of its own: the server's Content-Security-Policy forbids inline scripts.
const PLAIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain list</title><script src="/bench-plain.js" defer></script></head>
<body><main><h1>Service accounts</h1><table><thead><tr><th>Name</th><th>Description</th><th>Created</th><th>Updated</th><th>Credentials</th><th>Last used</th></tr></thead><tbody></tbody></table></main></body></html>`;
const plainScript = (listPath) => `
const token = JSON.parse(localStorage.getItem('sac.session')).token;
const org = ${JSON.stringify(ORG)};
const date = (value) => (value ? new Date(value).toLocaleString() : '—');
fetch(${JSON.stringify(listPath)}, {
  headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
})
  .then((res) => res.json())
  .then((body) => {
    const rows = body.items.map((sa) => {
      const tr = document.createElement('tr');
      const link = document.createElement('a');
      link.href = '/orgs/' + org + '/service-accounts/' + sa.id;
      link.textContent = sa.name;
      const summary = sa.credential_summary;
      const cells = [link, sa.description || '—', date(sa.created_at), date(sa.updated_at), summary ? String(summary.count) : '—', summary ? date(summary.last_used_at) : '—'];
      for (const content of cells) {
        const td = document.createElement('td');
        td.append(content);
        tr.append(td);
      }
      return tr;
    });
    document.querySelector('tbody').append(...rows);
  });
`;

// Runs before any page script: notes when the first row link enters the DOM (ms since navigation
// start), says so on the console, and resolves `window.__firstRow` with it. Playwright waits for the
// console message rather than with page.waitForFunction: it answers that by evaluating its injected
// script in the page, ~15-40 ms of main thread just when the page starts, which a plain page hides
// behind its fetch and a page with code to evaluate cannot. The bare browser (no console events
// there) awaits the promise.
const FIRST_ROW_MESSAGE = 'bench:first-row';
function watchFirstRow([selector, message, session]) {
  if (session && location.origin === session.origin && !localStorage.getItem(session.key)) localStorage.setItem(session.key, session.value);
  let seen;
  window.__firstRow = new Promise((resolve) => (seen = resolve));
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
      console.debug(message);
      seen(window.__firstRowAt);
    }
  }).observe(document, { childList: true, subtree: true });
}

// Waits for the console's service worker to be active; gives up after 5 s for a build without one
// (BENCH_DIST_DIR of an older commit).
async function serviceWorkerActivated() {
  const deadline = performance.now() + 5000;
  let registration;
  while (!(registration = await navigator.serviceWorker.getRegistration()) && performance.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
  }
  if (!registration) return;
  const active = (await navigator.serviceWorker.ready).active;
  if (active.state === 'activating') await new Promise((done) => active.addEventListener('statechange', done, { once: true }));
}

/** Resolves once the page has loaded and no request has started for 500 ms (as Playwright's networkidle). */
function networkIdle() {
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((done) => addEventListener('load', done, { once: true }));
  return loaded.then(
    () =>
      new Promise((done) => {
        const count = () => performance.getEntriesByType('resource').length;
        let seen = count();
        const timer = setInterval(() => {
          if (count() === seen) {
            clearInterval(timer);
            done();
          }
          seen = count();
        }, 500);
      }),
  );
}

export default async function bench({ tempDir, startServer, launchChromium, launchBareChromium, signedInState, summarize, printTable }) {
  // A copy of dist/ plus the plain page: the product's build never contains it.
  // BENCH_DIST_DIR measures another build (e.g. one of the previous commit) instead.
  const staticDir = path.join(tempDir(), 'dist');
  cpSync(process.env.BENCH_DIST_DIR ?? path.join(root, 'dist'), staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'bench-plain.html'), PLAIN_PAGE);
  const { url, stop } = await startServer({ databasePath: path.join(tempDir(), 'first-page.sqlite'), env: { STATIC_DIR: staticDir } });
  const browser = await launchChromium();
  const bareBrowser = await launchBareChromium();

  const api = async (apiPath) => {
    const res = await fetch(`${url}/api${apiPath}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(`${apiPath}: ${res.status}`);
    return res.json();
  };
  const serviceAccount = (await api(`/organizations/${ORG}/service-accounts?limit=1`)).items[0];
  const credential = (await api(`/organizations/${ORG}/service-accounts/${serviceAccount.id}/credentials?limit=1`)).items[0];

  // ---------- JS by route ----------
  const entry = measureFiles(staticDir, firstPageScripts(staticDir));
  const routes = [
    ['sign-in', '/sign-in', 'h1', false],
    ['service accounts', `/orgs/${ORG}/service-accounts`, ROW, true],
    ['service account', `/orgs/${ORG}/service-accounts/${serviceAccount.id}`, 'h1', true],
    ['credential', `/orgs/${ORG}/service-accounts/${serviceAccount.id}/credentials/${credential.id}`, 'h1', true],
    ['credential review', `/orgs/${ORG}/credentials`, 'h1', true],
  ];
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const sizeRows = [['entry + modulepreloads (index.html)', entry.rows.length, kb(entry.total.raw), kb(entry.total.gzip), kb(entry.total.brotli)]];
  let listPath;
  for (const [name, route, ready, signedIn] of routes) {
    const context = await browser.newContext(signedIn ? { storageState: signedInState(url, TOKEN) } : {});
    if (ready === ROW) await context.addInitScript(watchFirstRow, [ROW, FIRST_ROW_MESSAGE]);
    const page = await context.newPage();
    await page.goto(url + route);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
    );
    const { total } = measureFiles(staticDir, [...new Set(scripts)].map((p) => p.replace(/^\//, '')));
    if (ready === ROW) {
      const loaded = await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource');
        const list = resources.find((e) => /\/service-accounts\?/.test(e.name));
        // The issue counts the entry and its modulepreloads; the page's own chunk also loads before its first row.
        const beforeFirstRow = resources.filter((e) => e.name.endsWith('.js') && e.responseEnd <= window.__firstRowAt);
        return { listPath: list && new URL(list.name).pathname + new URL(list.name).search, beforeFirstRow: beforeFirstRow.map((e) => new URL(e.name).pathname) };
      });
      listPath = loaded.listPath;
      const before = measureFiles(staticDir, loaded.beforeFirstRow.map((p) => p.replace(/^\//, ''))).total;
      sizeRows.push([`${name} (JS loaded before its first row)`, loaded.beforeFirstRow.length, kb(before.raw), kb(before.gzip), kb(before.brotli)]);
    }
    sizeRows.push([`${name} (all JS loaded)`, scripts.length, kb(total.raw), kb(total.gzip), kb(total.brotli)]);
    await context.close();
  }
  printTable('First-page JavaScript by route (KB, 1 KB = 1000 B; gzip -9, brotli q11)', ['what', 'files', 'raw', 'gzip', 'brotli'], sizeRows);
  if (!listPath) throw new Error("first-page bench: the console's list request was not found");
  writeFileSync(path.join(staticDir, 'bench-plain.js'), plainScript(listPath));
  console.log(`Plain page's request (the console's): ${listPath}`);

  // ---------- navigation → first row ----------
  const target = {
    console: { path: `/orgs/${ORG}/service-accounts`, selector: ROW },
    plain: { path: '/bench-plain.html', selector: ROW },
  };
  const newTimes = () => ({ 'console cold': [], 'console warm': [], 'plain cold': [], 'plain warm': [] });
  const times = { playwright: newTimes(), bare: newTimes() };
  const phases = { listStart: [], listEnd: [] };
  const [session] = signedInState(url, TOKEN).origins[0].localStorage;

  async function visitInPlaywright(page, kind) {
    const firstRow = page.waitForEvent('console', { predicate: (message) => message.text() === FIRST_ROW_MESSAGE });
    await page.goto(url + target[kind].path, { waitUntil: 'commit' });
    await firstRow;
    return page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const list = resources.find((e) => /\/service-accounts\?/.test(e.name));
      return { firstRow: window.__firstRowAt, listStart: list?.startTime, listEnd: list?.responseEnd };
    });
  }
  // A fresh browser context, a first visit, then a second one once the first has finished, as a
  // user's next visit would come: its requests done and, for the console, its service worker
  // installed (app/asset-cache.ts).
  async function visitsInPlaywright(kind) {
    const context = await browser.newContext({ storageState: signedInState(url, TOKEN) });
    await context.addInitScript(watchFirstRow, [target[kind].selector, FIRST_ROW_MESSAGE]);
    const page = await context.newPage();
    const cold = await visitInPlaywright(page, kind);
    await page.waitForLoadState('networkidle');
    if (kind === 'console') await page.evaluate(serviceWorkerActivated);
    await page.goto('about:blank');
    const warm = await visitInPlaywright(page, kind);
    await context.close();
    return { cold, warm };
  }
  async function visitsInBareBrowser(kind) {
    const page = await bareBrowser.newPage(watchFirstRow, [target[kind].selector, FIRST_ROW_MESSAGE, { origin: url, key: session.name, value: session.value }]);
    const visit = async () => {
      await page.goto(url + target[kind].path);
      return { firstRow: await page.evaluate('window.__firstRow') };
    };
    const cold = await visit();
    await page.evaluate(`(${networkIdle})()`);
    if (kind === 'console') await page.evaluate(`(${serviceWorkerActivated})()`);
    await page.goto('about:blank');
    const warm = await visit();
    await page.close();
    return { cold, warm };
  }

  const loadBefore = os.loadavg()[0];
  for (let run = 0; run < RUNS; run++) {
    // Alternate which page and which browser go first, so none always gets the quieter moment.
    const kinds = run % 2 === 0 ? ['console', 'plain'] : ['plain', 'console'];
    const drivers = Math.floor(run / 2) % 2 === 0 ? ['playwright', 'bare'] : ['bare', 'playwright'];
    for (const driver of drivers) {
      for (const kind of kinds) {
        const { cold, warm } = driver === 'playwright' ? await visitsInPlaywright(kind) : await visitsInBareBrowser(kind);
        times[driver][`${kind} cold`].push(cold.firstRow);
        times[driver][`${kind} warm`].push(warm.firstRow);
        if (driver === 'playwright' && kind === 'console') {
          phases.listStart.push(cold.listStart);
          phases.listEnd.push(cold.listEnd);
        }
      }
    }
  }

  // Other tenants of this machine move every timing; the ratios are what to compare across runs.
  console.log(`Load average (1 min) before the timed visits: ${loadBefore.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} CPUs)`);
  const ms = (v) => v.toFixed(0);
  const ratio = (driver, kind) => (summarize(times[driver][`console ${kind}`]).median / summarize(times[driver][`plain ${kind}`]).median).toFixed(2);
  const firstRowTable = (driver, title) => {
    const row = (name) => {
      const s = summarize(times[driver][name]);
      return [name, s.n, ms(s.min), ms(s.median), ms(s.max)];
    };
    printTable(title, ['page', 'n', 'min', 'median', 'max'], [row('console cold'), row('plain cold'), row('console warm'), row('plain warm')]);
  };
  firstRowTable('playwright', `Navigation → first service-account row, Chromium driven by Playwright (ms since navigation start, ${RUNS} interleaved runs)`);
  const phase = (values) => (values.length ? ms(summarize(values).median) : '—');
  printTable('Console, fresh browser, Playwright: where the time goes (median ms)', ['measure', 'value'], [
    ['console ÷ plain, cold (with a DevTools session)', ratio('playwright', 'cold')],
    ['console ÷ plain, warm (with a DevTools session)', ratio('playwright', 'warm')],
    ['list request starts', phase(phases.listStart)],
    ['list response ends', phase(phases.listEnd)],
    ['first row in the DOM', phase(times.playwright['console cold'])],
  ]);
  // The same visits in a browser as a user's, without a DevTools session (bare-chromium.mjs). The
  // targets are read here: with a DevTools client attached, V8 re-parses the large functions on the
  // stacks it records (React DOM's module, the entry's top level) for their source positions,
  // 23-33 ms a visit while the entry evaluates, about half of it for the Errors React DOM creates as
  // it loads (issue 13). That grows with the page's JavaScript, which the plain page hardly has,
  // and no user without DevTools pays it.
  firstRowTable('bare', `Same, Chromium without a DevTools session in the page (bare-chromium.mjs; ${RUNS} runs interleaved with the above)`);
  printTable('Without a DevTools session: console ÷ plain', ['measure', 'value'], [
    ['console ÷ plain, cold (target ≤ 2.0)', ratio('bare', 'cold')],
    ['console ÷ plain, warm (target ≤ 2.0)', ratio('bare', 'warm')],
  ]);
  await browser.close();
  await bareBrowser.close();
  await stop();
}
