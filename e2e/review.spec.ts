// The credential review page on an organization with more than 200 credentials: acme's seeded
// ones plus 200 this file creates (the seed alone has fewer). Other tests change acme at the
// same time, so assertions are about this file's own data and about seeded credentials found
// through the API, never about exact org-wide totals.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { Credential, CredentialCreated, ServiceAccount } from '../src/api/schemas';
import { Api, ApiCallError, DEMO_PEOPLE, expect, signInWithToken, test as base, uniqueName } from './fixtures';
import { credentialReviewPath } from '../src/lib/paths';

const ORG = 'acme';
const REVIEW = credentialReviewPath(ORG);
const ACCOUNTS = 4;
const CREDENTIALS_PER_ACCOUNT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

interface ReviewAccount {
  sa: ServiceAccount;
  /** Named `key 001` … `key 050`, created in parallel (so in no particular order). */
  credentials: CredentialCreated[];
  /** Exchanged at the token endpoint, in this order (the last one is the most recent use). */
  used: CredentialCreated[];
}

interface ReviewData {
  /** For filtering and sorting. */
  sorting: ReviewAccount;
  /** For the bulk revoke. */
  revoking: ReviewAccount;
  /** For the CSV export. */
  exporting: ReviewAccount;
  /** Only adds to the count. */
  filler: ReviewAccount;
  setupMs: number;
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function createAccount(api: Api, label: string, usedIndexes: number[]): Promise<ReviewAccount> {
  const sa = await api.createServiceAccount(ORG, { name: uniqueName(`review ${label}`) });
  const names = Array.from({ length: CREDENTIALS_PER_ACCOUNT }, (_, i) => `key ${String(i + 1).padStart(3, '0')}`);
  const credentials = await mapWithConcurrency(names, 8, (name) => api.createCredential(ORG, sa.id, { name }));
  const used: CredentialCreated[] = [];
  // One after another, so their last uses are ordered.
  for (const index of usedIndexes) {
    const credential = credentials[index]!;
    expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
    used.push(credential);
  }
  return { sa, credentials, used };
}

const test = base.extend<object, { reviewData: ReviewData }>({
  reviewData: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const api = new Api(request, DEMO_PEOPLE.ada.token);
      const started = Date.now();
      const [sorting, revoking, exporting, filler] = await Promise.all([
        createAccount(api, 'sorting', [29, 9, 19]),
        createAccount(api, 'revoking', [4, 5]),
        createAccount(api, 'exporting', [0, 1]),
        createAccount(api, 'filler', []),
      ]);
      await use({ sorting, revoking, exporting, filler, setupMs: Date.now() - started });
      await api.cleanUp();
      await request.dispose();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

// ---------- helpers ----------

function reviewTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Credentials of the organization' });
}

/** The table's body as text, one array of cell texts per row (one round trip for hundreds of rows). */
async function readRows(page: Page): Promise<string[][]> {
  return reviewTable(page).evaluate((table: HTMLTableElement) =>
    [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.innerText.trim())),
  );
}

const COLUMN = { serviceAccount: 1, credential: 2, clientId: 3, status: 6 } as const;

/** "50 of 1,234 credentials" → [50, 1234]. */
async function shownOfTotal(page: Page): Promise<[number, number]> {
  const text = await page.getByRole('status').filter({ hasText: /credentials/ }).first().innerText();
  const match = /([\d,]+) of ([\d,]+) credentials/.exec(text);
  expect(match, `status line: ${text}`).not.toBeNull();
  return [Number(match![1]!.replaceAll(',', '')), Number(match![2]!.replaceAll(',', ''))];
}

/** Opens the review and waits until it is whole (without the extensions, rows arrive progressively). */
async function openReview(page: Page, query = '') {
  await signInWithToken(page, 'ada', `${REVIEW}${query}`);
  await expect(reviewTable(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: /credentials/ }).first()).toContainText('· loaded', {
    timeout: 20_000,
  });
}

function rowOf(page: Page, clientId: string): Locator {
  return reviewTable(page).getByRole('row').filter({ hasText: clientId });
}

