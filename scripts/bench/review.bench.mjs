/* global document */
// The credential review and the searches at 10,000 service accounts × 3 credentials, in Chromium,
// with the server's extensions (org_credentials, service_account_query) and without them
// (EXTENSIONS=none, as the vendor's API). Every figure is milliseconds from the start of the
// navigation (or from pressing Enter) to what a person waits for, in a fresh browser context.
// The floor is a blank page doing one API fetch, measured in the same run.
const ORG = 'bench';
const TOKEN = 'demo-ada-admin';

export default async function bench({ seedDatabase, startServer, launchChromium, signedInState, summarize, printTable }) {
  const databasePath = seedDatabase({ org: ORG, serviceAccounts: 10_000, credentialsPerAccount: 3 });
  // Two servers over the same database: one with every extension, one as the vendor.
  const full = await startServer({ databasePath });
  const vendor = await startServer({ databasePath, env: { EXTENSIONS: 'none' } });
  const browser = await launchChromium();

  // A credential halfway down the service-account list (the order the fan-out reads it in),
  // and that service account's name, for the searches.
  const api = async (path) => {
    const res = await fetch(`${full.url}/api${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  };
  let after;
  for (let page = 0; page < 5; page++) {
    const body = await api(`/organizations/${ORG}/service-accounts?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    after = body.page_info.end_cursor;
  }
  const middle = (await api(`/organizations/${ORG}/service-accounts?limit=1&after=${encodeURIComponent(after)}`)).items[0];
  const target = (await api(`/organizations/${ORG}/service-accounts/${middle.id}/credentials?limit=1`)).items[0];

  /** A fresh signed-in context per measurement: nothing cached, as on a first visit. */
  async function measure(server, run) {
    const context = await browser.newContext({ storageState: signedInState(server.url, TOKEN), viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      return await run(page);
    } finally {
      await context.close();
    }
  }

  const timeout = 1_200_000;
  const reviewTable = 'main table tbody tr';

  async function floor(server) {
    return measure(server, async (page) => {
      await page.goto(`${server.url}/favicon.svg`);
      return page.evaluate(
        async ({ org, token }) => {
          const started = performance.now();
          const res = await fetch(`/api/organizations/${org}/service-accounts?limit=50`, { headers: { Authorization: `Bearer ${token}` } });
          await res.json();
          return performance.now() - started;
        },
        { org: ORG, token: TOKEN },
      );
    });
  }

  /** The console's own floor: the service-accounts list, one request, until its first row. */
  async function listPage(server) {
    return measure(server, async (page) => {
      const started = Date.now();
      await page.goto(`${server.url}/orgs/${ORG}/service-accounts`);
      await page.waitForSelector('main table tbody tr', { timeout });
      return Date.now() - started;
    });
  }

  /** First rows, then complete counts (and, without the extension, the end of the load). */
  async function review(server, extensions) {
    return measure(server, async (page) => {
      const started = Date.now();
      await page.goto(`${server.url}/orgs/${ORG}/credentials`);
      await page.waitForSelector(reviewTable, { timeout });
      const rows = Date.now() - started;
      // Counts are final when the "All" total is a number and (without the extension) the load is whole.
      await page.waitForFunction(
        (whole) => {
          const all = [...document.querySelectorAll('.review-total')].find((b) => /All$/.test(b.textContent ?? ''));
          const counted = all && /^[\d,]+/.test(all.textContent ?? '');
          const status = [...document.querySelectorAll('[role=status]')].some((s) => /· loaded/.test(s.textContent ?? ''));
          return counted && (!whole || status);
        },
        !extensions,
        { timeout, polling: 50 },
      );
      const counts = Date.now() - started;
      const total = await page.locator('.review-total', { hasText: /All$/ }).first().innerText();
      return { rows, counts, total: total.replace(/\s*All$/, '') };
    });
  }

  /** The review's search box with a pasted client_id: until its credential is the first row. */
  async function reviewClientIdSearch(server) {
    return measure(server, async (page) => {
      const started = Date.now();
      await page.goto(`${server.url}/orgs/${ORG}/credentials?q=${encodeURIComponent(target.client_id)}`);
      await page.waitForFunction(
        (clientId) => document.querySelector('main table tbody tr')?.textContent?.includes(clientId),
        target.client_id,
        { timeout, polling: 50 },
      );
      return Date.now() - started;
    });
  }

  /** The header's "Find a credential by client ID": Enter → the credential's page. */
  async function headerFind(server) {
    return measure(server, async (page) => {
      await page.goto(`${server.url}/orgs/${ORG}/service-accounts`);
      const field = page.getByRole('searchbox', { name: 'Find a credential by client ID' });
      await field.waitFor({ timeout });
      await field.fill(target.client_id);
      const started = Date.now();
      await field.press('Enter');
      await page.waitForURL(new RegExp(`/credentials/${target.id}$`), { timeout });
      await page.getByRole('heading', { level: 1, name: target.name }).waitFor({ timeout });
      return Date.now() - started;
    });
  }

  /** The service-account search by name: typed → its row in the results. */
  async function serviceAccountSearch(server) {
    return measure(server, async (page) => {
      await page.goto(`${server.url}/orgs/${ORG}/service-accounts`);
      await page.waitForSelector('main table tbody tr', { timeout });
      const started = Date.now();
      await page.goto(`${server.url}/orgs/${ORG}/service-accounts?q=${encodeURIComponent(middle.name)}`);
      await page.getByRole('link', { name: middle.name, exact: true }).waitFor({ timeout });
      return Date.now() - started;
    });
  }

  // Warm-up: the server's caches and Chromium's code cache for the console's chunks.
  await review(full, true);

  const runs = 3;
  const floors = [];
  const lists = [];
  const withExt = [];
  const reviewSearchExt = [];
  const findExt = [];
  const saSearchExt = [];
  for (let i = 0; i < runs; i++) {
    floors.push(await floor(full));
    lists.push(await listPage(full));
    withExt.push(await review(full, true));
    reviewSearchExt.push(await reviewClientIdSearch(full));
    findExt.push(await headerFind(full));
    saSearchExt.push(await serviceAccountSearch(full));
  }
  // Without the extensions every job reads the whole organization: once each.
  const vendorList = await listPage(vendor);
  const vendorReview = await review(vendor, false);
  const vendorReviewSearch = await reviewClientIdSearch(vendor);
  const vendorFind = await headerFind(vendor);
  const vendorSaSearch = await serviceAccountSearch(vendor);

  const ms = (values) => {
    const s = summarize(values);
    return s.n === 1 ? `${Math.round(s.median)}` : `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`;
  };
  printTable(
    `Review and search at 10,000 service accounts × 3 credentials (ms, median (min–max) of ${runs}; vendor: 1 run)`,
    ['measure', 'with extensions', 'without (EXTENSIONS=none)'],
    [
      ['floor: blank page, one API fetch (50 service accounts)', ms(floors), '—'],
      ['floor: console service-accounts list → first row', ms(lists), ms([vendorList])],
      ['review: first rows', ms(withExt.map((r) => r.rows)), ms([vendorReview.rows])],
      ['review: complete counts', ms(withExt.map((r) => r.counts)), ms([vendorReview.counts])],
      ['review: credentials counted', withExt[0].total, vendorReview.total],
      ['review search, pasted client_id → first row', ms(reviewSearchExt), ms([vendorReviewSearch])],
      ['header "Find by client ID" → credential page', ms(findExt), ms([vendorFind])],
      ['service-account search by name → its row', ms(saSearchExt), ms([vendorSaSearch])],
    ],
  );
  console.log(
    `\nThe client_id belongs to the service account at position 5,001 of 10,000 in list order (what the fan-out reads first), so without the extensions the find stops about halfway.`,
  );
}
