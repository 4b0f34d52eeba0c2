// With the server's `usage` extension, step 2 of a rotation charts uses per hour of the old and
// the new credential, live, with the same in words, so the cutover is seen.
import AxeBuilder from '@axe-core/playwright';
import { buildReplacementDescription } from '../src/lib/rotation';
import { expect, signInWithToken, test, uniqueName } from './fixtures';
import { rotateCredentialPath } from '../src/lib/paths';

const ORG = 'acme';

test('step 2 charts uses per hour of old and new, updated live, and says the cutover in words', async ({ page, api }) => {
  const sa = await api.createServiceAccount(ORG);
  const old = await api.createCredential(ORG, sa.id, { name: uniqueName('charted') });
  for (let i = 0; i < 3; i++) expect((await api.exchangeToken(old.client_id, old.client_secret)).status).toBe(200);
  const replacement = await api.createCredential(ORG, sa.id, {
    name: `${old.name} (rotated)`,
    description: buildReplacementDescription(old),
  });
  await signInWithToken(page, 'ada', rotateCredentialPath(ORG, sa.id, old.id));

  const chart = page.getByRole('figure');
  await expect(chart.getByRole('img', { name: /^Uses per hour of the old and the new credential\./ })).toBeVisible();
  const sentence = chart.getByTestId('switch-over-sentence');
  // Hourly buckets: the uses just before the replacement was made fall in its hour.
  await expect(sentence).toHaveText(
    'Only the old credential is in use: 3 uses since the hour the replacement was created, none of the new one yet.',
  );

  // Clients move over while the page stays open: the chart follows (polling).
  expect((await api.exchangeToken(old.client_id, old.client_secret)).status).toBe(200);
  await expect(sentence).toHaveText(
    'Only the old credential is in use: 4 uses since the hour the replacement was created, none of the new one yet.',
    { timeout: 15_000 },
  );
  for (let i = 0; i < 2; i++) {
    expect((await api.exchangeToken(replacement.client_id, replacement.client_secret)).status).toBe(200);
  }
  // (Or, if the hour turned meanwhile, the cutover sentence.)
  await expect(sentence).toHaveText(/the old one 4 times .+ and the new one 2 times\.$|only the new one, 2 uses\.$/, {
    timeout: 15_000,
  });

  // The numbers behind it add up to the same.
  await chart.getByText('The numbers, per hour').click();
  const cells = chart.getByRole('table').getByRole('cell');
  const sums = [0, 0];
  for (const [i, cell] of (await cells.allTextContents()).entries()) sums[i % 2]! += Number(cell);
  expect(sums).toEqual([4, 2]);

  // The window stays the default: uses within one hour leave no gap to wait for.
  await expect(page.getByRole('combobox', { name: 'Observation window' })).toHaveValue('');
  await expect(page.getByTestId('rotation-countdown')).toContainText('of the 1 h window');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).include('figure').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${colorScheme}: ${v.id} ${v.help}`)).toEqual([]);
  }
});
