// The everyday details: plain-words permission reasons, no enabled-looking control before the
// permissions arrive, readable times with a UTC switch, the rotation-due filter, focus after
// navigation, the organization switcher, sign-in with "Bearer …" and a #hash deep link, the
// one not-found page, and the "use this credential" snippets.
import type { Page } from '@playwright/test';
import { DEMO_PEOPLE, expect, signInWithToken, test, uniqueName } from './fixtures';
import { ROUTES, credentialPath, credentialReviewPath, rotateCredentialPath, serviceAccountPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';
const LIST = serviceAccountsPath(ORG);
const REVIEW = credentialReviewPath(ORG);
const saPath = (id: string) => serviceAccountPath(ORG, id);
const credPath = (saId: string, id: string) => credentialPath(ORG, saId, id);

/** Resolves the delayed responses when called. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test.describe('permission reasons', () => {
  test("a viewer's disabled create control names the viewer role and the role that may act", async ({ page }) => {
    await signInWithToken(page, 'vera', LIST);
    const create = page.getByRole('button', { name: 'Create service account' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create).toHaveAccessibleDescription(
      'Only organization admins can create service accounts. You are a viewer in Acme Corp. (service_accounts.create)',
    );
    await create.hover();
    await expect(page.getByRole('tooltip')).toContainText('You are a viewer in Acme Corp.');
  });

  test('no control looks enabled before the permissions arrive (delayed response)', async ({ page, api }) => {
    const sa = await api.createServiceAccount(ORG, { name: uniqueName('delayed perms') });
    const held = gate();
    // The real server's answers, held back: the page must not offer the actions meanwhile.
    await page.route(
      (url) => url.pathname === `/api/organizations/${ORG}/service-accounts` || url.pathname === `/api/organizations/${ORG}/service-accounts/${sa.id}`,
      async (route) => {
        await held.opened;
        await route.continue();
      },
    );
    await signInWithToken(page, 'ada', LIST);
    const create = page.getByRole('button', { name: 'Create service account' });
    await expect(create).toBeVisible();
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create).toHaveAccessibleDescription('Checking your permissions…');
    await create.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    held.open();
    await expect(create).not.toHaveAttribute('aria-disabled', 'true');
    await expect(create).not.toHaveAccessibleDescription(/Checking/);

    // The credential page's Rotate waits for the service account's map the same way.
    const credential = await api.createCredential(ORG, sa.id);
    const heldAgain = gate();
    await page.unrouteAll({ behavior: 'wait' });
    await page.route(`**/api/organizations/${ORG}/service-accounts/${sa.id}?*`, async (route) => {
      await heldAgain.opened;
      await route.continue();
    });
    await page.goto(credPath(sa.id, credential.id));
    const rotate = page.getByRole('main').getByRole('link', { name: 'Rotate', exact: true });
    await expect(rotate).toHaveAttribute('aria-disabled', 'true');
    await expect(rotate).toHaveAccessibleDescription('Checking your permissions…');
    heldAgain.open();
    await expect(rotate).not.toHaveAttribute('aria-disabled', 'true');
  });
});

test.describe('times', () => {
  // The run's browsers are in UTC; a reader in New York sees the difference. A German browser
  // still gets English dates: the interface is English.
  test.use({ timezoneId: 'America/New_York', locale: 'de-DE' });

  test('dates follow the interface language, not the browser', async ({ page }) => {
    await signInWithToken(page, 'ada', LIST);
    const table = page.getByRole('table').first();
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table).toContainText(/ ago\b|just now|yesterday/);
    await expect(table).not.toContainText(/\bvor\b|gestern|Tagen/);
  });

  test('the credential page shows absolute times, and the UTC switch changes them', async ({ page, api }) => {
    const sa = await api.createServiceAccount(ORG, { name: uniqueName('times') });
    const credential = await api.createCredential(ORG, sa.id);
    expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
    await signInWithToken(page, 'ada', credPath(sa.id, credential.id));
    const details = page.getByRole('region', { name: 'Details' });
    const created = details.locator('dt:text-is("Created") + dd');
    const lastUsed = details.locator('dt:text-is("Last used") + dd');
    // Relative first, then the date and time with its zone, in English.
    await expect(created).toContainText(/just now|minute/);
    await expect(created).toContainText(/\(\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} (EST|EDT|GMT-[45])\)/);
    await expect(lastUsed).toContainText(/\(\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} (EST|EDT|GMT-[45])\)/);
    const localText = await created.textContent();

    const utc = page.getByRole('button', { name: 'Times in UTC' });
    await expect(utc).toHaveAttribute('aria-pressed', 'false');
    await utc.click();
    await expect(utc).toHaveAttribute('aria-pressed', 'true');
    await expect(created).toContainText(/\(\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} UTC\)/);
    await expect(lastUsed).toContainText(/ UTC\)/);
    expect(await created.textContent()).not.toBe(localText);

    // Kept in the browser: still UTC after a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Times in UTC' })).toHaveAttribute('aria-pressed', 'true');
    await expect(created).toContainText(/ UTC\)/);

    // Rotation due as a date and a distance.
    await expect(details.locator('dt:text-is("Rotation due") + dd')).toContainText(
      /\d{1,2} [A-Z][a-z]{2} \d{4} \(in (89|90) days\)/,
    );
  });
});

test('the Rotation due box filters the review like the status boxes', async ({ page }) => {
  await signInWithToken(page, 'ada', REVIEW);
  const totals = page.getByRole('list', { name: 'Totals by status' });
  const rotationDue = totals.getByRole('button', { name: /Rotation due$/ });
  await expect(rotationDue).toBeVisible({ timeout: 20_000 });
  const count = Number((await rotationDue.locator('.review-total__count').textContent())?.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  await rotationDue.click();
  await expect(rotationDue).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]rotation=due/);
  await expect(totals.getByRole('button', { name: /All$/ })).toHaveAttribute('aria-pressed', 'false');
  const rows = page.getByRole('table', { name: 'Credentials of the organization' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBe(Math.min(count, 200));
  // Every row shown is due: its Rotation cell links to the rotation.
  for (let i = 0; i < Math.min(shown, 10); i++) {
    await expect(rows.nth(i).getByRole('link', { name: /^Rotation due · overdue by [\d,]+ days? ?: rotate / })).toBeVisible();
  }
  // A status box replaces it, as one tab replaces another.
  await totals.getByRole('button', { name: /Stale$/ }).click();
  await expect(rotationDue).toHaveAttribute('aria-pressed', 'false');
  await expect(page).not.toHaveURL(/rotation=due/);
});

test.describe('navigation', () => {
  test('focus lands on the new page heading after navigation, and the page is announced', async ({ page, api }) => {
    const sa = await api.createServiceAccount(ORG, { name: uniqueName('focus') });
    await signInWithToken(page, 'ada', `${LIST}?q=${encodeURIComponent(sa.name)}`);
    await page.getByRole('link', { name: sa.name, exact: true }).click();
    const heading = page.getByRole('heading', { level: 1, name: sa.name });
    await expect(heading).toBeFocused();
    await expect(page.getByTestId('route-announcer')).toHaveText(sa.name);

    // By keyboard from the header's navigation, too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Credential review' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Credential review' })).toBeFocused();
    await expect(page.getByTestId('route-announcer')).toHaveText('Credential review');
  });

  test('the organization switcher keeps the kind of page', async ({ page, api }) => {
    const sa = await api.createServiceAccount(ORG, { name: uniqueName('switch') });
    await signInWithToken(page, 'ada', REVIEW);
    const switcher = page.getByRole('combobox', { name: 'Organization' });
    await switcher.selectOption({ label: 'Globex' });
    await expect(page).toHaveURL(/\/orgs\/globex\/credentials$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Credential review' })).toBeVisible();

    await switcher.selectOption({ label: 'Acme Corp' });
    await expect(page).toHaveURL(/\/orgs\/acme\/credentials$/);

    // A page about one item cannot exist in the other organization: its list instead.
    await page.goto(saPath(sa.id));
    await expect(page.getByRole('heading', { level: 1, name: sa.name })).toBeVisible();
    await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Globex' });
    await expect(page).toHaveURL(/\/orgs\/globex\/service-accounts$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Service accounts' })).toBeVisible();
  });
});

test.describe('sign-in', () => {
  test('a pasted "Bearer <token>" signs in', async ({ page }) => {
    await page.goto(`${ROUTES.signIn}?returnTo=${encodeURIComponent(LIST)}`);
    await page.getByLabel('Bearer token').fill(`Bearer ${DEMO_PEOPLE.ada.token}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${LIST}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Service accounts' })).toBeVisible();
  });

  test("a deep link's #hash survives the way through sign-in", async ({ page }) => {
    await page.goto(`${REVIEW}?status=stale#credentials`);
    await expect(page).toHaveURL(/\/sign-in\?/);
    await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
    await expect(page).toHaveURL(new RegExp(`${REVIEW}\\?status=stale#credentials$`));
    expect(await page.evaluate(() => window.location.hash)).toBe('#credentials');
  });
});

