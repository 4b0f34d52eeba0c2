// The review page's text search, find-by-client_id, select-all-matching, CSV of a search and the
// hidden-selection rule. Runs against the full server (the server pages, sorts and counts) and
// against EXTENSIONS=none (the console loads every credential and does it all itself).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { CredentialCreated, ServiceAccount } from '../src/api/schemas';
import { expect, signInWithToken, test, uniqueName, type Api } from './fixtures';
import { credentialReviewPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';
const REVIEW = credentialReviewPath(ORG);

const table = (page: Page) => page.getByRole('table', { name: 'Credentials of the organization' });
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const statusLine = (page: Page) => page.getByRole('status').filter({ hasText: /credentials/ }).first();
const params = (page: Page) => new URL(page.url()).searchParams;

async function openReview(page: Page, query = '') {
  await signInWithToken(page, 'ada', `${REVIEW}${query}`);
  await expect(table(page)).toBeVisible({ timeout: 20_000 });
  // Whole (the vendor fan-out streams rows in): "loaded" shows once every credential is in.
  await expect(statusLine(page)).toContainText('· loaded', { timeout: 20_000 });
}

async function accountWith(api: Api, label: string, count: number) {
  const sa: ServiceAccount = await api.createServiceAccount(ORG, { name: uniqueName(label) });
  const credentials: CredentialCreated[] = [];
  for (let i = 0; i < count; i++) {
    credentials.push(await api.createCredential(ORG, sa.id, { name: `${label} key ${String(i + 1).padStart(2, '0')}` }));
  }
  return { sa, credentials };
}

test('a pasted client_id shows its credential first; the search is in the URL and filters the counts', async ({
  page,
  api,
}) => {
  const { sa, credentials } = await accountWith(api, 'search', 3);
  const target = credentials[1]!;
  await openReview(page);

  await page.getByRole('searchbox', { name: 'Search credentials' }).fill(target.client_id);
  await page.getByRole('searchbox', { name: 'Search credentials' }).press('Enter');
  await expect.poll(() => params(page).get('q')).toBe(target.client_id);
  await expect(bodyRows(page).first()).toContainText(target.client_id);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: '1 All' })).toBeVisible();
  await expect(statusLine(page)).toContainText('1 of 1 credentials');

  // A substring of the service account's name finds all three of its credentials.
  await page.goto(`${REVIEW}?q=${encodeURIComponent(sa.name.toUpperCase())}`);
  await expect(bodyRows(page)).toHaveCount(3);
  await expect(page.getByRole('button', { name: '3 All' })).toBeVisible();
  await expect(page.getByRole('button', { name: '3 New' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search credentials' })).toHaveValue(sa.name.toUpperCase());

  // Nothing matches: an empty state that clears the search.
  await page.goto(`${REVIEW}?q=${encodeURIComponent(uniqueName('nothing-matches'))}`);
  await expect(page.getByText('No credentials match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => params(page).get('q')).toBeNull();
  await expect(bodyRows(page).first()).toBeVisible();
});

test('the header finds a credential by client ID and opens its page', async ({ page, api }) => {
  const { sa, credentials } = await accountWith(api, 'find', 2);
  const target = credentials[0]!;
  await signInWithToken(page, 'ada', serviceAccountsPath(ORG));
  const field = page.getByRole('searchbox', { name: 'Find a credential by client ID' });
  await field.fill(target.client_id);
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/service-accounts/${sa.id}/credentials/${target.id}$`), { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.name);

  // An unknown client_id: says so and offers the review search.
  await field.fill('no-such-client-id');
  await field.press('Enter');
  await expect(page.getByText('No credential has this client ID')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Search the credential review for it' }).click();
  await expect.poll(() => params(page).get('q')).toBe('no-such-client-id');
});

test('selections hidden by the filters are counted apart and never revoked', async ({ page, api }) => {
  const { sa, credentials } = await accountWith(api, 'hidden', 3);
  const [used, idleA, idleB] = credentials as [CredentialCreated, CredentialCreated, CredentialCreated];
  expect((await api.exchangeToken(used.client_id, used.client_secret)).status).toBe(200);
  await openReview(page, `?account=${sa.id}`);
  await expect(bodyRows(page)).toHaveCount(3);

  for (const credential of [used, idleA, idleB]) {
    await table(page).getByRole('checkbox', { name: `Select ${credential.name} (${sa.name})` }).check();
  }
  await expect(statusLine(page)).toContainText('3 selected');
  // Only the used one is active: the two new ones are now hidden, and stay selected apart.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(statusLine(page)).toContainText('3 selected, 2 hidden by the filters');
  const revoke = page.getByRole('button', { name: /^Revoke selected/ });
  await expect(revoke).toHaveText('Revoke selected (1)');

  await revoke.click();
  const dialog = page.getByRole('dialog', { name: 'Revoke 1 credential?' });
  await expect(dialog.getByRole('listitem')).toHaveText([`${used.name} (${sa.name})`]);
  await dialog.getByRole('button', { name: 'Revoke 1 credential' }).click();
  await page.getByRole('dialog', { name: 'Revoked 1 of 1 credential' }).getByRole('button', { name: 'Done' }).click();

  // The hidden two still exist, and are still selected (apart) until cleared.
  await expect(api.getCredential(ORG, sa.id, used.id)).rejects.toMatchObject({ status: 404 });
  expect((await api.getCredential(ORG, sa.id, idleA.id)).id).toBe(idleA.id);
  expect((await api.getCredential(ORG, sa.id, idleB.id)).id).toBe(idleB.id);
  await expect(statusLine(page)).toContainText('2 selected, 2 hidden by the filters');
  await expect(revoke).toHaveText('Revoke selected');
  await page.getByRole('button', { name: 'Clear hidden selection' }).click();
  await expect(statusLine(page)).not.toContainText('selected');
});

test('selects all matching beyond the rows shown, asks to type the number, and exports a search as CSV', async ({
  page,
  api,
}) => {
  const { sa, credentials } = await accountWith(api, 'bulk', 12);
  await openReview(page, `?q=${encodeURIComponent(sa.name)}&sort=name`);
  await expect(bodyRows(page)).toHaveCount(12);

  // CSV of the search: exactly its rows, in the table's order.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(13);
  expect(lines.slice(1).map((line) => line.split(',')[4])).toEqual(credentials.map((c) => c.client_id));

  await page.getByRole('button', { name: 'Select all 12 matching' }).click();
  await expect(statusLine(page)).toContainText('12 selected');
  await page.getByRole('button', { name: 'Revoke selected (12)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke 12 credentials?' });
  const confirm = dialog.getByRole('button', { name: 'Revoke 12 credentials' });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  // Clicked anyway (aria-disabled keeps it focusable): nothing happens.
  await confirm.click({ force: true });
  await expect(dialog).toBeVisible();
  expect((await api.listCredentials(ORG, sa.id)).items).toHaveLength(12);
  await dialog.getByRole('textbox', { name: 'Type 12 to confirm' }).fill('11');
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByRole('textbox', { name: 'Type 12 to confirm' }).fill('12');
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  await confirm.click();
  const report = page.getByRole('dialog', { name: 'Revoked 12 of 12 credentials' });
  await expect(report.getByRole('status')).toHaveText('12 revoked, 0 failed.');
  await report.getByRole('button', { name: 'Done' }).click();
  expect((await api.listCredentials(ORG, sa.id)).items).toHaveLength(0);
  await expect(page.getByText('No credentials match these filters')).toBeVisible();
});
