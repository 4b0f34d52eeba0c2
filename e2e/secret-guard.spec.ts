// The one-time secret is guarded on every way out: while a secret dialog is open and "I have
// stored the secret" is not ticked, leaving asks inside the app first, and reload or closing the
// tab gets the browser's own leave-page prompt.
//
// The secret dialog is modal, so a person cannot reach the header's links, organization switcher
// or sign-out while it is open (the page behind is inert). These tests still fire those controls'
// own handlers (dispatchEvent / a forced select) to prove that a navigation from them, should one
// ever happen, is asked about too. Back and a 401 are real.
import type { Locator, Page } from '@playwright/test';
import { DEMO_PEOPLE, expect, SESSION_STORAGE_KEY, signInWithToken, test, uniqueName, type Api } from './fixtures';
import { rotateCredentialPath, serviceAccountPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';
const saPath = (id: string) => serviceAccountPath(ORG, id);

async function openSecretDialog(page: Page, api: Api): Promise<{ dialog: Locator; secret: string; url: string }> {
  const sa = await api.createServiceAccount(ORG);
  // From the list into the account, in-app: Back then stays inside the app.
  await signInWithToken(page, 'ada', `${serviceAccountsPath(ORG)}?q=${encodeURIComponent(sa.name)}`);
  await page.getByRole('link', { name: sa.name, exact: true }).click();
  await expect(page).toHaveURL(saPath(sa.id));
  const panel = page.getByRole('region', { name: 'Credentials' });
  await panel.getByRole('button', { name: 'Create credential' }).first().click();
  const form = page.getByRole('dialog', { name: 'Create credential' });
  await form.getByRole('textbox', { name: 'Name' }).fill(uniqueName('guarded'));
  await form.getByRole('button', { name: 'Create credential' }).click();
  const dialog = page.getByRole('dialog', { name: 'Credential created' });
  await expect(dialog).toBeVisible();
  const secret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
  return { dialog, secret, url: page.url() };
}

/** Answers the in-app question with "Stay" and checks that nothing was lost. */
async function stayAndCheck(page: Page, question: Locator, secretDialog: Locator, secret: string, url: string) {
  await expect(question).toBeVisible();
  await expect(question).toContainText('is shown only in this dialog');
  await question.getByRole('button', { name: 'Stay' }).click();
  await expect(question).toBeHidden();
  await expect(page).toHaveURL(url);
  await expect(secretDialog.getByRole('textbox', { name: 'Client secret' })).toHaveValue(secret);
}

const leaveQuestion = (page: Page) => page.getByRole('dialog', { name: 'Leave without storing the secret?' });

test('Back, a link, the organization switcher and sign-out each ask first; staying keeps the secret', async ({ page, api }) => {
  const { dialog, secret, url } = await openSecretDialog(page, api);

  // Back (the browser's own button, as history.back()).
  await page.evaluate(() => history.back());
  await stayAndCheck(page, leaveQuestion(page), dialog, secret, url);

  // An in-app link in the header.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Credential review' }).dispatchEvent('click');
  await stayAndCheck(page, leaveQuestion(page), dialog, secret, url);

  // The organization switcher.
  await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Globex' }, { force: true });
  await stayAndCheck(page, leaveQuestion(page), dialog, secret, url);

  // Sign-out: asked too, and staying keeps the session.
  await page.getByRole('button', { name: 'Sign out' }).dispatchEvent('click');
  await stayAndCheck(page, page.getByRole('dialog', { name: 'Sign out without storing the secret?' }), dialog, secret, url);
  expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_STORAGE_KEY)).toContain(DEMO_PEOPLE.ada.token);

  // Leaving on purpose works: Back, then "Leave anyway".
  await page.evaluate(() => history.back());
  await leaveQuestion(page).getByRole('button', { name: 'Leave anyway' }).click();
  await expect(page).toHaveURL(/\/orgs\/acme\/service-accounts\?q=/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
});

test('reload and closing the tab get the browser’s leave-page prompt while the secret is unstored', async ({ page, api }) => {
  const { dialog } = await openSecretDialog(page, api);
  const beforeUnloadCancels = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(await beforeUnloadCancels()).toBe(true);

  // The real prompt: closing the tab asks, and dismissing it keeps the page open.
  const prompt = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const shown = await prompt;
  expect(shown.type()).toBe('beforeunload');
  await shown.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(dialog.getByRole('textbox', { name: 'Client secret' })).toBeVisible();

  // Stored: no prompt any more, and leaving is not asked about.
  await dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
  expect(await beforeUnloadCancels()).toBe(false);
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(/\/orgs\/acme\/service-accounts\?q=/);
});

test('the rotation’s secret dialog is guarded too, including against a 401 while it is open', async ({ page, api, context }) => {
  const sa = await api.createServiceAccount(ORG);
  const old = await api.createCredential(ORG, sa.id, { name: uniqueName('rotating guarded') });
  const rotate = rotateCredentialPath(ORG, sa.id, old.id);
  await signInWithToken(page, 'ada', saPath(sa.id));
  // In-app, so Back stays inside the app.
  await page.getByRole('link', { name: `Rotate ${old.name}` }).click();
  await expect(page).toHaveURL(rotate);
  await page.getByRole('button', { name: 'Create replacement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replacement credential created' });
  const secret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();

  // Read before Back: during a blocked Back the address bar briefly shows the previous page.
  const url = page.url();
  await page.evaluate(() => history.back());
  await stayAndCheck(page, leaveQuestion(page), dialog, secret, url);

  // The session stops working (here: another tab stores a token the server does not know), and
  // the page's next poll gets a real 401. It asks instead of dropping the secret.
  const other = await context.newPage();
  await other.goto('/favicon.svg');
  await other.evaluate((key) => localStorage.setItem(key, JSON.stringify({ token: 'no-such-token' })), SESSION_STORAGE_KEY);
  await other.close();
  const ended = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(ended).toBeVisible({ timeout: 15_000 });
  await stayAndCheck(page, ended, dialog, secret, url);
  // Later polls do not ask again while the secret is on screen.
  await page.waitForTimeout(6_000);
  await expect(ended).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Client secret' })).toHaveValue(secret);

  // Once stored and closed, the 401 takes the person to sign-in as usual.
  await dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/\/sign-in\?/, { timeout: 15_000 });
});
