// What keeps a rotation trustworthy beyond its three steps: editing the replacement never breaks
// the link to the old credential, and old and new are told apart wherever credentials are listed.
import { buildReplacementDescription } from '../src/lib/rotation';
import { expect, signInWithToken, test, uniqueName, type Api } from './fixtures';
import { credentialPath, credentialReviewPath, rotateCredentialPath, serviceAccountPath } from '../src/lib/paths';

const ORG = 'acme';
const saPath = (saId: string) => serviceAccountPath(ORG, saId);
const credPath = (saId: string, id: string) => credentialPath(ORG, saId, id);
const rotatePath = (saId: string, id: string) => rotateCredentialPath(ORG, saId, id);

/** A rotation in progress made over HTTP the way the console makes it. */
async function rotationInProgress(api: Api, { sameName = false } = {}) {
  const sa = await api.createServiceAccount(ORG);
  const old = await api.createCredential(ORG, sa.id, { name: uniqueName('walk-cred'), description: 'Nightly export' });
  const replacement = await api.createCredential(ORG, sa.id, {
    name: sameName ? old.name : `${old.name} (rotated 2026-12-01)`,
    description: buildReplacementDescription(old),
  });
  return { sa, old, replacement };
}

test('editing the replacement’s name and description keeps the rotation in progress; the dialog never shows the marker', async ({
  page,
  api,
}) => {
  const { sa, old, replacement } = await rotationInProgress(api);
  await signInWithToken(page, 'ada', credPath(sa.id, replacement.id));
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit credential' });
  const description = edit.getByRole('textbox', { name: 'Description' });
  await expect(description).toHaveValue('Nightly export');
  await expect(edit).not.toContainText('Replaces credential');
  for (const field of await edit.getByRole('textbox').all()) expect(await field.inputValue()).not.toContain('Replaces credential');

  const newName = uniqueName('renamed replacement');
  await edit.getByRole('textbox', { name: 'Name' }).fill(newName);
  await description.fill('Nightly export, now from the new cluster');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();

  // The server has the person's text and the marker, unchanged, as the last line.
  const saved = await api.getCredential(ORG, sa.id, replacement.id);
  expect(saved.description).toBe(`Nightly export, now from the new cluster\n\nReplaces credential ${old.id} (${old.client_id})`);

  // Still in progress: the banner on the account, and the rotate page resumes at step 2.
  await page.goto(saPath(sa.id));
  await expect(page.getByRole('region', { name: 'Rotation in progress' })).toContainText(`is being replaced by ${newName}`);
  await page.goto(rotatePath(sa.id, old.id));
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Step 2:' }) })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByRole('button', { name: 'Create replacement' })).toHaveCount(0);
});

test('old and new carry badges linking to each other, and same-named credentials are named apart in every action', async ({
  page,
  api,
}) => {
  const { sa, old, replacement } = await rotationInProgress(api, { sameName: true });
  const oldName = `${old.name} (…${old.client_id.slice(-6)})`;
  const newName = `${replacement.name} (…${replacement.client_id.slice(-6)})`;
  await signInWithToken(page, 'ada', saPath(sa.id));

  // Service account page.
  const table = page.getByRole('table', { name: 'Credentials', exact: true });
  await expect(table.getByRole('link', { name: `Rotate ${oldName}` })).toBeVisible();
  await expect(table.getByRole('link', { name: `Rotate ${newName}` })).toBeVisible();
  await expect(table.getByRole('button', { name: `Delete ${oldName}` })).toBeVisible();
  await expect(table.getByRole('button', { name: `Delete ${newName}` })).toBeVisible();
  const beingReplaced = table.getByRole('link', { name: `Being replaced by ${newName}` });
  await expect(beingReplaced).toHaveText('being replaced');
  await expect(table.getByRole('link', { name: `Replacement of ${oldName}` })).toHaveText('replacement');
  await beingReplaced.click();
  await expect(page).toHaveURL(credPath(sa.id, replacement.id));
  // The rotate link names the credential it rotates: the old one, not the replacement.
  await page.goBack();
  await table.getByRole('link', { name: `Rotate ${oldName}` }).click();
  await expect(page).toHaveURL(rotatePath(sa.id, old.id));

  // Rotation page: the two cards.
  await expect(page.getByRole('region', { name: 'Old credential' }).getByRole('link', { name: `Being replaced by ${newName}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'New credential' }).getByRole('link', { name: `Replacement of ${oldName}` })).toBeVisible();

  // Review page.
  await page.goto(`${credentialReviewPath(ORG)}?account=${sa.id}`);
  const review = page.getByRole('table', { name: 'Credentials of the organization' });
  await expect(review.getByRole('link', { name: `Being replaced by ${newName}` })).toBeVisible();
  await expect(review.getByRole('link', { name: `Replacement of ${oldName}` })).toBeVisible();
  await expect(review.getByRole('checkbox', { name: `Select ${oldName} (${sa.name})` })).toBeVisible();
});
