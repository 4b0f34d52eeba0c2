// Usage history and the audit trail (issue 10), against the full local server: the credential
// page's uses and origin after real token exchanges, "created by" on the activity lists, the
// organization activity page's filters and paging, and the review page's "Uses (30 days)".
import type { Locator } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';
import { activityPath, credentialPath, credentialReviewPath, serviceAccountPath, serviceAccountsPath } from '../src/lib/paths';

test.use({ signedInAs: 'ada' });

const ORG = 'acme';
const saPath = (id: string) => serviceAccountPath(ORG, id);
const credPath = (saId: string, id: string) => credentialPath(ORG, saId, id);

test('the activity list says who created a credential, after Ada creates one', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const name = uniqueName('activity cred');
  await page.goto(saPath(serviceAccount.id));
  // The service account's own history starts with its creation (through the API, as Ada).
  const saActivity = page.getByRole('region', { name: 'Activity' });
  await expect(saActivity.getByRole('listitem')).toContainText([`Service account ${serviceAccount.name} created by Ada Admin`]);

  const panel = page.getByRole('region', { name: 'Credentials' });
  await panel.getByRole('button', { name: 'Create credential' }).first().click();
  const form = page.getByRole('dialog', { name: 'Create credential' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('button', { name: 'Create credential' }).click();
  const secret = page.getByRole('dialog', { name: 'Credential created' });
  await secret.getByRole('checkbox', { name: 'I have stored the secret' }).check();
  await secret.getByRole('button', { name: 'Done' }).click();

  await panel.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByRole('listitem').first()).toContainText(`Credential ${name} created by Ada Admin`);
  // And in the details: who created it, beside when.
  await expect(page.getByRole('definition').filter({ hasText: 'by Ada Admin' })).toBeVisible();

  // Renaming it adds a change with before and after, at the top, without a reload.
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: /Edit/ });
  const renamed = `${name} renamed`;
  await edit.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(edit).toBeHidden();
  const latest = activity.getByRole('listitem').first();
  await expect(latest).toContainText(`Credential ${renamed} changed by Ada Admin`);
  await expect(latest.getByRole('list', { name: 'Changes' })).toHaveText(`Name: “${name}” → changed to “${renamed}”`);
});

test('the credential page shows its uses and where the last one came from, after real token exchanges', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const credential = await api.createCredential(ORG, serviceAccount.id);
  for (let i = 0; i < 3; i += 1) {
    expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
  }
  // A failed exchange is no use.
  expect((await api.exchangeToken(credential.client_id, 'wrong secret')).status).toBe(401);

  await page.goto(credPath(serviceAccount.id, credential.id));
  const usage = page.getByRole('region', { name: 'Usage' });
  await expect(usage.getByText(/^3 uses in the last 30 days, on 1 day/)).toBeVisible();
  await expect(usage.getByRole('img', { name: /^Uses per day over the last 30 days\. 3 uses/ })).toBeVisible();
  await expect(usage.getByText(/^Last used from 127\.0\.0\.1 \(/)).toBeVisible();

  // The numbers behind the bars, as a table.
  await usage.getByText('Uses per day as a table').click();
  const table = usage.getByRole('table', { name: /Uses per day/ });
  await expect(table.getByRole('row')).toHaveCount(31);
  await expect(table.getByRole('row').last().getByRole('cell').last()).toHaveText('3');

  // More uses show up after a reload of the data (a window focus refetches stale data too).
  expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
  await page.reload();
  await expect(usage.getByText(/^4 uses in the last 30 days, on 1 day/)).toBeVisible();
});

test('a credential never used has no chart, only the sentence', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const credential = await api.createCredential(ORG, serviceAccount.id);
  await page.goto(credPath(serviceAccount.id, credential.id));
  const usage = page.getByRole('region', { name: 'Usage' });
  await expect(usage.getByText('No uses in the last 30 days.')).toBeVisible();
  await expect(usage.getByRole('img')).toHaveCount(0);
  await expect(usage.getByText(/Last used from/)).toHaveCount(0);
});

