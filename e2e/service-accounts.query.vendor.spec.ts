// Without `service_account_query` (EXTENSIONS=none): the list has no sort controls and no
// per-row credential columns, and a search scans the whole list.
import { expect, test, uniqueName } from './fixtures';
import { serviceAccountsPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

const ORG = 'acme';

test('hides the sort controls and summary columns, and searches by scanning', async ({ page, api }) => {
  const sa = await api.createServiceAccount(ORG, { name: uniqueName('vendor list') });
  await page.goto(serviceAccountsPath(ORG));
  const table = page.getByRole('table', { name: 'Service accounts', exact: true });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Name' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sort by/ })).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Credentials' })).toHaveCount(0);

  const scans: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/service-accounts') && url.searchParams.get('limit') === '1000') scans.push(url.search);
  });
  await page.getByRole('searchbox', { name: 'Search service accounts by name or ID' }).fill(sa.name);
  await expect(page.getByRole('table', { name: `Service accounts matching “${sa.name}”` }).getByRole('link', { name: sa.name })).toBeVisible();
  expect(scans.length).toBeGreaterThan(0);
  expect(scans.every((search) => !search.includes('q='))).toBe(true);
});
