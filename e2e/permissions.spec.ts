// Each demo person sees exactly the actions the server lets them perform: allowed actions
// are enabled, denied ones are shown disabled with a plain-words reason (who may do it, what the
// person is there, and the permission key in small print), and the server
// answers the same actions over HTTP with success or 403. One table drives both checks, so
// the UI and the server cannot drift apart unnoticed.
import type { Locator, Page } from '@playwright/test';
import { ApiCallError, expect, signInAs, test, uniqueName, type Api, type DemoPerson } from './fixtures';
import { serviceAccountPath, serviceAccountsPath } from '../src/lib/paths';

type Rights = {
  /** service_accounts.create / update / delete */
  serviceAccounts: boolean;
  /** service_account_credentials.create / update / delete */
  credentials: boolean;
};

type Case = {
  who: DemoPerson;
  org: string;
  role: string;
  /** Who sets up the data: an org_admin of `org`. */
  owner: DemoPerson;
  rights: Rights;
};

const CASES: Case[] = [
  { who: 'ada', org: 'acme', role: 'org_admin', owner: 'ada', rights: { serviceAccounts: true, credentials: true } },
  { who: 'oscar', org: 'acme', role: 'sa_operator', owner: 'ada', rights: { serviceAccounts: false, credentials: true } },
  { who: 'vera', org: 'acme', role: 'org_viewer', owner: 'ada', rights: { serviceAccounts: false, credentials: false } },
  { who: 'gina', org: 'globex', role: 'org_admin', owner: 'gina', rights: { serviceAccounts: true, credentials: true } },
  { who: 'ada', org: 'globex', role: 'org_viewer', owner: 'gina', rights: { serviceAccounts: false, credentials: false } },
];

const SA = 'service_accounts';
const CRED = 'service_account_credentials';

const ROLE_IN_WORDS: Record<string, string> = {
  org_admin: 'an organization admin',
  sa_operator: 'a service account operator',
  org_viewer: 'a viewer',
};
const ORG_NAMES: Record<string, string> = { acme: 'Acme Corp', globex: 'Globex' };
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Only organization admins can delete service accounts. You are a viewer in Acme Corp. (service_accounts.delete)" */
function deniedReason(role: string, org: string, permission: string): RegExp {
  const subject = `You are ${ROLE_IN_WORDS[role]} in ${ORG_NAMES[org]}.`;
  return new RegExp(`^Only [a-z ,]+ can [a-z ]+\\. ${escapeRegExp(subject)} \\(${escapeRegExp(permission)}\\)$`);
}

/** Allowed: a plain enabled control. Denied: aria-disabled (still focusable) and described by the reason. */
async function expectGate(control: Locator, allowed: boolean, reason: RegExp) {
  await expect(control).toBeVisible();
  if (allowed) {
    await expect(control).not.toHaveAttribute('aria-disabled', 'true');
    await expect(control).not.toHaveAccessibleDescription(/Only|Checking/);
  } else {
    await expect(control).toHaveAttribute('aria-disabled', 'true');
    await expect(control).toHaveAccessibleDescription(reason);
    // Not the `disabled` attribute: keyboard and screen-reader users must still reach it.
    await expect(control).not.toHaveAttribute('disabled');
  }
}

