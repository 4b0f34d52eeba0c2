// Moving between the console's pages as a browser moves between documents: Back returns to where
// the person was, a new page starts at the top, a page whose code is missing says so and the
// next navigation recovers.
import { expect, signInWithToken, test, uniqueName } from './fixtures';
import { credentialReviewPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';
const LIST = serviceAccountsPath(ORG);

// A short window, so the list's rows scroll.
test.use({ viewport: { width: 1024, height: 480 } });

test('Back returns to the scroll position the list had; a new page starts at the top', async ({ page, api }) => {
  // At least one row of our own, so the list has enough to scroll, newest first.
  await api.createServiceAccount(ORG, { name: uniqueName('scroll') });
  await signInWithToken(page, 'ada', LIST);
  const rowLinks = page.locator('main table').getByRole('row').getByRole('link');
  await expect(rowLinks.first()).toBeVisible();
  expect(await rowLinks.count()).toBeGreaterThan(8);

  const last = rowLinks.last();
  await last.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100);
  const name = (await last.textContent()) ?? '';

  await last.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(rowLinks.last()).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test.describe('a page whose code cannot be loaded', () => {
  // The asset cache would serve the chunk from its cache, past the route that fails it.
  test.use({ serviceWorkers: 'block' });

  test('says the console was updated, and the next navigation works', async ({ page }) => {
    await page.route(/\/assets\/credential-review-[^/]+\.js$/, (route) => route.abort());
    await signInWithToken(page, 'ada', LIST);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(page.locator('main table').getByRole('row').nth(1)).toBeVisible();

    await nav.getByRole('link', { name: 'Credential review' }).click();
    await expect(page.getByRole('heading', { name: 'The console was updated' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${credentialReviewPath(ORG)}$`));
    await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();

    await nav.getByRole('link', { name: 'Service accounts' }).click();
    await expect(page.getByRole('heading', { name: 'The console was updated' })).toHaveCount(0);
    await expect(page.locator('main table').getByRole('row').nth(1)).toBeVisible();
  });
});
