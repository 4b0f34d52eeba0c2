// Service accounts as an org_admin: create, edit, delete, the duplicate-name error,
// cursor pagination and the organization-wide search.
import type { Locator, Page } from '@playwright/test';
import { expect, test, uniqueName, type Api } from './fixtures';
import { serviceAccountsPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

const ORG = 'acme';
const LIST_PATH = serviceAccountsPath(ORG);
const ID_IN_PATH = new RegExp(`^/orgs/${ORG}/service-accounts/([a-z0-9]+)$`);

/** The paged list's table (not the search results', whose caption names the query). */
function listTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Service accounts', exact: true });
}

/** Service account ids of the rows on screen, from their links, in order. */
async function rowIds(table: Locator): Promise<string[]> {
  const hrefs = await table
    .getByRole('row')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => ID_IN_PATH.exec(href)?.[1] ?? `unexpected link ${href}`);
}

/** Waits until the table shows a settled page whose rows differ from `previous`, and returns them. */
async function nextRows(table: Locator, previous: string[]): Promise<string[]> {
  let rows: string[] = [];
  await expect
    .poll(async () => {
      if ((await table.getAttribute('aria-busy')) === 'true') return false;
      rows = await rowIds(table);
      return rows.length > 0 && rows.join() !== previous.join();
    })
    .toBe(true);
  return rows;
}

