// Against the vendor-like server (EXTENSIONS=none): no usage and no audit trail exist, so the
// console shows no trace of them: no chart, no "last used from", no "created by", no Activity
// section, no nav link, no activity page, no "Uses (30 days)" column, and no error either.
import { expect, test, uniqueName } from './fixtures';
import { activityPath, credentialPath, credentialReviewPath, serviceAccountPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

const ORG = 'acme';
const saPath = (id: string) => serviceAccountPath(ORG, id);

test('credential and service account pages show no usage and no activity, and nothing fails', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const credential = await api.createCredential(ORG, serviceAccount.id, { name: uniqueName('vendor cred') });
  expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
  const extensionRequests: string[] = [];
  page.on('request', (request) => {
    if (/^\/api\/.*(\/usage|\/audit-events)/.test(new URL(request.url()).pathname)) extensionRequests.push(request.url());
  });

  await page.goto(saPath(serviceAccount.id));
  await expect(page.getByRole('heading', { level: 1, name: serviceAccount.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Credentials' }).getByRole('link', { name: credential.name, exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Credential review' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Activity' })).toHaveCount(0);

  await page.goto(credentialPath(ORG, serviceAccount.id, credential.id));
  await expect(page.getByRole('heading', { level: 1, name: credential.name })).toBeVisible();
  // The vendor's own fact, last_used_at, is still there.
  await expect(page.getByRole('definition').filter({ hasText: 'just now' }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Usage' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Activity' })).toHaveCount(0);
  await expect(page.getByText(/Last used from|by Ada Admin|uses in the last/)).toHaveCount(0);
  await expect(page.getByRole('img')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(extensionRequests).toEqual([]);
});

test('there is no activity page, and the review page has no uses column', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  await api.createCredential(ORG, serviceAccount.id);
  await page.goto(activityPath(ORG));
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  await page.goto(`${credentialReviewPath(ORG)}?account=${serviceAccount.id}`);
  const table = page.getByRole('table', { name: 'Credentials of the organization' });
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('columnheader', { name: 'Last used' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /Uses/ })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