test('the activity page filters by actor, action and target in the URL, pages by cursor, and links only to what exists', async ({
  page,
  api,
}) => {
  const serviceAccount = await api.createServiceAccount(ORG);
  const kept = await api.createCredential(ORG, serviceAccount.id, { name: uniqueName('kept') });
  const gone = await api.createCredential(ORG, serviceAccount.id, { name: uniqueName('gone') });
  await api.deleteCredential(ORG, serviceAccount.id, gone.id);
  // Oscar (sa_operator) changes one: the actor filter tells him from Ada.
  await api.as('oscar').updateCredential(ORG, serviceAccount.id, kept.id, { description: 'Touched by Oscar' });

  await page.goto(serviceAccountsPath(ORG));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const events = page.getByRole('list', { name: 'Events' });
  await expect(events.getByRole('listitem').first()).toBeVisible();

  // Action filter, in the URL.
  await page.getByRole('combobox', { name: 'What' }).selectOption({ label: 'Credential deleted' });
  await expect(page).toHaveURL(/action=credential\.deleted/);
  // The unfiltered events stay on screen (marked busy) until the filtered ones arrive.
  await expect(events.getByRole('listitem').filter({ hasText: 'created by' })).toHaveCount(0);
  const deletedItem = events.getByRole('listitem').filter({ hasText: gone.name });
  await expect(deletedItem).toContainText(`Credential ${gone.name} deleted by Ada Admin`);
  // A deleted target is plain text: no link to a page that would say "not found".
  await expect(deletedItem.getByRole('link', { name: gone.name, exact: true })).toHaveCount(0);
  // Its earlier events are marked deleted, too. ("History" leads to them.)
  await deletedItem.getByRole('link', { name: `History of credential ${gone.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`target=${gone.id}`));
  const created = events.getByRole('listitem').filter({ hasText: 'created by Ada Admin' });
  await expect(created).toContainText(`Credential ${gone.name}`);
  await expect(created.getByText('deleted', { exact: true })).toBeVisible();
  await expect(created.getByRole('link', { name: gone.name, exact: true })).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/action=credential\.deleted/);

  // Actor filter (from the actors seen so far), kept with the action filter.
  await page.getByRole('combobox', { name: 'What' }).selectOption({ label: 'Credential changed' });
  await page.getByRole('combobox', { name: 'Who' }).selectOption({ label: 'Oscar Operator' });
  await expect(page).toHaveURL(/actor=/);
  await expect(page).toHaveURL(/action=credential\.updated/);
  const changed = events.getByRole('listitem').filter({ hasText: kept.name }).first();
  await expect(changed).toContainText('changed by Oscar Operator');
  await expect(changed.getByRole('list', { name: 'Changes' })).toHaveText('Description: (none) → changed to “Touched by Oscar”');
  // The filters survive a reload: they live in the URL.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Who' })).toHaveValue(/.+/);
  await expect(page.getByRole('combobox', { name: 'What' })).toHaveValue('credential.updated');

  // Target filter: the kept credential's whole history (created, changed), two per page.
  await page.goto(`${activityPath(ORG)}?target=${kept.id}&limit=1`);
  await expect(page.getByText(`Only credential “${kept.name}”`)).toBeVisible();
  // Direct items only: an update's list of changes is a list inside its item.
  const first = events.locator(':scope > li');
  await expect(first).toHaveCount(1);
  await expect(first).toContainText('changed by Oscar Operator');
  // An existing target links to its page.
  await expect(first.getByRole('link', { name: kept.name, exact: true })).toHaveAttribute('href', credPath(serviceAccount.id, kept.id));
  await page.getByRole('navigation', { name: 'Activity pages' }).getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(events.locator(':scope > li')).toContainText([`Credential ${kept.name} created by Ada Admin`]);
  await expect(page.getByRole('navigation', { name: 'Activity pages' }).getByRole('button', { name: 'Next' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.getByRole('navigation', { name: 'Activity pages' }).getByRole('button', { name: 'Previous' }).click();
  await expect(events.locator(':scope > li')).toContainText(['changed by Oscar Operator']);

  await page.getByRole('button', { name: 'Show every target' }).click();
  await expect(page).not.toHaveURL(/target=/);
});

async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((text) => text.trim() === header);
  expect(index, `a "${header}" column`).toBeGreaterThanOrEqual(0);
  return row.getByRole('cell').nth(index);
}

test('the review page has a "Uses (30 days)" column, in the CSV too', async ({ page, api }) => {
  const serviceAccount = await api.createServiceAccount(ORG, { name: uniqueName('review uses') });
  const credential = await api.createCredential(ORG, serviceAccount.id);
  for (let i = 0; i < 2; i += 1) {
    expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
  }
  await page.goto(`${credentialReviewPath(ORG)}?account=${serviceAccount.id}`);
  const table = page.getByRole('table', { name: 'Credentials of the organization' });
  await expect(table).toBeVisible({ timeout: 20_000 });
  const row = table.getByRole('row').filter({ hasText: credential.name });
  await expect(row).toBeVisible();
  await expect(await cellUnder(table, row, 'Uses (30 days)')).toHaveText('2');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    return text;
  });
  const lines = csv.split('\r\n');
  expect(lines[0]).toMatch(/,uses_30_days$/);
  expect(lines.find((line) => line.includes(credential.id))).toMatch(/,2$/);
});
