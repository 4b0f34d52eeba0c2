// Credentials as an org_admin: the one-time secret, its downloads, proof that it works, and
// edit/delete with the last-use warning.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';
import { credentialPath, serviceAccountPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

const ORG = 'acme';
const saPath = (id: string) => serviceAccountPath(ORG, id);

type Secret = { clientId: string; clientSecret: string };

/** Creates a credential through the panel's dialog and returns the secret dialog. */
async function createThroughUi(page: Page, name: string, description = ''): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Credentials' });
  await panel.getByRole('button', { name: 'Create credential' }).first().click();
  const form = page.getByRole('dialog', { name: 'Create credential' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  if (description) await form.getByRole('textbox', { name: 'Description' }).fill(description);
  await form.getByRole('button', { name: 'Create credential' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Credential created' });
  await expect(secretDialog).toBeVisible();
  return secretDialog;
}

async function readSecret(dialog: Locator): Promise<Secret> {
  const clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
  const clientSecret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
  return { clientId, clientSecret };
}

/** The cell of `row` in the column headed `header` (the credentials table has two times per row). */
async function cellUnder(container: Locator, row: Locator, header: string): Promise<Locator> {
  const headers = await container.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((text) => text.trim() === header);
  expect(index, `a "${header}" column`).toBeGreaterThanOrEqual(0);
  return row.getByRole('cell').nth(index);
}

/** Everything the page keeps where someone could find it later. */
async function pageTraces(page: Page): Promise<string> {
  const storage = await page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`);
    return [...dump(localStorage), ...dump(sessionStorage), document.cookie, history.state ? JSON.stringify(history.state) : ''];
  });
  return [page.url(), await page.content(), ...storage].join('\n');
}

test('a new credential shows its secret once, and the secret works', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const name = uniqueName('cred secret');
  // What the page sends and logs, to check the secret never leaves in a request or a log line.
  const outgoing: string[] = [];
  page.on('request', (request) => outgoing.push(`${request.url()} ${request.postData() ?? ''}`));
  page.on('console', (message) => outgoing.push(message.text()));
  await page.goto(saPath(serviceAccount.id));
  await expect(page.getByRole('heading', { level: 1, name: serviceAccount.name })).toBeVisible();

  const dialog = await createThroughUi(page, name, 'Created by the e2e suite');
  await expect(dialog.getByRole('note')).toContainText('cannot be shown again');
  const { clientId, clientSecret } = await readSecret(dialog);
  // 256 bits of randomness at the very least, whatever the encoding.
  expect(clientSecret.length).toBeGreaterThanOrEqual(43);
  expect(clientId).not.toBe('');
  expect(clientSecret).not.toContain(clientId);

  // Both values are shown in full: the boxes need no scrolling and nothing is cut off.
  for (const label of ['Client ID', 'Client secret']) {
    const box = dialog.getByRole('textbox', { name: label });
    await expect(box).toBeVisible();
    await expect(box).toHaveAttribute('readonly');
    const fits = await box.evaluate(
      (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1 && el.clientWidth > 0,
    );
    expect(fits, `${label} is shown without scrolling`).toBe(true);
  }

  // Closing before confirming asks first, whichever way the person tries.
  const confirmClose = page.getByRole('dialog', { name: 'Close without storing the secret?' });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(confirmClose).toBeVisible();
  await confirmClose.getByRole('button', { name: 'Keep it open' }).click();
  await expect(confirmClose).toHaveCount(0);
  await expect(dialog).toBeVisible();

  await dialog.getByRole('textbox', { name: 'Client secret' }).focus();
  await page.keyboard.press('Escape');
  await expect(confirmClose).toBeVisible();
  await confirmClose.getByRole('button', { name: 'Keep it open' }).click();
  await expect(confirmClose).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(confirmClose).toBeVisible();
  await confirmClose.getByRole('button', { name: 'Keep it open' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Client secret' })).toHaveValue(clientSecret);

  // Once ticked, Done closes straight away.
  await dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The credential is listed by its client id; the secret is nowhere, before or after a reload.
  const panel = page.getByRole('region', { name: 'Credentials' });
  const row = panel.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toContainText(clientId);
  const lastUsed = await cellUnder(panel, row, 'Last used');
  await expect(lastUsed.getByText('Never used', { exact: true })).toBeVisible();
  expect(await pageTraces(page)).not.toContain(clientSecret);
  await page.reload();
  await expect(row).toContainText(clientId);
  expect(await pageTraces(page)).not.toContain(clientSecret);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(outgoing.filter((line) => line.includes(clientSecret))).toEqual([]);

  // The secret is real: a client can exchange it for an access token...
  const exchange = await api.exchangeToken(clientId, clientSecret);
  expect(exchange.status).toBe(200);
  expect(exchange.token?.token_type).toBe('Bearer');
  expect((await api.exchangeToken(clientId, `${clientSecret}x`)).status).toBe(401);

  // ...and the console shows that use.
  const [used] = (await api.listCredentials(ORG, serviceAccount.id)).items.filter((c) => c.client_id === clientId);
  expect(used?.last_used_at).toBeTruthy();
  await page.reload();
  await expect(lastUsed.getByText('Never used', { exact: true })).toHaveCount(0);
  await expect(lastUsed.locator('time')).toContainText('just now');
  await expect(lastUsed.locator('time')).toHaveAttribute('datetime', new Date(used!.last_used_at!).toISOString());
});

test('the secret can be downloaded as .env and as JSON', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const name = `${uniqueName('Cred Download')} (prod)`;
  await page.goto(saPath(serviceAccount.id));
  const dialog = await createThroughUi(page, name);
  const { clientId, clientSecret } = await readSecret(dialog);

  const [envDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download .env' }).click(),
  ]);
  expect(envDownload.suggestedFilename()).toMatch(/^cred-download-[a-z0-9-]+-prod\.env$/);
  const env = await readFile(await envDownload.path(), 'utf8');
  expect(env).toBe(`CLIENT_ID=${clientId}\nCLIENT_SECRET=${clientSecret}\n`);

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
  const json: unknown = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  expect(json).toMatchObject({ name, client_id: clientId, client_secret: clientSecret });

  // The downloaded values are the real ones.
  expect((await api.exchangeToken(clientId, clientSecret)).status).toBe(200);

  await dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await pageTraces(page)).not.toContain(clientSecret);
});

test('closing without storing the secret, once confirmed, discards it', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  await page.goto(saPath(serviceAccount.id));
  const dialog = await createThroughUi(page, uniqueName('cred discarded'));
  const { clientSecret } = await readSecret(dialog);

  await page.keyboard.press('Escape');
  const confirmClose = page.getByRole('dialog', { name: 'Close without storing the secret?' });
  await confirmClose.getByRole('button', { name: 'Close anyway' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await pageTraces(page)).not.toContain(clientSecret);
});

test('edit a credential, then delete it with a warning about its last use', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const credential = await api.createCredential(ORG, serviceAccount.id, {
    name: uniqueName('cred edit'),
    description: 'before',
  });
  expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);

  await page.goto(credentialPath(ORG, serviceAccount.id, credential.id));
  await expect(page.getByRole('heading', { level: 1, name: credential.name })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText(credential.client_id);
  await expect(main.getByText('Never used', { exact: true })).toHaveCount(0);
  await expect(main.getByRole('definition').filter({ hasText: 'Last used is the last time' }).locator('time')).toContainText(
    'just now',
  );

  // ---- edit ----
  const renamed = `${credential.name} renamed`;
  await main.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit credential' });
  await expect(edit.getByRole('textbox', { name: 'Name' })).toHaveValue(credential.name);
  await expect(edit.getByRole('textbox', { name: 'Description' })).toHaveValue('before');
  // Validation keeps a blank name from being sent.
  await edit.getByRole('textbox', { name: 'Name' }).fill('   ');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await edit.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await edit.getByRole('textbox', { name: 'Description' }).fill('after\nsecond line');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(main).toContainText('after\nsecond line');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Credential “${renamed}” saved`);
  expect(await api.getCredential(ORG, serviceAccount.id, credential.id)).toMatchObject({
    name: renamed,
    description: 'after\nsecond line',
  });

  // ---- delete ----
  await main.getByRole('button', { name: 'Delete', exact: true }).click();
  const remove = page.getByRole('dialog', { name: `Delete credential “${renamed}”?` });
  await expect(remove).toContainText('Used just now: clients using it will fail.');
  await expect(remove).toContainText(credential.client_id);
  // Cancel keeps it.
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await main.getByRole('button', { name: 'Delete', exact: true }).click();
  await remove.getByRole('button', { name: 'Delete credential' }).click();

  // Back on the service account, without it.
  await expect(page).toHaveURL(saPath(serviceAccount.id));
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Credential “${renamed}” deleted`);
  const panel = page.getByRole('region', { name: 'Credentials' });
  await expect(panel.getByText('No credentials yet')).toBeVisible();
  expect((await api.listCredentials(ORG, serviceAccount.id)).items).toEqual([]);
  expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(401);
});

test('deleting a never-used credential from the table says it was never used', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const keep = await api.createCredential(ORG, serviceAccount.id, { name: uniqueName('cred keep') });
  const unused = await api.createCredential(ORG, serviceAccount.id, { name: uniqueName('cred unused') });

  await page.goto(saPath(serviceAccount.id));
  const panel = page.getByRole('region', { name: 'Credentials' });
  await panel.getByRole('button', { name: `Delete ${unused.name}` }).click();
  const remove = page.getByRole('dialog', { name: `Delete credential “${unused.name}”?` });
  await expect(remove).toContainText('Never used');
  await expect(remove).toContainText(unused.client_id);
  await remove.getByRole('button', { name: 'Delete credential' }).click();

  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(panel.getByRole('link', { name: unused.name, exact: true })).toHaveCount(0);
  await expect(panel.getByRole('link', { name: keep.name, exact: true })).toBeVisible();
  expect((await api.listCredentials(ORG, serviceAccount.id)).items.map((c) => c.id)).toEqual([keep.id]);
});