test('unknown routes, service accounts and credentials share one not-found page with a way back', async ({ page, api }) => {
  const sa = await api.createServiceAccount(ORG, { name: uniqueName('not found') });
  await signInWithToken(page, 'ada', `/orgs/${ORG}/no-such-page`);
  const cases = [
    { path: `/orgs/${ORG}/no-such-page`, title: 'Page not found', back: 'Go to the start page' },
    { path: saPath('nosuchserviceaccount000000'), title: 'Service account not found', back: 'Back to service accounts' },
    { path: credPath(sa.id, 'nosuchcredential0000000000'), title: 'Credential not found', back: 'Back to the service account' },
    { path: serviceAccountsPath('no-such-org'), title: 'Organization not found', back: 'Go to the start page' },
  ];
  for (const { path, title, back } of cases) {
    await page.goto(path);
    const region = page.getByRole('region', { name: title });
    await expect(region.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(region.getByText('Not found (404)')).toBeVisible();
    await expect(region.getByRole('link', { name: back })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL(/\/orgs\/acme\/service-accounts$/);
});

test.describe('use this credential', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the secret dialog focuses the secret, keeps the copy button width, and shows a working snippet', async ({ page, api, baseURL }) => {
    const sa = await api.createServiceAccount(ORG, { name: uniqueName('snippet') });
    await signInWithToken(page, 'ada', saPath(sa.id));
    await page.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: 'Create credential' }).first().click();
    const form = page.getByRole('dialog', { name: 'Create credential' });
    await form.getByRole('textbox', { name: 'Name' }).fill(uniqueName('snippet'));
    await form.getByRole('button', { name: 'Create credential' }).click();

    const dialog = page.getByRole('dialog', { name: 'Credential created' });
    const secret = dialog.getByRole('textbox', { name: 'Client secret' });
    await expect(secret).toBeFocused();
    const secretValue = await secret.inputValue();
    const clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();

    // "Copied" does not change the button's width (nor move the field beside it). Layout widths,
    // not bounding boxes: the dialog's opening animation scales its contents for a moment.
    const copy = dialog.getByRole('button', { name: 'Copy client secret' });
    const layoutWidth = (locator: typeof copy) => locator.evaluate((el) => (el as HTMLElement).offsetWidth);
    const before = await layoutWidth(copy);
    const fieldBefore = await layoutWidth(secret);
    await copy.click();
    const copied = dialog.getByRole('button', { name: 'Copied' }).first();
    await expect(copied).toBeVisible();
    expect(await layoutWidth(copied)).toBe(before);
    expect(await layoutWidth(secret)).toBe(fieldBefore);

    // The snippet carries the real values and the console's own API base.
    const tokenUrl = `${baseURL}/api/service-account-token`;
    const curl = dialog.getByRole('figure', { name: 'Token request with curl' });
    await expect(curl).toContainText(tokenUrl);
    await expect(curl).toContainText(`-u '${clientId}:${secretValue}'`);
    const env = dialog.getByRole('figure', { name: '.env file' });
    await expect(env).toContainText(`CLIENT_SECRET=${secretValue}`);
    await env.getByRole('button', { name: 'Copy .env snippet' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `TOKEN_URL=${tokenUrl}\nCLIENT_ID=${clientId}\nCLIENT_SECRET=${secretValue}\n`,
    );
    // What the snippet says works: the same exchange over HTTP.
    expect((await api.exchangeToken(clientId, secretValue)).status).toBe(200);

    await dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText(secretValue)).toHaveCount(0);
  });

  test('the credential page shows the snippet with the secret as a placeholder', async ({ page, api, baseURL }) => {
    const sa = await api.createServiceAccount(ORG, { name: uniqueName('snippet page') });
    const credential = await api.createCredential(ORG, sa.id);
    await signInWithToken(page, 'vera', credPath(sa.id, credential.id));
    const section = page.getByRole('region', { name: 'Use this credential' });
    const curl = section.getByRole('figure', { name: 'Token request with curl' });
    await expect(curl).toContainText(`curl -X POST '${baseURL}/api/service-account-token'`);
    await expect(curl).toContainText(`-u '${credential.client_id}:<client secret>'`);
    await expect(section.getByRole('figure', { name: '.env file' })).toContainText('CLIENT_SECRET=<client secret>');
    await expect(page.getByText(credential.client_secret)).toHaveCount(0);
  });
});

