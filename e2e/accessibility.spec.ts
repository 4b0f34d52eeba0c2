// Automated accessibility checks (axe-core, WCAG 2.0/2.1 A and AA) of every page and the main
// dialogs, in the light and the dark theme, plus the list page at phone width. axe catches only
// part of what matters (contrast, names, roles, ids, landmarks); keyboard and focus behaviour is
// covered by the flow specs.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInAs, test, uniqueName } from './fixtures';
import { ROUTES, activityPath, credentialPath, credentialReviewPath, rotateCredentialPath, serviceAccountPath, serviceAccountsPath } from '../src/lib/paths';

const ORG = 'acme';
const LIST = serviceAccountsPath(ORG);
const saPath = (id: string) => serviceAccountPath(ORG, id);
const credPath = (saId: string, id: string) => credentialPath(ORG, saId, id);

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;

// Each test runs axe several times (a few seconds each on a busy two-core machine), on pages that
// now also draw usage charts and activity lists: the default 30 s left no margin.
test.describe.configure({ timeout: 60_000 });

/** One line per failing node: what rule, how bad, and where (so a failure says what to fix). */
function summarize(violations: Results['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`)
        .join('\n');
      return `[${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help}\n${nodes}`;
    })
    .join('\n');
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // Soft, so one test reports every page's violations rather than stopping at the first page.
  expect.soft(results.violations.length, `${what}: axe violations\n${summarize(results.violations)}`).toBe(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      // Animations (dialog fade, skeleton shimmer) would let axe sample colours mid-transition.
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('sign-in page', async ({ page }) => {
      await page.goto(ROUTES.signIn);
      await expect(page.getByRole('button', { name: 'Sign in as Ada Admin' })).toBeVisible();
      await expectNoViolations(page, 'sign-in');
    });

    test('service accounts list and the create dialog', async ({ page, api }) => {
      await api.createServiceAccount(ORG, { name: uniqueName('a11y list') });
      await signInAs(page, 'ada', { returnTo: LIST });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await expectNoViolations(page, 'list');

      await page.getByRole('button', { name: 'Create service account' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create service account' });
      await expect(dialog).toBeVisible();
      await expectNoViolations(page, 'create service account dialog');
      // With validation errors shown, too.
      await dialog.getByRole('button', { name: 'Create service account' }).click();
      await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
      await expectNoViolations(page, 'create service account dialog with errors');
    });

    test('service account detail, credential secret and delete dialogs', async ({ page, api }) => {
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('a11y detail'), description: 'Accessibility check' });
      const used = await api.createCredential(ORG, sa.id, { name: uniqueName('a11y used') });
      expect((await api.exchangeToken(used.client_id, used.client_secret)).status).toBe(200);
      await api.createCredential(ORG, sa.id, { name: uniqueName('a11y unused') });
      await signInAs(page, 'ada', { returnTo: saPath(sa.id) });
      await expect(page.getByRole('heading', { level: 1, name: sa.name })).toBeVisible();
      const panel = page.getByRole('region', { name: 'Credentials' });
      await expect(panel.getByRole('link', { name: used.name, exact: true })).toBeVisible();
      await expectNoViolations(page, 'service account detail');

      await panel.getByRole('button', { name: 'Create credential' }).first().click();
      const form = page.getByRole('dialog', { name: 'Create credential' });
      await form.getByRole('textbox', { name: 'Name' }).fill(uniqueName('a11y new'));
      await expectNoViolations(page, 'create credential dialog');
      await form.getByRole('button', { name: 'Create credential' }).click();
      const secret = page.getByRole('dialog', { name: 'Credential created' });
      await expect(secret.getByRole('textbox', { name: 'Client secret' })).not.toHaveValue('');
      await expectNoViolations(page, 'credential secret dialog');
      // Done before ticking "stored" asks first: a dialog over a dialog.
      await secret.getByRole('button', { name: 'Done' }).click();
      const confirmClose = page.getByRole('dialog', { name: 'Close without storing the secret?' });
      await expect(confirmClose).toBeVisible();
      await expectNoViolations(page, 'close-without-storing confirmation');
      await confirmClose.getByRole('button', { name: 'Keep it open' }).click();
      await expect(confirmClose).toHaveCount(0);
      await secret.getByRole('checkbox', { name: 'I have stored the secret' }).check();
      await secret.getByRole('button', { name: 'Done' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('main').getByRole('button', { name: 'Delete', exact: true }).click();
      const deleteDialog = page.getByRole('dialog', { name: `Delete ${sa.name}?` });
      await expect(deleteDialog).toBeVisible();
      await expectNoViolations(page, 'delete service account dialog');
      await deleteDialog.getByRole('textbox', { name: `Type ${sa.name} to confirm` }).fill(sa.name);
      await deleteDialog.getByRole('button', { name: 'Delete service account' }).click();
      await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Deleted service account ${sa.name}`);
      await expectNoViolations(page, 'list with a toast');
    });

    test('credential detail, its delete dialog, and the rotate page', async ({ page, api }) => {
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('a11y cred') });
      const credential = await api.createCredential(ORG, sa.id, {
        name: uniqueName('a11y cred'),
        description: 'Used by the accessibility check',
      });
      expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
      await signInAs(page, 'ada', { returnTo: credPath(sa.id, credential.id) });
      await expect(page.getByRole('heading', { level: 1, name: credential.name })).toBeVisible();
      await expectNoViolations(page, 'credential detail');

      await page.getByRole('main').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'delete credential dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('link', { name: 'Rotate', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Rotate “${credential.name}”` })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Create replacement' })).toBeVisible();
      await expectNoViolations(page, 'rotate page');

      await page.getByRole('button', { name: 'Create replacement' }).click();
      const secret = page.getByRole('dialog', { name: 'Replacement credential created' });
      await expect(secret.getByRole('textbox', { name: 'Client secret', exact: true })).not.toHaveValue('');
      await expectNoViolations(page, 'replacement secret dialog');
      // Back while the secret is unstored: the leave guard asks, a dialog over the dialog.
      await page.evaluate(() => history.back());
      const leave = page.getByRole('dialog', { name: 'Leave without storing the secret?' });
      await expect(leave).toBeVisible();
      await expectNoViolations(page, 'leave-without-storing confirmation');
      await leave.getByRole('button', { name: 'Stay' }).click();
      await expect(leave).toHaveCount(0);
      await secret.getByRole('checkbox', { name: 'I have stored the secret' }).check();
      await secret.getByRole('button', { name: 'Done' }).click();
      await expect(secret).toBeHidden();
      // Steps 2 and 3: the switch-over status and the guarded revoke.
      await expect(page.getByRole('button', { name: 'Revoke old credential anyway' })).toBeVisible();
      await expectNoViolations(page, 'rotation in progress');
    });

    test('credential review page, its search, a hidden selection and the typed bulk-revoke confirmation', async ({
      page,
      api,
    }) => {
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('a11y review') });
      for (let i = 0; i < 11; i++) await api.createCredential(ORG, sa.id, { name: `a11y review ${i}` });
      await signInAs(page, 'ada', { returnTo: credentialReviewPath(ORG) });
      const table = page.getByRole('table', { name: 'Credentials of the organization' });
      await expect(table).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
      await expectNoViolations(page, 'credential review');

      await page.getByRole('searchbox', { name: 'Search credentials' }).fill(sa.name);
      await expect(table.locator('tbody tr')).toHaveCount(11);
      await page.getByRole('button', { name: 'Select all 11 matching' }).click();
      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Stale' });
      await expect(page.getByRole('button', { name: 'Clear hidden selection' })).toBeVisible();
      await expectNoViolations(page, 'credential review with a hidden selection');

      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
      await page.getByRole('button', { name: 'Revoke selected (11)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke 11 credentials?' });
      await expect(dialog.getByRole('textbox', { name: 'Type 11 to confirm' })).toBeVisible();
      await expectNoViolations(page, 'bulk revoke with a typed confirmation');
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('searchbox', { name: 'Find a credential by client ID' }).fill('no-such-client-id');
      await page.getByRole('searchbox', { name: 'Find a credential by client ID' }).press('Enter');
      await expect(page.getByText('No credential has this client ID')).toBeVisible();
      await expectNoViolations(page, 'find a credential: not found');
    });

    test('usage chart, activity sections and the activity page', async ({ page, api }) => {
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('a11y activity') });
      const credential = await api.createCredential(ORG, sa.id, { name: uniqueName('a11y activity') });
      expect((await api.exchangeToken(credential.client_id, credential.client_secret)).status).toBe(200);
      await api.updateCredential(ORG, sa.id, credential.id, { description: 'Changed for the audit trail' });
      const gone = await api.createCredential(ORG, sa.id, { name: uniqueName('a11y gone') });
      await api.deleteCredential(ORG, sa.id, gone.id);
      await signInAs(page, 'ada', { returnTo: credPath(sa.id, credential.id) });
      const usage = page.getByRole('region', { name: 'Usage' });
      await expect(usage.getByRole('img')).toBeVisible();
      await usage.getByText('Uses per day as a table').click();
      await expect(usage.getByRole('table')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Activity' }).getByRole('listitem').first()).toBeVisible();
      await expectNoViolations(page, 'credential usage and activity');

      await page.goto(saPath(sa.id));
      await expect(page.getByRole('region', { name: 'Activity' }).getByRole('listitem').first()).toBeVisible();
      await expectNoViolations(page, 'service account activity');

      await page.goto(`${activityPath(ORG)}?target=${gone.id}`);
      await expect(page.getByRole('list', { name: 'Events' }).getByText('deleted', { exact: true }).first()).toBeVisible();
      await expectNoViolations(page, 'activity of a deleted credential');
      await page.goto(activityPath(ORG));
      await expect(page.getByRole('list', { name: 'Events' }).getByRole('link').first()).toBeVisible();
      await expectNoViolations(page, 'organization activity');
    });

    test('a viewer\'s pages, with the controls they may not use', async ({ page, api }) => {
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('a11y viewer') });
      const credential = await api.createCredential(ORG, sa.id, { name: uniqueName('a11y viewer') });
      await signInAs(page, 'vera', { returnTo: saPath(sa.id) });
      await expect(page.getByRole('heading', { level: 1, name: sa.name })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Create credential' }).first()).toHaveAttribute('aria-disabled', 'true');
      await expect(page.getByRole('link', { name: credential.name, exact: true })).toBeVisible();
      await expectNoViolations(page, 'service account detail as a viewer');

      await page.goto(credPath(sa.id, credential.id));
      await expect(page.getByRole('heading', { level: 1, name: credential.name })).toBeVisible();
      await expectNoViolations(page, 'credential detail as a viewer');

      await page.goto(rotateCredentialPath(ORG, sa.id, credential.id));
      await expect(page.getByRole('note').filter({ hasText: 'You cannot rotate this credential.' })).toBeVisible();
      await expectNoViolations(page, 'rotate page as a viewer');
    });

    test('phone layouts: stacked credentials, folded review filters, and the not-found page', async ({ page, api }) => {
      // Four pages, each checked by axe: more than one page's worth of time on a busy machine.
      test.slow();
      const sa = await api.createServiceAccount(ORG, { name: uniqueName('a11y phone') });
      const credential = await api.createCredential(ORG, sa.id, { name: uniqueName('a11y phone') });
      await page.setViewportSize({ width: 390, height: 844 });
      await signInAs(page, 'ada', { returnTo: saPath(sa.id) });
      await expect(page.getByRole('link', { name: credential.name, exact: true })).toBeVisible();
      await expectNoViolations(page, 'service account detail at 390px');

      await page.goto(credPath(sa.id, credential.id));
      await expect(page.getByRole('region', { name: 'Use this credential' })).toBeVisible();
      // Times in UTC, pressed.
      await page.getByRole('button', { name: 'Times in UTC' }).click();
      await expect(page.getByRole('button', { name: 'Times in UTC' })).toHaveAttribute('aria-pressed', 'true');
      await expectNoViolations(page, 'credential detail at 390px, times in UTC');

      await page.goto(`${credentialReviewPath(ORG)}?rotation=due`);
      await expect(page.getByRole('table', { name: 'Credentials of the organization' })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
      await page.getByRole('button', { name: /^Filters/ }).click();
      await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible();
      await expectNoViolations(page, 'credential review at 390px with the filters open');

      await page.goto(serviceAccountPath(ORG, 'nosuchserviceaccount000000'));
      await expect(page.getByRole('heading', { level: 1, name: 'Service account not found' })).toBeVisible();
      await expectNoViolations(page, 'not-found page');
    });

    test('a permission reason and the pending state', async ({ page }) => {
      await signInAs(page, 'vera', { returnTo: LIST });
      const create = page.getByRole('button', { name: 'Create service account' });
      await expect(create).toHaveAccessibleDescription(/You are a viewer in Acme Corp/);
      await create.focus();
      await expect(page.getByRole('tooltip')).toBeVisible();
      await expectNoViolations(page, 'list as a viewer with a reason shown');
    });

    test('service accounts list at 390px wide', async ({ page, api }) => {
      await api.createServiceAccount(ORG, { name: uniqueName('a11y narrow') });
      await page.setViewportSize({ width: 390, height: 844 });
      await signInAs(page, 'ada', { returnTo: LIST });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await expectNoViolations(page, 'list at 390px');
    });
  });
}
