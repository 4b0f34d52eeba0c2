// Rotating a credential against the real server: the replacement is created in the browser, a
// real client (this test, at POST /api/service-account-token) switches to it, and the console
// sees that happen while the page stays open.
import type { Page } from '@playwright/test';
import { buildReplacementDescription } from '../src/lib/rotation';
import { expect, sessionStorageState, signInWithToken, test, uniqueName, type Api } from './fixtures';
import { credentialPath, credentialReviewPath, rotateCredentialPath, serviceAccountPath } from '../src/lib/paths';

const ORG = 'acme';

const saPath = (saId: string) => serviceAccountPath(ORG, saId);
const credPath = (saId: string, credentialId: string) => credentialPath(ORG, saId, credentialId);
const rotatePath = (saId: string, credentialId: string) => rotateCredentialPath(ORG, saId, credentialId);

/** The polling interval of the switch-over step is 5 s; give it two rounds. */
const LIVE_UPDATE_TIMEOUT = 15_000;

/** A service account with one credential, created as Ada over HTTP. */
async function credentialToRotate(api: Api, options: { used?: boolean } = {}) {
  const sa = await api.createServiceAccount(ORG);
  const old = await api.createCredential(ORG, sa.id, {
    name: uniqueName('rotating'),
    description: 'Used by the nightly export job',
  });
  if (options.used) expect((await api.exchangeToken(old.client_id, old.client_secret)).status).toBe(200);
  return { sa, old };
}

/** A replacement made over HTTP the way the console makes it (name, description + marker). */
async function replacementOf(api: Api, saId: string, old: { id: string; client_id: string; name: string; description?: string | null }) {
  return api.createCredential(ORG, saId, { name: old.name, description: buildReplacementDescription(old) });
}

