// Signing in and out, and what happens when the server stops accepting the token.
import type { Page } from '@playwright/test';
import { DEMO_PEOPLE, SESSION_STORAGE_KEY, expect, signInAs, signInWithToken, test } from './fixtures';
import { ROUTES, serviceAccountPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';

function storedSession(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), SESSION_STORAGE_KEY);
}

/** The URL is the sign-in page with this `returnTo` (and the "session ended" reason when `expired`). */
function signInUrl(returnTo: string | null, expired: boolean) {
  return (url: URL) =>
    url.pathname === ROUTES.signIn &&
    url.searchParams.get('returnTo') === returnTo &&
    (url.searchParams.get('reason') === 'expired') === expired;
}

test('an invalid token opens sign-in, and signing in returns to the deep link', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const deepLink = `${serviceAccountsPath(ORG)}?limit=10&q=${encodeURIComponent(serviceAccount.name)}`;

  await signInWithToken(page, { token: 'expired-or-made-up-token' }, deepLink);

  await expect(page).toHaveURL(signInUrl(deepLink, true));
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();
  expect(await storedSession(page)).toBeNull();

  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page).toHaveURL(deepLink);
  const results = page.getByRole('table', { name: `Service accounts matching “${serviceAccount.name}”` });
  await expect(results.getByRole('link', { name: serviceAccount.name, exact: true })).toBeVisible();
  expect(JSON.parse((await storedSession(page)) ?? 'null')).toEqual({ token: DEMO_PEOPLE.ada.token });
});

test('a 401 in the middle of a session returns to sign-in and back to the same page', async ({ page, context, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG, { description: 'unchanged' });
  const path = serviceAccountPath(ORG, serviceAccount.id);
  await signInWithToken(page, 'ada', path);
  await expect(page.getByRole('heading', { level: 1, name: serviceAccount.name })).toBeVisible();

  // The token stops being valid while the page is open: another tab stores one the server
  // does not know, and this tab picks it up (as it would a sign-in as someone else).
  const otherTab = await context.newPage();
  await otherTab.goto('/favicon.svg');
  await otherTab.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [SESSION_STORAGE_KEY, JSON.stringify({ token: 'revoked-token' })] as const,
  );
  await otherTab.close();

  // The next request, a save, is refused with 401.
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${serviceAccount.name}` });
  await dialog.getByRole('textbox', { name: 'Description' }).fill('changed with a revoked token');
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(signInUrl(path, true));
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();
  expect(await storedSession(page)).toBeNull();
  expect((await api.getServiceAccount(ORG, serviceAccount.id)).description).toBe('unchanged');

  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole('heading', { level: 1, name: serviceAccount.name })).toBeVisible();
});

test('signing out forgets the token', async ({ page }) => {
  await signInAs(page, 'oscar');
  await expect(page).toHaveURL(new RegExp(`${serviceAccountsPath(ORG)}$`));
  await expect(page.getByRole('banner')).toContainText('Oscar Operator');
  expect(JSON.parse((await storedSession(page)) ?? 'null')).toEqual({ token: DEMO_PEOPLE.oscar.token });

  const tokensSentAfterSignOut: string[] = [];
  let signedOut = false;
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (signedOut && authorization) tokensSentAfterSignOut.push(authorization);
  });

  await page.getByRole('button', { name: 'Sign out' }).click();
  signedOut = true;
  // Signing out on purpose is not "come back here later": plain sign-in.
  await expect(page).toHaveURL(signInUrl(null, false));
  expect(await storedSession(page)).toBeNull();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  // Neither Back nor a fresh load gets into the console again.
  await page.goBack();
  await expect(page).toHaveURL((url) => url.pathname === ROUTES.signIn);
  await expect(page.getByRole('button', { name: 'Sign in as Oscar Operator' })).toBeVisible();
  await page.goto(serviceAccountsPath(ORG));
  await expect(page).toHaveURL(signInUrl(serviceAccountsPath(ORG), false));
  await expect(page.getByRole('button', { name: 'Sign in as Oscar Operator' })).toBeVisible();
  expect(tokensSentAfterSignOut).toEqual([]);
});

test('a pasted token that the server refuses is reported, and a good one signs in', async ({ page }) => {
  const returnTo = serviceAccountsPath(ORG);
  await page.goto(`${ROUTES.signIn}?returnTo=${encodeURIComponent(returnTo)}`);
  const form = page.getByRole('region', { name: 'Sign in with an API token' });
  const field = form.getByRole('textbox', { name: 'Bearer token' });
  const submit = form.getByRole('button', { name: 'Sign in', exact: true });

  await submit.click();
  await expect(field).toHaveAccessibleDescription(/Paste a token to sign in/);

  await field.fill('not-a-real-token');
  await submit.click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/That token was not accepted \(401\)/);
  await expect(page).toHaveURL(signInUrl(returnTo, false));
  expect(await storedSession(page)).toBeNull();

  // Typing again clears the complaint; a real token signs in and goes where the person was headed.
  await field.fill(DEMO_PEOPLE.vera.token);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await submit.click();
  await expect(page).toHaveURL(returnTo);
  await expect(page.getByRole('banner')).toContainText('Vera Viewer');
  expect(JSON.parse((await storedSession(page)) ?? 'null')).toEqual({ token: DEMO_PEOPLE.vera.token });
});

test('returnTo never leads off the console', async ({ page, baseURL }) => {
  await page.goto(`${ROUTES.signIn}?returnTo=${encodeURIComponent('//example.com/phish')}`);
  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page).toHaveURL(`${baseURL}${serviceAccountsPath(ORG)}`);
});