function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** All of acme's credentials via the API, with their service account (skipping ones deleted meanwhile). */
async function acmeCredentials(api: Api): Promise<(Credential & { saId: string })[]> {
  const accounts: ServiceAccount[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await api.listServiceAccounts(ORG, { limit: 1000, after });
    accounts.push(...page.items);
    if (!page.page_info.has_next_page || !page.page_info.end_cursor) break;
    after = page.page_info.end_cursor;
  }
  const lists = await mapWithConcurrency(accounts, 6, async (sa) => {
    try {
      return (await api.listCredentials(ORG, sa.id, { limit: 1000 })).items.map((c) => ({ ...c, saId: sa.id }));
    } catch (error) {
      if (error instanceof ApiCallError && error.status === 404) return [];
      throw error;
    }
  });
  return lists.flat();
}

const daysSince = (iso: string) => (Date.now() - Date.parse(iso)) / DAY_MS;

// RFC 3339 / ISO 8601 UTC as the CSV writes it.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

async function exportCsv(page: Page) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  const text = await readFile(await download.path(), 'utf8');
  return { fileName: download.suggestedFilename(), text, records: parseCsv(text) };
}

const CSV_HEADER = [
  'service_account',
  'service_account_id',
  'credential',
  'credential_id',
  'client_id',
  'created_at',
  'last_used_at',
  'status',
  'rotation_due',
];

/** The full server offers usage: one more column, at the end (e2e/usage-activity.ext.spec.ts checks it). */
const csvHeader = () => (test.info().project.name === 'vendor' ? CSV_HEADER : [...CSV_HEADER, 'uses_30_days']);

// ---------- tests ----------

test('loads every credential of an org with 200+ credentials and finds the stale ones', async ({ page, api, reviewData }) => {
  // Three whole loads of the organization; without the extensions each is a request per service account.
  test.setTimeout(60_000);
  test.info().annotations.push({ type: 'setup', description: `created ${ACCOUNTS * CREDENTIALS_PER_ACCOUNT} credentials in ${reviewData.setupMs} ms` });
  // Seeded credentials, found through the API: one clearly stale, one used recently enough not to be.
  const all = await acmeCredentials(api);
  expect(all.length).toBeGreaterThanOrEqual(200);
  const stale = all.find((c) => c.last_used_at && daysSince(c.last_used_at) > 100);
  const recent = all.find((c) => c.last_used_at && daysSince(c.last_used_at) > 3 && daysSince(c.last_used_at) < 85);
  expect(stale, 'the demo seed has credentials last used months ago').toBeDefined();
  expect(recent, 'the demo seed has credentials used days ago').toBeDefined();

  const started = Date.now();
  await openReview(page);
  test.info().annotations.push({ type: 'load', description: `review page showed ${all.length}+ credentials after ${Date.now() - started} ms` });
  const [shown, total] = await shownOfTotal(page);
  expect(total).toBeGreaterThanOrEqual(200);
  // Rows render 200 at a time; the rest on request.
  expect(shown).toBe(total);
  await expect(reviewTable(page).getByRole('row')).toHaveCount(201);
  await expect(page.getByRole('button', { name: /^Show [\d,]+ more$/ })).toBeVisible();

  // The totals at the top filter by status, and the filter goes to the URL.
  await page.getByRole('button', { name: /^[\d,]+ Stale$/ }).click();
  await expect.poll(() => urlParams(page).get('status')).toBe('stale');
  await expect(rowOf(page, stale!.client_id)).toBeVisible();
  const staleRows = await readRows(page);
  expect(staleRows.length).toBeGreaterThan(0);
  expect(new Set(staleRows.map((cells) => cells[COLUMN.status]))).toEqual(new Set(['Stale']));
  expect(staleRows.some((cells) => cells[COLUMN.clientId] === stale!.client_id)).toBe(true);
  // None of this file's credentials (all new or just used) is stale.
  expect(staleRows.some((cells) => cells[COLUMN.serviceAccount]!.startsWith('review '))).toBe(false);

  // Narrowed to that credential's service account.
  await page.getByRole('combobox', { name: 'Service account' }).selectOption(stale!.saId);
  await expect.poll(() => urlParams(page).get('account')).toBe(stale!.saId);
  expect(urlParams(page).get('status')).toBe('stale');
  await expect(rowOf(page, stale!.client_id)).toBeVisible();

  // Lowering "Stale after (days)" below a recent use makes that credential stale too.
  const threshold = Math.max(1, Math.floor(daysSince(recent!.last_used_at!)) - 1);
  await page.goto(`${REVIEW}?account=${recent!.saId}`);
  await expect(rowOf(page, recent!.client_id).getByRole('cell').nth(COLUMN.status)).not.toHaveText('Stale');
  await page.getByRole('spinbutton', { name: 'Stale after (days)' }).fill(String(threshold));
  await expect.poll(() => urlParams(page).get('stale')).toBe(String(threshold));
  await expect(rowOf(page, recent!.client_id).getByRole('cell').nth(COLUMN.status)).toHaveText('Stale');
  // The threshold survives a reload.
  await page.reload();
  await expect(page.getByRole('spinbutton', { name: 'Stale after (days)' })).toHaveValue(String(threshold));
  await expect(rowOf(page, recent!.client_id).getByRole('cell').nth(COLUMN.status)).toHaveText('Stale');
});