function step(page: Page, n: 1 | 2 | 3) {
  return page
    .getByRole('list', { name: 'Rotation steps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: `Step ${n}:` }) });
}

/** Closes the secret dialog the intended way: tick "stored", then Done. Returns what it showed. */
async function readAndCloseSecretDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Replacement credential created' });
  await expect(dialog).toBeVisible();
  const clientId = await dialog.getByRole('textbox', { name: 'Client ID', exact: true }).inputValue();
  const clientSecret = await dialog.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue();
  await dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  // Gone from the DOM with the dialog, not just hidden.
  await expect(page.getByText(clientSecret)).toHaveCount(0);
  return { clientId, clientSecret };
}

test('rotates a credential end to end while a real client switches to the new secret', async ({ page, api }) => {
  const { sa, old } = await credentialToRotate(api, { used: true });

  await signInWithToken(page, 'ada', saPath(sa.id));
  await page.getByRole('link', { name: `Rotate ${old.name}` }).click();
  await expect(page).toHaveURL(rotatePath(sa.id, old.id));
  await expect(page.getByRole('heading', { level: 1, name: `Rotate “${old.name}”` })).toBeVisible();
  await expect(step(page, 1)).toHaveAttribute('aria-current', 'step');

  // Step 1 proposes the old name, dated, and description; the marker line is added on submit.
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByRole('textbox', { name: 'Name of the new credential' })).toHaveValue(`${old.name} (rotated ${today})`);
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Used by the nightly export job');
  // A double click must not create two credentials.
  await page.getByRole('button', { name: 'Create replacement' }).dblclick();
  const { clientId: newClientId, clientSecret: newSecret } = await readAndCloseSecretDialog(page);
  expect(newClientId).not.toBe(old.client_id);
  expect(newSecret).not.toBe(old.client_secret);

  const listed = (await api.listCredentials(ORG, sa.id)).items;
  expect(listed).toHaveLength(2);
  const replacement = listed.find((c) => c.client_id === newClientId);
  expect(replacement?.name).toBe(`${old.name} (rotated ${today})`);
  expect(replacement?.description).toBe(`Used by the nightly export job\n\nReplaces credential ${old.id} (${old.client_id})`);

  // Step 2: side by side, refreshed live. Mark the document to prove nothing reloads it.
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step');
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const summary = step(page, 2).getByRole('status');
  await expect(summary).toContainText(/old: used just now · new: never used/);
  await expect(step(page, 3).getByRole('button', { name: 'Revoke old credential anyway' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  // A real client switches over.
  const exchanged = await api.exchangeToken(newClientId, newSecret);
  expect(exchanged.status).toBe(200);
  expect(exchanged.token?.token_type).toBe('Bearer');

  await expect(summary).toContainText(/old: used just now · new: used just now/, { timeout: LIVE_UPDATE_TIMEOUT });
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // One use of the new secret is not enough: the old one must also stay quiet for the 1 h window.
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step');
  await expect(step(page, 2).getByTestId('rotation-countdown')).toContainText(
    /^Old credential quiet for .+ of the 1 h window \(since the replacement was created\); safe to revoke in .+ if it stays unused\./,
  );
  await expect(step(page, 3).getByRole('note')).toContainText('has not been used since the replacement was created');

  // Step 3: not yet safe, so the override with its acknowledgement; still a confirmation.
  await step(page, 3).getByRole('checkbox', { name: /I understand/ }).check();
  await step(page, 3).getByRole('button', { name: 'Revoke old credential anyway' }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke “${old.name}”?` });
  await expect(confirm).toContainText(old.client_id);
  await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Rotation complete' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(newClientId);

  // The old secret no longer gets tokens; the new one still does.
  const refused = await api.exchangeToken(old.client_id, old.client_secret);
  expect(refused.status).toBe(401);
  expect(JSON.parse(refused.body ?? '{}')).toMatchObject({ error: 'invalid_client' });
  expect((await api.exchangeToken(newClientId, newSecret)).status).toBe(200);
  expect((await api.listCredentials(ORG, sa.id)).items.map((c) => c.client_id)).toEqual([newClientId]);
});

test('waits out the observation window: not safe after the first use of the new secret, safe by itself after W, restarted by a use of the old one', async ({
  page,
  api,
}) => {
  test.setTimeout(60_000);
  const { sa, old } = await credentialToRotate(api);
  const replacement = await replacementOf(api, sa.id, old);
  // A short window, chosen in the page's URL, so this runs in seconds.
  await signInWithToken(page, 'ada', `${rotatePath(sa.id, old.id)}?window=10s`);
  await expect(page.getByRole('combobox', { name: 'Observation window' })).toHaveValue('10s');
  const countdown = step(page, 2).getByTestId('rotation-countdown');

  // A client still on the old secret, then the first use of the new one.
  expect((await api.exchangeToken(old.client_id, old.client_secret)).status).toBe(200);
  expect((await api.exchangeToken(replacement.client_id, replacement.client_secret)).status).toBe(200);
  await expect(step(page, 2).getByRole('status')).toContainText('new: used just now', { timeout: LIVE_UPDATE_TIMEOUT });
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step');
  await expect(countdown).toContainText(/^Old credential quiet for \d+ s of the 10 s window \(since its last use\); safe to revoke in \d+ s/);
  await expect(step(page, 3).getByRole('status')).toHaveCount(0);

  // Nothing else happens: the page becomes safe on its own once the window has passed.
  await expect(step(page, 3).getByRole('status')).toContainText('Safe to revoke.', { timeout: 20_000 });
  await expect(step(page, 3)).toHaveAttribute('aria-current', 'step');
  await expect(countdown).toContainText('the window has passed');

  // The old credential is used again: the countdown starts over.
  expect((await api.exchangeToken(old.client_id, old.client_secret)).status).toBe(200);
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step', { timeout: LIVE_UPDATE_TIMEOUT });
  await expect(countdown).toContainText(/^Old credential quiet for \d+ s of the 10 s window \(since its last use\); safe to revoke in/);
  await expect(step(page, 3).getByRole('note')).toContainText('The old credential was used just now, after the replacement was created.');
});

test('leaving after creating the replacement and resuming from the service account page', async ({
  page,
  api,
  browser,
  baseURL,
}) => {
  const { sa, old } = await credentialToRotate(api, { used: true });

  await signInWithToken(page, 'ada', rotatePath(sa.id, old.id));
  await page.getByRole('button', { name: 'Create replacement' }).click();
  const { clientId: newClientId } = await readAndCloseSecretDialog(page);
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step');
  await page.close();

  // Another browser (nothing in its storage about this rotation) finds it from the API's data.
  const other = await browser.newContext({ storageState: sessionStorageState(baseURL!, 'ada') });
  try {
    const page2 = await other.newPage();
    await page2.goto(saPath(sa.id));
    const banner = page2.getByRole('region', { name: 'Rotation in progress' });
    await expect(banner).toContainText(`${old.name} (${old.client_id}) is being replaced by`);
    await expect(banner).toContainText(newClientId);
    await expect(banner).toContainText('waiting for the new credential’s first use');

    await banner.getByRole('link', { name: `Resume rotation of ${old.name}` }).click();
    await expect(page2).toHaveURL(rotatePath(sa.id, old.id));
    // Resumed at step 2, with step 1 done and no way to create a second replacement.
    await expect(step(page2, 2)).toHaveAttribute('aria-current', 'step');
    await expect(step(page2, 1)).toContainText(`with client ID ${newClientId}`);
    await expect(page2.getByRole('button', { name: 'Create replacement' })).toHaveCount(0);
    await expect(step(page2, 2).getByRole('status')).toContainText(/old: used .+ · new: never used/);
    expect((await api.listCredentials(ORG, sa.id)).items).toHaveLength(2);
  } finally {
    await other.close();
  }
});

test('warns before revoking an old credential that clients still use, and needs explicit confirmation', async ({
  page,
  api,
}) => {
  const { sa, old } = await credentialToRotate(api);
  const replacement = await replacementOf(api, sa.id, old);

  await signInWithToken(page, 'ada', rotatePath(sa.id, old.id));
  const retire = step(page, 3);
  const revokeAnyway = retire.getByRole('button', { name: 'Revoke old credential anyway' });

  // Nobody uses the new credential yet.
  await expect(retire.getByRole('note')).toContainText('Revoking now would break clients still using the old credential.');
  await expect(retire.getByRole('note')).toContainText('No client has used the new credential yet.');
  await expect(revokeAnyway).toHaveAttribute('aria-disabled', 'true');

  // The new one gets used, but so does the old one afterwards: some client has not switched.
  expect((await api.exchangeToken(replacement.client_id, replacement.client_secret)).status).toBe(200);
  expect((await api.exchangeToken(old.client_id, old.client_secret)).status).toBe(200);
  await expect(retire.getByRole('note')).toContainText(
    /The old credential was used just now, after the replacement was created\./,
    { timeout: LIVE_UPDATE_TIMEOUT },
  );
  await expect(step(page, 2).getByRole('status')).toContainText('some clients have not switched yet');
  await expect(step(page, 2)).toHaveAttribute('aria-current', 'step');
  await expect(retire.getByRole('button', { name: 'Revoke old credential', exact: true })).toHaveCount(0);

  // Still refused without the acknowledgement: a forced click opens nothing.
  await expect(revokeAnyway).toHaveAttribute('aria-disabled', 'true');
  await revokeAnyway.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await retire.getByRole('checkbox', { name: 'I understand that clients still using the old credential will stop working' }).check();
  await expect(revokeAnyway).not.toHaveAttribute('aria-disabled', 'true');
  await revokeAnyway.click();
  // The replacement was made with the same name: the dialog names the old one by its client ID's end too.
  const confirm = page.getByRole('dialog', { name: `Revoke “${old.name} (…${old.client_id.slice(-6)})”?` });
  await expect(confirm).toBeVisible();
  // Cancelling changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await api.listCredentials(ORG, sa.id)).items).toHaveLength(2);

  await revokeAnyway.click();
  await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rotation complete' })).toBeVisible();
  expect((await api.listCredentials(ORG, sa.id)).items.map((c) => c.id)).toEqual([replacement.id]);
});

test.describe('as a viewer', () => {
  test.use({ signedInAs: 'vera' });

  /** One credential, and a second one with a rotation in progress (so the retire step is on screen too). */
  async function viewerData(api: Api) {
    const { sa, old } = await credentialToRotate(api);
    const rotating = await api.createCredential(ORG, sa.id, { name: uniqueName('viewer rotating') });
    await replacementOf(api, sa.id, rotating);
    return { sa, old, rotating };
  }

  test('sees the rotate and delete controls disabled on the service account and credential pages', async ({
    page,
    api,
  }) => {
    const { sa, old } = await viewerData(api);

    // Service account page: the rotate links and delete buttons are present but disabled.
    await page.goto(saPath(sa.id));
    const credentials = page.getByRole('table', { name: 'Credentials', exact: true });
    await expect(credentials.getByRole('row')).toHaveCount(4); // header + 3
    // The replacement carries the old name, so match by pattern: 3 credentials, 3 of each.
    const rotateLinks = credentials.getByRole('link', { name: /^Rotate / });
    const deleteButtons = credentials.getByRole('button', { name: /^Delete / });
    await expect(rotateLinks).toHaveCount(3);
    await expect(deleteButtons).toHaveCount(3);
    for (const control of [...(await rotateLinks.all()), ...(await deleteButtons.all())]) {
      await expect(control).toHaveAttribute('aria-disabled', 'true');
    }
    await expect(page.getByRole('button', { name: 'Create credential' })).toHaveAttribute('aria-disabled', 'true');
    // A denied link does not navigate.
    await credentials.getByRole('link', { name: `Rotate ${old.name}` }).click({ force: true });
    await expect(page).toHaveURL(saPath(sa.id));

    // Credential page.
    await page.goto(credPath(sa.id, old.id));
    await expect(page.getByRole('heading', { level: 1, name: old.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Rotate', exact: true })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveAttribute('aria-disabled', 'true');
  });

  test('on a rotate page, Enter in every field and a click on every button send no request that changes anything', async ({
    page,
    api,
  }) => {
    const { sa, old } = await viewerData(api);
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/')) writes.push(`${request.method()} ${request.url()}`);
    });
    await page.goto(rotatePath(sa.id, old.id));
    const form = page.getByRole('form', { name: 'Create the replacement credential' });
    await expect(form.getByRole('note')).toContainText('You cannot rotate this credential.');
    const fields = form.getByRole('textbox');
    await expect(fields).toHaveCount(2);
    for (const field of await fields.all()) {
      await expect(field).toHaveAttribute('readonly', '');
      await field.press('Enter');
    }
    const buttons = page.getByRole('main').getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const button of await buttons.all()) await button.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // Give anything that was sent time to show up before counting.
    await page.waitForTimeout(500);
    expect(writes).toEqual([]);
    expect((await api.listCredentials(ORG, sa.id)).items).toHaveLength(3);
  });

  test('cannot create a replacement, revoke, or bulk revoke on the rotate and review pages', async ({ page, api }) => {
    const { sa, old, rotating } = await viewerData(api);

    // Rotate page, not started: creating the replacement is disabled, with the reason.
    await page.goto(rotatePath(sa.id, old.id));
    const create = page.getByRole('button', { name: 'Create replacement' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create).toHaveAccessibleDescription(/You are a viewer in Acme Corp\. \(service_account_credentials\./);
    await create.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Rotate page, in progress: revoking is disabled even after the acknowledgement.
    await page.goto(rotatePath(sa.id, rotating.id));
    const retire = step(page, 3);
    await retire.getByRole('checkbox', { name: /I understand/ }).check();
    const revoke = retire.getByRole('button', { name: 'Revoke old credential anyway' });
    await expect(revoke).toHaveAttribute('aria-disabled', 'true');
    await expect(revoke).toHaveAccessibleDescription(/You are a viewer in Acme Corp\. \(service_account_credentials\.delete\)$/);
    await revoke.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Review page: no selectable rows, no bulk revoke, rotation-due links disabled.
    await page.goto(`${credentialReviewPath(ORG)}?account=${sa.id}`);
    const table = page.getByRole('table', { name: 'Credentials of the organization' });
    await expect(table.getByRole('row')).toHaveCount(4);
    for (const checkbox of await table.getByRole('checkbox').all()) await expect(checkbox).toBeDisabled();
    await expect(page.getByRole('button', { name: /^Revoke selected/ })).toHaveAttribute('aria-disabled', 'true');
    // Seeded credentials are old enough to be due for rotation.
    await page.goto(`${credentialReviewPath(ORG)}?sort=age`);
    const due = page.getByRole('link', { name: /^Rotation due\b.*: rotate / });
    await expect(due.first()).toBeVisible();
    for (const link of (await due.all()).slice(0, 10)) await expect(link).toHaveAttribute('aria-disabled', 'true');
  });
});