/** A denied control reached by keyboard shows its reason and does nothing when activated. */
async function expectKeyboardDenied(page: Page, control: Locator, reason: RegExp) {
  await control.focus();
  await expect(control).toBeFocused();
  await expect(page.getByRole('tooltip', { name: reason })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** The server's answer to one action: true for success, false for 403, anything else fails the test. */
/**
 * Allowed: clicking `control` opens a dialog, which `checkAndClose` checks and closes, and no
 * dialog stays. Denied: the keyboard cannot use the control either, and it says `reason`.
 */
async function expectOpensDialogOrDenied(page: Page, control: Locator, allowed: boolean, reason: RegExp, checkAndClose: () => Promise<void>) {
  if (!allowed) return expectKeyboardDenied(page, control, reason);
  await control.click();
  await checkAndClose();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function serverAllows(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    if (error instanceof ApiCallError && error.status === 403) return false;
    throw error;
  }
}

for (const { who, org, role, owner, rights } of CASES) {
  test.describe(`${who} (${role} in ${org})`, () => {
    test('the server allows exactly what the role grants', async ({ api }) => {
      const admin = api.as(owner);
      const person = api.as(who);
      const target = await admin.createServiceAccount(org, { description: 'permission probe' });
      const spare = await admin.createServiceAccount(org);
      const credential = await admin.createCredential(org, target.id);
      const spareCredential = await admin.createCredential(org, target.id);

      expect(await serverAllows(() => person.createServiceAccount(org))).toBe(rights.serviceAccounts);
      expect(await serverAllows(() => person.updateServiceAccount(org, target.id, { description: 'edited' }))).toBe(
        rights.serviceAccounts,
      );
      expect(await serverAllows(() => person.deleteServiceAccount(org, spare.id))).toBe(rights.serviceAccounts);

      expect(await serverAllows(() => person.createCredential(org, target.id))).toBe(rights.credentials);
      expect(
        await serverAllows(() => person.updateCredential(org, target.id, credential.id, { description: 'edited' })),
      ).toBe(rights.credentials);
      expect(await serverAllows(() => person.deleteCredential(org, target.id, spareCredential.id))).toBe(
        rights.credentials,
      );

      // Reading is everyone's right, and the maps the console relies on say the same as the answers above.
      const list = await person.listServiceAccounts(org, { limit: 1 });
      expect(list.permissions?.[SA]).toMatchObject({ read: true, create: rights.serviceAccounts });
      const detail = await person.getServiceAccount(org, target.id);
      expect(detail.permissions?.[SA]).toMatchObject({
        read: true,
        update: rights.serviceAccounts,
        delete: rights.serviceAccounts,
      });
      expect(detail.permissions?.[CRED]).toMatchObject({ read: true, create: rights.credentials });
    });

    test('the console enables exactly those actions', async ({ page, api }) => {
      const { serviceAccount, credential } = await setUp(api.as(owner), org);
      const reason = (permission: string) => deniedReason(role, org, permission);

      // Through the sign-in page's demo button, straight back to a search for our service account.
      const listPath = `${serviceAccountsPath(org)}?q=${encodeURIComponent(serviceAccount.name)}`;
      await signInAs(page, who, { returnTo: listPath });
      await expect(page).toHaveURL(
        (url) => url.pathname === serviceAccountsPath(org) && url.searchParams.get('q') === serviceAccount.name,
      );

      // ---- service accounts list ----
      const create = page.getByRole('button', { name: 'Create service account' });
      const results = page.getByRole('table', { name: `Service accounts matching “${serviceAccount.name}”` });
      await expect(results.getByRole('link', { name: serviceAccount.name, exact: true })).toBeVisible();
      await expectGate(create, rights.serviceAccounts, reason(`${SA}.create`));
      await expectGate(results.getByRole('button', { name: `Edit ${serviceAccount.name}` }), rights.serviceAccounts, reason(`${SA}.update`));
      const deleteServiceAccount = results.getByRole('button', { name: `Delete ${serviceAccount.name}` });
      await expectGate(deleteServiceAccount, rights.serviceAccounts, reason(`${SA}.delete`));
      await expectOpensDialogOrDenied(page, create, rights.serviceAccounts, reason(`${SA}.create`), async () => {
        await expect(page.getByRole('dialog', { name: 'Create service account' })).toBeVisible();
        await page.keyboard.press('Escape');
      });

      // ---- service account detail ----
      await results.getByRole('link', { name: serviceAccount.name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: serviceAccount.name })).toBeVisible();
      const header = page.getByRole('main');
      await expectGate(header.getByRole('button', { name: 'Edit', exact: true }), rights.serviceAccounts, reason(`${SA}.update`));
      await expectGate(header.getByRole('button', { name: 'Delete', exact: true }), rights.serviceAccounts, reason(`${SA}.delete`));

      const credentials = page.getByRole('region', { name: 'Credentials' });
      const createCredential = credentials.getByRole('button', { name: 'Create credential' });
      await expect(credentials.getByRole('link', { name: credential.name, exact: true })).toBeVisible();
      await expectGate(createCredential, rights.credentials, reason(`${CRED}.create`));
      await expectGate(credentials.getByRole('button', { name: `Delete ${credential.name}` }), rights.credentials, reason(`${CRED}.delete`));
      // Rotating needs both create and delete; a viewer lacks both.
      const rotate = credentials.getByRole('link', { name: `Rotate ${credential.name}` });
      await expectGate(rotate, rights.credentials, reason(`${CRED}.create and ${CRED}.delete`));
      await expectOpensDialogOrDenied(page, createCredential, rights.credentials, reason(`${CRED}.create`), async () => {
        const dialog = page.getByRole('dialog', { name: 'Create credential' });
        await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      // ---- credential detail ----
      await credentials.getByRole('link', { name: credential.name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: credential.name })).toBeVisible();
      const credentialHeader = page.getByRole('main');
      const editCredential = credentialHeader.getByRole('button', { name: 'Edit', exact: true });
      await expectGate(editCredential, rights.credentials, reason(`${CRED}.update`));
      await expectGate(credentialHeader.getByRole('button', { name: 'Delete', exact: true }), rights.credentials, reason(`${CRED}.delete`));
      // The rotate link waits for the service account's map (the create half), which arrives separately.
      await expectGate(
        credentialHeader.getByRole('link', { name: 'Rotate', exact: true }),
        rights.credentials,
        reason(`${CRED}.create and ${CRED}.delete`),
      );
      await expectOpensDialogOrDenied(page, editCredential, rights.credentials, reason(`${CRED}.update`), async () => {
        await expect(page.getByRole('dialog', { name: 'Edit credential' })).toBeVisible();
        await page.keyboard.press('Escape');
      });
    });
  });
}

async function setUp(admin: Api, org: string) {
  const serviceAccount = await admin.createServiceAccount(org, { name: uniqueName('perm sa') });
  const credential = await admin.createCredential(org, serviceAccount.id, { name: uniqueName('perm cred') });
  return { serviceAccount, credential };
}

test.describe('without permission maps (an API that ignores expand)', () => {
  test.use({ signedInAs: 'vera' });

  test('actions are enabled and the server’s 403 is explained', async ({ page, api }) => {
    const { serviceAccount } = await setUp(api, 'acme');
    // Every read answers as if `expand=permissions` were unsupported.
    await page.route(
      (url) => url.pathname.startsWith('/api/organizations'),
      async (route) => {
        if (route.request().method() !== 'GET') return route.fallback();
        const response = await route.fetch();
        if (!response.ok()) return route.fulfill({ response });
        const body = (await response.json()) as { permissions?: unknown; items?: { permissions?: unknown }[] };
        delete body.permissions;
        for (const item of body.items ?? []) delete item.permissions;
        return route.fulfill({ response, json: body });
      },
    );

    await page.goto(serviceAccountsPath('acme'));
    const create = page.getByRole('button', { name: 'Create service account' });
    await expect(create).toBeVisible();
    await expect(create).not.toHaveAttribute('aria-disabled', 'true');
    await create.click();
    const dialog = page.getByRole('dialog', { name: 'Create service account' });
    const name = uniqueName('vera tries');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(dialog.getByRole('alert')).toContainText('You are not allowed to create a service account');
    await expect(dialog.getByRole('alert')).toContainText(`${SA}.create`);
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(serviceAccountPath('acme', serviceAccount.id));
    const createCredential = page.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: 'Create credential' });
    await expect(createCredential).not.toHaveAttribute('aria-disabled', 'true');
    await createCredential.click();
    const form = page.getByRole('dialog', { name: 'Create credential' });
    await form.getByRole('textbox', { name: 'Name' }).fill(uniqueName('vera cred'));
    await form.getByRole('button', { name: 'Create credential' }).click();
    await expect(form.getByRole('alert')).toContainText('You are not allowed to create the credential');
    expect((await api.listCredentials('acme', serviceAccount.id)).items).toHaveLength(1);
  });
});
