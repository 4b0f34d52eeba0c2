// The review page over the server's `org_credentials` extension: server paging, the stats
// endpoint with the page's own policy, select-all-matching that walks the server's pages (and
// can be cancelled), and find-by-client_id in one request.
import type { Page } from '@playwright/test';
import { expect, signInWithToken, test, uniqueName } from './fixtures';
import { credentialReviewPath } from '../src/lib/paths';

const ORG = 'acme';
const REVIEW = credentialReviewPath(ORG);
const table = (page: Page) => page.getByRole('table', { name: 'Credentials of the organization' });
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const statusLine = (page: Page) => page.getByRole('status').filter({ hasText: /credentials/ }).first();

test('pages through the server, counts with the page policy, and walks every page to select all', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  const sa = await api.createServiceAccount(ORG, { name: uniqueName('paged') });
  const created = [];
  for (let i = 0; i < 205; i += 5) {
    created.push(
      ...(await Promise.all(
        Array.from({ length: 5 }, (_, j) => api.createCredential(ORG, sa.id, { name: `paged ${String(i + j).padStart(3, '0')}` })),
      )),
    );
  }
  expect((await api.exchangeToken(created[0]!.client_id, created[0]!.client_secret)).status).toBe(200);

  const listRequests: URL[] = [];
  const statsRequests: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/organizations/${ORG}/credentials`) listRequests.push(url);
    if (url.pathname === `/api/organizations/${ORG}/credentials/stats`) statsRequests.push(url);
  });
  await signInWithToken(page, 'ada', `${REVIEW}?account=${sa.id}&stale=45`);
  await expect(bodyRows(page)).toHaveCount(200, { timeout: 20_000 });
  // Counts from the stats endpoint, scoped to the account, with the page's stale threshold.
  await expect(page.getByRole('button', { name: '205 All' })).toBeVisible();
  await expect(page.getByRole('button', { name: '1 Active' })).toBeVisible();
  await expect(page.getByRole('button', { name: '204 New' })).toBeVisible();
  const stats = statsRequests.at(-1)!;
  expect(stats.searchParams.get('service_account_id')).toBe(sa.id);
  expect(stats.searchParams.get('stale_after_days')).toBe('45');
  expect(stats.searchParams.get('idle_after_days')).toBe('30');
  // One page of 200, sorted by the server: never used first (oldest use), the used one last.
  const first = listRequests[0]!;
  expect(first.searchParams.get('limit')).toBe('200');
  expect(first.searchParams.get('sort')).toBe('last_used_at');
  expect(first.searchParams.get('direction')).toBe('asc');

  await page.getByRole('button', { name: 'Show 5 more' }).click();
  await expect(bodyRows(page)).toHaveCount(205);
  expect(listRequests.some((url) => url.searchParams.get('after'))).toBe(true);
  await expect(bodyRows(page).last()).toContainText(created[0]!.client_id);

  // Select all matching: a walk of the server's pages, cancellable while it runs.
  await page.goto(`${REVIEW}?account=${sa.id}`);
  await expect(bodyRows(page)).toHaveCount(200, { timeout: 20_000 });
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The real server answers; its answer is only held back so the walk can be watched and cancelled.
  await page.route(`**/api/organizations/${ORG}/credentials?*limit=1000*`, async (route) => {
    await held;
    // The walk was cancelled: the console aborted this request, so there may be nothing to continue.
    await route.continue().catch(() => undefined);
  });
  await page.getByRole('button', { name: 'Select all 205 matching' }).click();
  const walking = page.getByRole('group', { name: 'Selecting all matching credentials' });
  await expect(walking.getByRole('progressbar')).toBeVisible();
  await walking.getByRole('button', { name: 'Cancel' }).click();
  await expect(walking).toBeHidden();
  release();
  await expect(statusLine(page)).not.toContainText('selected');

  await page.unroute(`**/api/organizations/${ORG}/credentials?*limit=1000*`);
  await page.getByRole('button', { name: 'Select all 205 matching' }).click();
  await expect(statusLine(page)).toContainText('205 selected');
  await expect(page.getByRole('button', { name: 'Revoke selected (205)' })).toBeVisible();
});

test('finds a credential by client_id with one request', async ({ page, api }) => {
  const sa = await api.createServiceAccount(ORG, { name: uniqueName('one-request') });
  const credential = await api.createCredential(ORG, sa.id, { name: 'leaked' });
  const requests: string[] = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/api/organizations/')) requests.push(`${pathname}${search}`);
  });
  await signInWithToken(page, 'ada', `${credentialReviewPath(ORG)}?account=${sa.id}`);
  await expect(bodyRows(page)).toHaveCount(1);
  requests.length = 0;

  const field = page.getByRole('searchbox', { name: 'Find a credential by client ID' });
  await field.fill(credential.client_id);
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('leaked');
  const searches = requests.filter((r) => r.startsWith(`/api/organizations/${ORG}/credentials?`));
  expect(searches).toHaveLength(1);
  expect(new URLSearchParams(searches[0]!.split('?')[1]).get('q')).toBe(credential.client_id);
  // No fan-out over service accounts.
  expect(requests.filter((r) => /\/service-accounts\?/.test(r))).toEqual([]);
});
