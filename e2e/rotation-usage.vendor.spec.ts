// Against an API without the `usage` extension (as the vendor hosts it), step 2 has no chart,
// asks for no usage, and shows no error: the rest of the rotation works as before.
import { buildReplacementDescription } from '../src/lib/rotation';
import { expect, signInWithToken, test, uniqueName } from './fixtures';
import { rotateCredentialPath } from '../src/lib/paths';

const ORG = 'acme';

test('without usage history there is no chart, no usage request and no error', async ({ page, api }) => {
  const sa = await api.createServiceAccount(ORG);
  const old = await api.createCredential(ORG, sa.id, { name: uniqueName('uncharted') });
  await api.createCredential(ORG, sa.id, { name: `${old.name} (rotated)`, description: buildReplacementDescription(old) });
  const usageRequests: string[] = [];
  page.on('request', (request) => {
    if (/^\/api\/.*\/usage$/.test(new URL(request.url()).pathname)) usageRequests.push(request.url());
  });
  await signInWithToken(page, 'ada', rotateCredentialPath(ORG, sa.id, old.id));
  await expect(page.getByTestId('rotation-countdown')).toBeVisible();
  // Two polls' worth of time.
  await page.waitForTimeout(6_000);
  await expect(page.getByRole('figure')).toHaveCount(0);
  await expect(page.getByText('The numbers, per hour')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('alert')).toHaveCount(0);
  expect(usageRequests).toEqual([]);
});
