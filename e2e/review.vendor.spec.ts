// Without the extensions (EXTENSIONS=none, as the vendor's API): the review reads every service
// account's credentials and shows them as they arrive; find-by-client_id scans, with progress,
// and can be cancelled. Responses are only held back a little here so the progress can be seen.
import type { Page } from '@playwright/test';
import { expect, signInWithToken, test, uniqueName } from './fixtures';
import { credentialReviewPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';
const table = (page: Page) => page.getByRole('table', { name: 'Credentials of the organization' });

async function slowCredentialLists(page: Page, ms: number) {
  await page.route(/\/api\/organizations\/[^/]+\/service-accounts\/[^/]+\/credentials\?/, async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    // Cancelled meanwhile (the console aborted it, or the test unrouted): nothing to continue.
    await route.continue().catch(() => undefined);
  });
}

test('rows and counts appear while the credentials are still loading, with the remaining count', async ({ page }) => {
  await slowCredentialLists(page, 150);
  await signInWithToken(page, 'ada', credentialReviewPath(ORG));
  const progress = page.getByRole('progressbar', { name: 'Loading credentials' });
  // The table is there before the load ends.
  await expect(table(page)).toBeVisible({ timeout: 20_000 });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/service accounts \([\d,]+ credentials\), [\d,]+ remaining/)).toBeVisible();
  // Select-all and export wait for the whole organization: seen together with "loaded so far" in
  // one look at the page (read one after the other, a fast load could end between the two).
  await page.waitForFunction(
    () => {
      const loading = [...document.querySelectorAll('[role=status]')].some((s) => /credentials.*loaded so far/s.test(s.textContent ?? ''));
      const exportButton = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export CSV');
      return loading && exportButton?.getAttribute('aria-disabled') === 'true';
    },
    null,
    { timeout: 10_000, polling: 50 },
  );
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Export CSV' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('finding a credential by client ID scans with progress and can be cancelled', async ({ page, api }) => {
  const sa = await api.createServiceAccount(ORG, { name: uniqueName('scan') });
  const credential = await api.createCredential(ORG, sa.id);
  await slowCredentialLists(page, 200);
  await signInWithToken(page, 'ada', serviceAccountsPath(ORG));
  const field = page.getByRole('searchbox', { name: 'Find a credential by client ID' });
  await field.fill('no-such-client-id');
  await field.press('Enter');
  await expect(page.getByRole('progressbar', { name: 'Finding the credential' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Searched the credentials of' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Search cancelled')).toBeVisible();

  await page.unroute(/\/api\/organizations\/[^/]+\/service-accounts\/[^/]+\/credentials\?/);
  await field.fill(credential.client_id);
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/credentials/${credential.id}$`), { timeout: 20_000 });
});