test('filters by service account and status and sorts, with the view in the URL', async ({ page, reviewData }) => {
  const { sa, used } = reviewData.sorting;
  await openReview(page);

  await page.getByRole('combobox', { name: 'Service account' }).selectOption({ label: sa.name });
  await expect.poll(() => urlParams(page).get('account')).toBe(sa.id);
  await expect(reviewTable(page).getByRole('row')).toHaveCount(CREDENTIALS_PER_ACCOUNT + 1);
  expect((await shownOfTotal(page))[0]).toBe(CREDENTIALS_PER_ACCOUNT);
  // Totals are for the service account shown.
  await expect(page.getByRole('button', { name: `${CREDENTIALS_PER_ACCOUNT} All` })).toBeVisible();
  await expect(page.getByRole('button', { name: '3 Active' })).toBeVisible();
  await expect(page.getByRole('button', { name: '47 New' })).toBeVisible();

  // Default sort: last use, oldest first, never used before any use.
  const names = (rows: string[][]) => rows.map((cells) => cells[COLUMN.credential]);
  const byLastUse = names(await readRows(page));
  expect(byLastUse.slice(-3)).toEqual(used.map((c) => c.name));
  expect(byLastUse.slice(0, -3).every((name) => !used.some((c) => c.name === name))).toBe(true);

  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
  await expect.poll(() => urlParams(page).get('status')).toBe('active');
  await expect(reviewTable(page).getByRole('row')).toHaveCount(4);
  await expect.poll(async () => names(await readRows(page))).toEqual(used.map((c) => c.name));

  await page.getByRole('button', { name: 'Sort by Last used' }).click();
  await expect.poll(() => urlParams(page).get('dir')).toBe('desc');
  await expect(page.getByRole('columnheader', { name: /Sort by Last used/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => names(await readRows(page))).toEqual(used.map((c) => c.name).reverse());

  // Back to every status, sorted by name.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
  await page.getByRole('button', { name: 'Sort by Credential' }).click();
  await expect.poll(() => urlParams(page).get('sort')).toBe('name');
  expect(urlParams(page).get('status')).toBeNull();
  expect(urlParams(page).get('dir')).toBeNull();
  const sortedNames = reviewData.sorting.credentials.map((c) => c.name).sort();
  await expect(reviewTable(page).getByRole('row')).toHaveCount(CREDENTIALS_PER_ACCOUNT + 1);
  await expect.poll(async () => names(await readRows(page))).toEqual(sortedNames);

  await page.getByRole('button', { name: 'Sort by Credential' }).click();
  await expect.poll(() => urlParams(page).get('dir')).toBe('desc');
  await expect.poll(async () => names(await readRows(page))).toEqual([...sortedNames].reverse());

  // The whole view comes back from the URL alone.
  await page.reload();
  await expect(reviewTable(page)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Service account' })).toHaveValue(sa.id);
  await expect(page.getByRole('columnheader', { name: /Sort by Credential/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => names(await readRows(page))).toEqual([...sortedNames].reverse());

  // By creation time, oldest first. Ties (same millisecond): the server orders by id, the
  // console's own sort (without the extension) by name.
  await page.getByRole('button', { name: 'Sort by Created' }).click();
  await expect.poll(() => urlParams(page).get('sort')).toBe('age');
  const byServer = test.info().project.name === 'extensions';
  const byCreated = [...reviewData.sorting.credentials]
    .sort(
      (a, b) =>
        Date.parse(a.created_at) - Date.parse(b.created_at) ||
        (byServer ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.name.localeCompare(b.name)),
    )
    .map((c) => c.name);
  await expect.poll(async () => names(await readRows(page))).toEqual(byCreated);
});

test('bulk-revokes two credentials: confirms with count and last use, reports, and updates the table', async ({
  page,
  api,
  reviewData,
}) => {
  const { sa, used } = reviewData.revoking;
  const [first, second] = used as [CredentialCreated, CredentialCreated];
  const lastUse = (await api.getCredential(ORG, sa.id, second.id)).last_used_at;
  expect(lastUse).toBeTruthy();

  await openReview(page, `?account=${sa.id}`);
  await expect(reviewTable(page).getByRole('row')).toHaveCount(CREDENTIALS_PER_ACCOUNT + 1);
  const revokeSelected = page.getByRole('button', { name: /^Revoke selected/ });
  await expect(revokeSelected).toHaveAttribute('aria-disabled', 'true');

  for (const credential of [first, second]) {
    await reviewTable(page).getByRole('checkbox', { name: `Select ${credential.name} (${sa.name})` }).check();
  }
  await expect(revokeSelected).toHaveText('Revoke selected (2)');
  await revokeSelected.click();

  const dialog = page.getByRole('dialog', { name: 'Revoke 2 credentials?' });
  await expect(dialog).toBeVisible();
  const mostRecent = dialog.getByText('Most recent use among them:');
  await expect(mostRecent).toContainText('just now');
  await expect(mostRecent.locator('time')).toHaveAttribute('datetime', new Date(lastUse!).toISOString());
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  for (const credential of [first, second]) {
    await expect(dialog.getByRole('listitem').filter({ hasText: `${credential.name} (${sa.name})` })).toHaveCount(1);
  }

  await dialog.getByRole('button', { name: 'Revoke 2 credentials' }).click();
  const report = page.getByRole('dialog', { name: 'Revoked 2 of 2 credentials' });
  await expect(report.getByRole('status')).toHaveText('2 revoked, 0 failed.');
  await expect(report.getByRole('list', { name: 'Result per credential' }).getByRole('listitem')).toHaveText([
    /revoked$/,
    /revoked$/,
  ]);
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(report).toBeHidden();

  // The table is right without a reload, and nothing stays selected.
  await expect(reviewTable(page).getByRole('row')).toHaveCount(CREDENTIALS_PER_ACCOUNT - 1);
  await expect(rowOf(page, first.client_id)).toHaveCount(0);
  await expect(rowOf(page, second.client_id)).toHaveCount(0);
  await expect(revokeSelected).toHaveText('Revoke selected');
  expect((await shownOfTotal(page))[0]).toBe(CREDENTIALS_PER_ACCOUNT - 2);

  // Really gone: the API no longer has them and their secrets get no token.
  for (const credential of [first, second]) {
    await expect(api.getCredential(ORG, sa.id, credential.id)).rejects.toMatchObject({ status: 404 });
  }
  const refused = await api.exchangeToken(second.client_id, second.client_secret);
  expect(refused.status).toBe(401);
  expect(JSON.parse(refused.body ?? '{}')).toMatchObject({ error: 'invalid_client' });
  expect((await api.listCredentials(ORG, sa.id, { limit: 1000 })).items).toHaveLength(CREDENTIALS_PER_ACCOUNT - 2);
});

test('exports the current view as CSV: a header row, RFC 3339 dates, one row per credential shown', async ({
  page,
  api,
  reviewData,
}) => {
  const { sa, used } = reviewData.exporting;
  const fromApi = new Map((await api.listCredentials(ORG, sa.id, { limit: 1000 })).items.map((c) => [c.id, c]));
  expect(fromApi.size).toBe(CREDENTIALS_PER_ACCOUNT);

  await openReview(page, `?account=${sa.id}&sort=name`);
  await expect(reviewTable(page).getByRole('row')).toHaveCount(CREDENTIALS_PER_ACCOUNT + 1);
  const visible = await readRows(page);

  const { fileName, text, records } = await exportCsv(page);
  expect(fileName).toMatch(/^credentials-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = records;
  expect(header).toEqual(csvHeader());
  expect(rows).toHaveLength(CREDENTIALS_PER_ACCOUNT);
  // Same rows, same order as the table.
  expect(rows.map((r) => r[4])).toEqual(visible.map((cells) => cells[COLUMN.clientId]));

  for (const row of rows) {
    const [saName, saId, name, id, clientId, createdAt, lastUsedAt, status, rotationDue] = row;
    const credential = fromApi.get(id!);
    expect(credential, `row for ${id}`).toBeDefined();
    expect([saName, saId, name, clientId]).toEqual([sa.name, sa.id, credential!.name, credential!.client_id]);
    expect(createdAt).toMatch(RFC3339);
    expect(Date.parse(createdAt!)).toBe(Date.parse(credential!.created_at));
    if (credential!.last_used_at) {
      expect(lastUsedAt).toMatch(RFC3339);
      expect(Date.parse(lastUsedAt!)).toBe(Date.parse(credential!.last_used_at));
      expect(status).toBe('active');
    } else {
      expect(lastUsedAt).toBe('');
      expect(status).toBe('new');
    }
    expect(rotationDue).toBe('false');
  }
  expect(rows.filter((r) => r[6] !== '').map((r) => r[3]).sort()).toEqual(used.map((c) => c.id).sort());

  // A filtered view exports only what it shows.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
  await expect(reviewTable(page).getByRole('row')).toHaveCount(used.length + 1);
  const filtered = await exportCsv(page);
  expect(filtered.records[0]).toEqual(csvHeader());
  expect(filtered.records.slice(1).map((r) => r[3]).sort()).toEqual(used.map((c) => c.id).sort());
});

test('the service accounts list shows last activity without a credentials request per row', async ({ page, api }) => {
  // With service_account_query each row carries its credential summary ("Last used"); without
  // it the column is filled from the review data already loaded ("Last activity").
  const columnName = test.info().project.name === 'extensions' ? 'Last used' : 'Last activity';
  const tag = uniqueName('activity');
  const used = await api.createServiceAccount(ORG, { name: `${tag} used` });
  const unused = await api.createServiceAccount(ORG, { name: `${tag} unused` });
  const secret = await api.createCredential(ORG, used.id);
  await api.createCredential(ORG, unused.id);
  expect((await api.exchangeToken(secret.client_id, secret.client_secret)).status).toBe(200);
  const lastUsedAt = (await api.getCredential(ORG, used.id, secret.id)).last_used_at;
  expect(lastUsedAt).toBeTruthy();

  // Filtered to ours on screen only: the page has still loaded the whole organization.
  await openReview(page, `?account=${used.id}`);
  await expect(rowOf(page, secret.client_id)).toBeVisible();

  // From here on, every credentials request the console sends (a list, or one credential).
  const credentialRequests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/^\/api\/organizations\/[^/]+\/service-accounts\/[^/]+\/credentials(\/|$)/.test(pathname)) {
      credentialRequests.push(pathname);
    }
  });

  // In-app navigation: a reload would drop the review data the column is made from.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Service accounts' }).click();
  await expect(page.getByRole('table', { name: 'Service accounts', exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: columnName })).toBeVisible();

  // Both of ours, whatever page of the list they landed on among other tests' service accounts.
  await page.getByRole('searchbox', { name: 'Search service accounts by name or ID' }).fill(tag);
  const results = page.getByRole('table', { name: `Service accounts matching “${tag}”` });
  await expect(results.getByRole('row')).toHaveCount(3);
  const headers = await results.getByRole('columnheader').allTextContents();
  const column = headers.findIndex((text) => text.includes(columnName));
  expect(column, `columns: ${headers.join(' | ')}`).toBeGreaterThan(0);
  const activity = (sa: { name: string }) =>
    results
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: sa.name, exact: true }) })
      .getByRole('cell')
      .nth(column);

  await expect(activity(used).locator('time')).toHaveAttribute('datetime', new Date(lastUsedAt!).toISOString());
  await expect(activity(unused)).toHaveText('Never used');
  expect(credentialRequests, 'the list reads the review data, not the API').toEqual([]);
});
