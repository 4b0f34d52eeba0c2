import { expect, test } from './fixtures';
import { serviceAccountsPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

test('the vendor-like server has no discovery, and the console works without it', async ({ page, request }) => {
  const res = await request.get('/api/capabilities');
  expect(res.status()).toBe(404);
  expect(((await res.json()) as { code: string }).code).toBe('not_found');

  await page.goto(serviceAccountsPath('acme'));
  await expect(page.getByRole('heading', { level: 1, name: 'Service accounts' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
