// The service-accounts list over the server's `service_account_query`: search by a credential's
// client_id or a description in one request, sortable columns, and each row's credential
// count and last use.
import type { Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';
import { serviceAccountsPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

const ORG = 'acme';
const LIST_PATH = serviceAccountsPath(ORG);
const params = (page: Page) => new URL(page.url()).searchParams;

test('searches by client_id and description in one request and shows credential summaries', async ({ page, api }) => {
  const tag = uniqueName('summary').replace(/ /g, '-');
  const used = await api.createServiceAccount(ORG, { name: `${tag} used`, description: `owned by team ${tag}` });
  const unused = await api.createServiceAccount(ORG, { name: `${tag} unused` });
  const secret = await api.createCredential(ORG, used.id);
  await api.createCredential(ORG, used.id);
  expect((await api.exchangeToken(secret.client_id, secret.client_secret)).status).toBe(200);
  const lastUsedAt = (await api.getCredential(ORG, used.id, secret.id)).last_used_at!;

  const listRequests: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/organizations/${ORG}/service-accounts`) listRequests.push(url);
  });
  await page.goto(LIST_PATH);
  await expect(page.getByRole('table', { name: 'Service accounts', exact: true })).toBeVisible();
  listRequests.length = 0;

  // A credential's client_id finds its service account.
  const search = page.getByRole('searchbox', { name: 'Search service accounts by name or ID' });
  await search.fill(secret.client_id);
  const byClientId = page.getByRole('table', { name: `Service accounts matching “${secret.client_id}”` });
  await expect(byClientId.getByRole('row').getByRole('link')).toHaveText([used.name]);
  const searches = listRequests.filter((url) => url.searchParams.get('q') === secret.client_id && !url.searchParams.get('after'));
  expect(searches).toHaveLength(1);
  expect(searches[0]!.searchParams.getAll('expand[]')).toContain('credential_summary');
  expect(listRequests.some((url) => url.searchParams.get('limit') === '1000')).toBe(false);

  // Words of a description.
  await search.fill(`OWNED BY TEAM ${tag}`);
  const byDescription = page.getByRole('table', { name: `Service accounts matching “OWNED BY TEAM ${tag}”` });
  await expect(byDescription.getByRole('row').getByRole('link')).toHaveText([used.name]);

  // The tag is in both names.
  await search.fill(tag);
  const byTag = page.getByRole('table', { name: `Service accounts matching “${tag}”` });
  await expect(byTag.getByRole('row').getByRole('link')).toHaveCount(2);
  const headers = await byTag.getByRole('columnheader').allTextContents();
  const countColumn = headers.findIndex((h) => h.includes('Credentials'));
  const lastUsedColumn = headers.findIndex((h) => h.includes('Last used'));
  expect(countColumn).toBeGreaterThan(0);
  const row = (name: string) => byTag.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row(used.name).getByRole('cell').nth(countColumn)).toHaveText('2');
  await expect(row(used.name).getByRole('cell').nth(lastUsedColumn).locator('time')).toHaveAttribute(
    'datetime',
    new Date(lastUsedAt).toISOString(),
  );
  await expect(row(unused.name).getByRole('cell').nth(countColumn)).toHaveText('0');
  await expect(row(unused.name).getByRole('cell').nth(lastUsedColumn)).toHaveText('No credentials');

  // Sorted by the server, both ways, with the sort in the URL.
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect.poll(() => params(page).get('sort')).toBe('name');
  expect(params(page).get('dir')).toBe('asc');
  await expect(byTag.getByRole('row').getByRole('link')).toHaveText([used.name, unused.name].sort());
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect.poll(() => params(page).get('dir')).toBe('desc');
  await expect(byTag.getByRole('row').getByRole('link')).toHaveText([used.name, unused.name].sort().reverse());
  await expect(page.getByRole('columnheader', { name: /Sort by Name/ })).toHaveAttribute('aria-sort', 'descending');

  // By last use, most recent first: the used one before the one with no credentials.
  await page.getByRole('button', { name: 'Sort by Last used' }).click();
  await expect.poll(() => params(page).get('sort')).toBe('last_used_at');
  await expect(byTag.getByRole('row').getByRole('link')).toHaveText([used.name, unused.name]);
  const sorted = listRequests.at(-1)!;
  expect([sorted.searchParams.get('sort'), sorted.searchParams.get('direction'), sorted.searchParams.get('q')]).toEqual([
    'last_used_at',
    'desc',
    tag,
  ]);
});