test('create, edit and delete a service account', async ({ page, api }) => {
  const name = uniqueName('sa created');
  let createdId: string | undefined;
  try {
    await page.goto(LIST_PATH);
    await page.getByRole('button', { name: 'Create service account' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Create service account' });
    // The form validates before sending: an empty name is refused on its field.
    await createDialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(createDialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    await createDialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await createDialog.getByRole('textbox', { name: 'Description' }).fill('Made by the e2e suite');
    await createDialog.getByRole('button', { name: 'Create service account' }).click();

    // Saved: the dialog closes, a toast confirms, and the new account's page opens.
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Created service account ${name}`);
    createdId = ID_IN_PATH.exec(new URL(page.url()).pathname)?.[1];
    expect(createdId).toBeDefined();
    const id = createdId!;
    await expect(page.getByRole('main')).toContainText(id);
    expect(await api.getServiceAccount(ORG, id)).toMatchObject({ name, description: 'Made by the e2e suite' });

    // ---- edit ----
    const renamed = `${name} renamed`;
    await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
    const editDialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(editDialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
    await expect(editDialog.getByRole('textbox', { name: 'Description' })).toHaveValue('Made by the e2e suite');
    await editDialog.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await editDialog.getByRole('textbox', { name: 'Description' }).fill('');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('No description');
    const saved = await api.getServiceAccount(ORG, id);
    expect(saved.name).toBe(renamed);
    expect(saved.description ?? '').toBe('');

    // ---- delete: names its credentials and how many were used recently ----
    const used = await api.createCredential(ORG, id, { name: uniqueName('used cred') });
    await api.createCredential(ORG, id, { name: uniqueName('idle cred') });
    expect((await api.exchangeToken(used.client_id, used.client_secret)).status).toBe(200);

    await page.getByRole('main').getByRole('button', { name: 'Delete', exact: true }).click();
    const deleteDialog = page.getByRole('dialog', { name: `Delete ${renamed}?` });
    await expect(deleteDialog).toContainText('Its 2 credentials will be deleted too.');
    await expect(deleteDialog).toContainText('1 was used in the last 30 days');
    const confirm = deleteDialog.getByRole('button', { name: 'Delete service account' });
    const typed = deleteDialog.getByRole('textbox', { name: `Type ${renamed} to confirm` });
    await expect(typed).toBeFocused();
    // Inert until the exact name is typed.
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await typed.fill(name);
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await confirm.click({ force: true });
    await expect(deleteDialog).toBeVisible();
    await typed.fill(renamed);
    await expect(confirm).not.toHaveAttribute('aria-disabled');
    await confirm.click();

    await expect(page).toHaveURL(LIST_PATH);
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Deleted service account ${renamed}`);
    await expect(listTable(page)).toBeVisible();
    await expect(listTable(page).getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
    await expect.poll(async () => (await api.request.get(`/api/organizations/${ORG}/service-accounts/${id}`, { headers: api.auth })).status()).toBe(404);
    createdId = undefined;
  } finally {
    if (createdId) await api.deleteServiceAccount(ORG, createdId).catch(() => undefined);
  }
});

test('a duplicate name is reported on the name field and the input is kept', async ({ page, api }) => {
  const existing = await api.createServiceAccount(ORG, { name: uniqueName('sa taken') });
  // Names are unique regardless of case.
  const duplicate = existing.name.toUpperCase();

  await page.goto(LIST_PATH);
  await page.getByRole('button', { name: 'Create service account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create service account' });
  const nameField = dialog.getByRole('textbox', { name: 'Name' });
  const description = dialog.getByRole('textbox', { name: 'Description' });
  await nameField.fill(duplicate);
  await description.fill('Should survive the failed save');
  await dialog.getByRole('button', { name: 'Create service account' }).click();

  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(/A service account with this name already exists/);
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveValue(duplicate);
  await expect(description).toHaveValue('Should survive the failed save');
  await expect(dialog).toBeVisible();

  // Fixing the name saves it.
  const fixed = `${existing.name} second`;
  await nameField.fill(fixed);
  await dialog.getByRole('button', { name: 'Create service account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fixed })).toBeVisible();
  const id = ID_IN_PATH.exec(new URL(page.url()).pathname)?.[1];
  expect(id).toBeDefined();
  await api.deleteServiceAccount(ORG, id!);
});

test('paginates forward and back with the cursor and page size in the URL', async ({ page, api }) => {
  // Acme is seeded with ~30 service accounts, so 10 per page gives several pages.
  await page.goto(LIST_PATH);
  const table = listTable(page);
  await expect(table).toBeVisible();
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
  await expect(page).toHaveURL((url) => url.searchParams.get('limit') === '10' && !url.searchParams.has('after'));
  await expect.poll(async () => (await rowIds(table)).length).toBe(10);
  const pages = page.getByRole('navigation', { name: 'Service accounts pages' });
  await expect(pages).toContainText('10 service accounts on this page');
  const first = await rowIds(table);

  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('limit') === '10' && Boolean(url.searchParams.get('after')));
  const second = await nextRows(table, first);
  expect(second).toHaveLength(10);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  const secondUrl = page.url();

  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL((url) => url.href !== secondUrl && Boolean(url.searchParams.get('after')));
  const third = await nextRows(table, second);
  expect(third.filter((id) => first.includes(id) || second.includes(id))).toEqual([]);

  // Back: the rows before the third page are the second page again.
  await pages.getByRole('button', { name: 'Previous' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('limit') === '10' && Boolean(url.searchParams.get('before')));
  const secondAgain = await nextRows(table, third);
  await expectSamePageUnlessDeleted(api, second, secondAgain);

  await pages.getByRole('button', { name: 'Previous' }).click();
  const firstAgain = await nextRows(table, secondAgain);
  expect(firstAgain.filter((id) => secondAgain.includes(id))).toEqual([]);
  await expectSamePageUnlessDeleted(api, first, firstAgain);

  // The URL is the page: opening it afresh shows the same rows.
  await page.goto(secondUrl);
  await expectSamePageUnlessDeleted(api, second, await nextRows(table, []));
});

/**
 * Another test running at the same time may delete its own service accounts between two
 * loads of a page. Every row seen before that still exists must be seen again, and nothing
 * else unless a row went missing.
 */
async function expectSamePageUnlessDeleted(api: Api, before: string[], after: string[]) {
  const stillThere: string[] = [];
  for (const id of before) {
    const status = (await api.request.get(`/api/organizations/${ORG}/service-accounts/${id}`, { headers: api.auth })).status();
    if (status === 200) stillThere.push(id);
  }
  expect(stillThere.filter((id) => !after.includes(id))).toEqual([]);
  if (stillThere.length === before.length) expect(after).toEqual(before);
}

test('search finds a service account that is not on the first page', async ({ page, api }) => {
  const marker = uniqueName('needle').replace(/ /g, '-');
  const needle = await api.createServiceAccount(ORG, { name: `search ${marker} target` });
  // Newest first: ten newer ones push it off a ten-row first page.
  for (let i = 0; i < 10; i++) await api.createServiceAccount(ORG, { name: uniqueName('search filler') });

  await page.goto(`${LIST_PATH}?limit=10`);
  const table = listTable(page);
  await expect.poll(async () => (await rowIds(table)).length).toBe(10);
  expect(await rowIds(table)).not.toContain(needle.id);
  await expect(page.getByRole('navigation', { name: 'Service accounts pages' }).getByRole('button', { name: 'Next' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );

  // By part of its name, in another case.
  const search = page.getByRole('searchbox', { name: 'Search service accounts by name or ID' });
  await search.fill(marker.toUpperCase());
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === marker.toUpperCase());
  const results = page.getByRole('table', { name: `Service accounts matching “${marker.toUpperCase()}”` });
  await expect(results.getByRole('link', { name: needle.name, exact: true })).toBeVisible();
  await expect(results.getByRole('row').getByRole('link')).toHaveCount(1);
  // Without the server's search the console scans every page and says how many matched.
  if (test.info().project.name === 'vendor') {
    await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toContainText(
      `1 match for “${marker.toUpperCase()}”`,
    );
  }

  // By its exact id.
  await search.fill(needle.id);
  const byId = page.getByRole('table', { name: `Service accounts matching “${needle.id}”` });
  await expect(byId.getByRole('link', { name: needle.name, exact: true })).toBeVisible();

  // A query nothing matches says so; clearing returns to the paged list.
  await search.fill(`${marker}-nothing-like-this`);
  await expect(page.getByText('No matching service accounts')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('q') && url.searchParams.get('limit') === '10');
  await expect(search).toHaveValue('');
  await expect.poll(async () => (await rowIds(listTable(page))).length).toBe(10);

  // The result links to the account.
  await search.fill(marker);
  await page.getByRole('link', { name: needle.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: needle.name })).toBeVisible();
});

test('opening the list sends each of its first reads once (the boot script sends them, the page claims them)', async ({
  page,
}) => {
  const reads: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.startsWith('/api/')) reads.push(url.pathname + url.search);
  });
  await page.goto(LIST_PATH);
  await expect(listTable(page).getByRole('row').nth(1)).toBeVisible();
  await page.waitForLoadState('networkidle');

  const firstPage = reads.filter((read) => /^\/api\/organizations(\/acme(\/service-accounts)?)?\?/.test(read) && !read.includes('after='));
  // The organizations, the organization and the list's first page (the vendor's list waits for discovery).
  expect(firstPage.length).toBeGreaterThanOrEqual(3);
  expect(firstPage).toEqual([...new Set(firstPage)]);
});