/** Whether anything makes the page wider than the window. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** For the failure message: the elements that stick out past the window's right edge. */
async function widest(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`)
      .join(', '),
  );
}

/** A valid 255-character name with no space to break at: the worst case for layout. */
function longName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-`.padEnd(255, 'W');
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 844 } });

    test('no page scrolls sideways, even with a 255-character name', async ({ page, api }) => {
      const saName = longName('sa');
      const credName = longName('cred');
      expect(saName).toHaveLength(255);
      const sa = await api.createServiceAccount(ORG, { name: saName, description: longName('desc') });
      const credential = await api.createCredential(ORG, sa.id, { name: credName });
      const empty = await api.createServiceAccount(ORG, { name: longName('empty') });

      const pages: { path: string; ready: (p: Page) => Promise<void> }[] = [
        { path: `${LIST}?q=${encodeURIComponent(saName)}`, ready: (p) => expect(p.getByRole('link', { name: saName, exact: true })).toBeVisible() },
        { path: LIST, ready: (p) => expect(p.getByRole('table').locator('tbody tr').first()).toBeVisible() },
        { path: saPath(sa.id), ready: (p) => expect(p.getByRole('link', { name: credName, exact: true })).toBeVisible() },
        { path: saPath(empty.id), ready: (p) => expect(p.getByText('No credentials yet')).toBeVisible() },
        {
          path: credPath(sa.id, credential.id),
          ready: (p) => expect(p.getByRole('heading', { level: 1, name: credName })).toBeVisible(),
        },
        {
          path: rotateCredentialPath(ORG, sa.id, credential.id),
          ready: (p) => expect(p.getByRole('button', { name: 'Create replacement' })).toBeVisible(),
        },
        {
          path: `${REVIEW}?account=${sa.id}`,
          ready: (p) => expect(p.getByRole('link', { name: credName, exact: true })).toBeVisible({ timeout: 20_000 }),
        },
        { path: `/orgs/${ORG}/nothing-here`, ready: (p) => expect(p.getByRole('heading', { name: 'Page not found' })).toBeVisible() },
      ];
      await signInWithToken(page, 'ada', LIST);
      for (const { path, ready } of pages) {
        await page.goto(path);
        await ready(page);
        expect(await horizontalOverflow(page), `${path} at ${width}px: ${await widest(page)}`).toBeLessThanOrEqual(0);
      }

      // The delete dialog shows the whole name.
      await page.goto(saPath(sa.id));
      await page.getByRole('main').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const dialogBox = await page.getByRole('dialog').boundingBox();
      expect((dialogBox?.x ?? 0) + (dialogBox?.width ?? 0)).toBeLessThanOrEqual(width);

      await page.goto(ROUTES.signIn);
      await expect(page.getByRole('button', { name: 'Sign in as Ada Admin' })).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });

    test("a credential row's name, status, last use and actions are on screen without scrolling sideways", async ({ page, api }) => {
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('row') });
      const credential = await api.createCredential(ORG, sa.id, { name: longName('row') });
      await signInWithToken(page, 'ada', saPath(sa.id));
      const panel = page.getByRole('region', { name: 'Credentials' });
      const row = panel.getByRole('row').filter({ has: page.getByRole('link', { name: credential.name, exact: true }) });
      // The name's cell (a long name is cut there, with the full name in its tooltip).
      const nameCell = row.getByRole('cell').filter({ has: page.getByRole('link', { name: credential.name, exact: true }) });
      await expect(row.getByRole('link', { name: credential.name, exact: true })).toHaveAttribute('title', credential.name);
      for (const control of [
        nameCell,
        row.getByText('New', { exact: true }),
        row.getByText('Never used'),
        row.getByRole('link', { name: `Rotate ${credential.name}` }),
        row.getByRole('button', { name: `Delete ${credential.name}` }),
      ]) {
        await expect(control).toBeVisible();
        const box = await control.boundingBox();
        expect(box, 'on screen').not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
      const scroller = panel.locator('.table-scroll');
      expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('review filters', () => {
  test('fold behind one button with the active count on a phone, and sit in one row on a wide screen', async ({ page }) => {
    await signInWithToken(page, 'ada', `${REVIEW}?status=stale&stale=60`);
    await expect(page.getByRole('table', { name: 'Credentials of the organization' })).toBeVisible({ timeout: 20_000 });
    // Wide: no fold button, every filter in one row.
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
    const filters = page.getByRole('group', { name: 'Filters' });
    const tops = await filters.locator('.field').evaluateAll((fields) => fields.map((f) => f.getBoundingClientRect().top));
    expect(tops.length).toBe(3);
    expect(new Set(tops).size).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.getByRole('button', { name: 'Filters (2 active)' });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(filters).toBeHidden();
    // The table starts near the top instead of under a column of filters.
    const tableTop = (await page.getByRole('table', { name: 'Credentials of the organization' }).boundingBox())?.y ?? 9999;
    await toggle.click();
    await expect(filters).toBeVisible();
    await expect(filters.getByLabel('Status')).toHaveValue('stale');
    const tableTopOpen = (await page.getByRole('table', { name: 'Credentials of the organization' }).boundingBox())?.y ?? 0;
    expect(tableTopOpen).toBeGreaterThan(tableTop);
  });
});
