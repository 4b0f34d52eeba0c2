import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Credential } from '../../api/schemas';
import { formatRotationMarker } from '../../lib/rotation';
import { ROUTES } from '../../lib/paths';
import { createTestQueryClient, TestProviders } from '../../test/providers';
import { NavigationRouter } from '../../lib/navigation-router';
import { createMemoryNavigation } from '../../test/routing-fixtures';
import { setupTestServer, type TestServer } from '../../test/test-server';
import { RotateCredentialPage, RotationInProgressBanner } from './index';

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ROTATE_ROUTE = ROUTES.rotateCredential;

type Times = Pick<Credential, 'created_at' | 'last_used_at'>;
const OLD: Times = { created_at: ago(200 * 24 * 60 * MIN), last_used_at: ago(60 * MIN) };
const REPLACEMENT: Times = { created_at: ago(30 * MIN), last_used_at: null };

/**
 * An organization with the Billing account, its old credential "Billing exporter" (client-old) and,
 * unless `replacement` is null, a replacement whose description names the old one. `old: null`: the
 * old credential existed (the replacement names it) but is gone.
 */
function arrangeRotation(
  server: TestServer,
  {
    old = {},
    replacement = null,
  }: { old?: Partial<Times> | null; replacement?: (Partial<Times> & { description?: string }) | null } = {},
) {
  const org = server.addOrganization();
  const sa = server.addServiceAccount(org, { name: 'Billing', created_at: ago(400 * 24 * 60 * MIN) });
  const oldCredential = server.addCredential(sa.id, {
    name: 'Billing exporter',
    description: 'Nightly export',
    client_id: 'client-old',
    ...OLD,
    ...old,
  });
  const replacementCredential =
    replacement &&
    server.addCredential(sa.id, {
      name: 'Billing exporter',
      description: `Nightly export\n\n${formatRotationMarker(oldCredential)}`,
      client_id: 'client-new',
      ...REPLACEMENT,
      ...replacement,
    });
  if (old === null) void server.db.prepare('DELETE FROM credentials WHERE id = ?').run(oldCredential.id);
  const rotatePath = `/orgs/${org}/service-accounts/${sa.id}/credentials/${oldCredential.id}/rotate`;
  const credentialsPath = `/organizations/${org}/service-accounts/${sa.id}/credentials`;
  const credentialCount = async () => (await server.call<{ items: unknown[] }>('GET', credentialsPath)).items.length;
  return { org, sa, oldCredential, replacementCredential, rotatePath, credentialsPath, credentialCount };
}

function setup(server: TestServer, arranged: ReturnType<typeof arrangeRotation>, { search = '' }: { search?: string } = {}) {
  const user = userEvent.setup();
  // The app's navigation: the secret dialog's leave guard needs its blocker.
  const navigation = createMemoryNavigation([`${arranged.rotatePath}${search}`]);
  render(
    <TestProviders>
      <NavigationRouter navigation={navigation}>
        <Routes>
          <Route path={ROTATE_ROUTE} element={<RotateCredentialPage />} />
          <Route
            path={ROUTES.serviceAccount}
            element={<RotationInProgressBanner org={arranged.org} serviceAccountId={arranged.sa.id} />}
          />
        </Routes>
      </NavigationRouter>
    </TestProviders>,
  );
  const posts = () => server.requests.filter((c) => c.method === 'POST');
  const deletes = () => server.requests.filter((c) => c.method === 'DELETE');
  return { user, posts, deletes, navigation, ...arranged };
}

const currentStep = () => screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step');

afterEach(() => vi.useRealTimers());

describe('RotateCredentialPage', () => {
  const server = setupTestServer({ extensions: [] });

  it('proposes the replacement, creates it once on a double click and shows the secret once', async () => {
    const { user, posts, oldCredential, credentialsPath } = setup(server, arrangeRotation(server));
    expect(await screen.findByRole('heading', { name: 'Rotate “Billing exporter”' })).toBeTruthy();
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 1: Replace');
    const today = new Date().toISOString().slice(0, 10);
    expect((screen.getByLabelText(/Name of the new credential/) as HTMLInputElement).value).toBe(
      `Billing exporter (rotated ${today})`,
    );
    expect((screen.getByLabelText(/^Description/) as HTMLTextAreaElement).value).toBe('Nightly export');

    await user.dblClick(screen.getByRole('button', { name: 'Create replacement' }));

    const dialog = await screen.findByRole('dialog', { name: 'Replacement credential created' });
    expect(posts()).toHaveLength(1);
    expect((posts()[0]?.body as { description: string }).description).toBe(
      `Nightly export\n\nReplaces credential ${oldCredential.id} (client-old)`,
    );
    const created = (await server.call<{ items: Credential[] }>('GET', credentialsPath)).items.find(
      (c) => c.id !== oldCredential.id,
    )!;
    const secret = (within(dialog).getByLabelText('Client secret') as HTMLTextAreaElement).value;
    expect(server.isSecretOf(created.client_id, secret)).toBe(true);

    await user.click(within(dialog).getByLabelText('I have stored the secret'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Replacement credential created' })).toBeNull());

    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2: Switch clients over');
    expect(screen.getByText('old: used 1 hour ago · new: never used')).toBeTruthy();
    expect(screen.queryByText(secret)).toBeNull();
  });

  it('says nothing changed when creating the replacement fails, and allows a retry', async () => {
    const { user, posts, credentialCount } = setup(server, arrangeRotation(server));
    server.failNext('POST', '/credentials', 403, { message: 'You need service_account_credentials.create.' });
    await user.click(await screen.findByRole('button', { name: 'Create replacement' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not create the replacement: You need service_account_credentials.create. Nothing was changed.',
    );
    expect(await credentialCount()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Create replacement' }));
    await screen.findByRole('dialog', { name: 'Replacement credential created' });
    expect(posts()).toHaveLength(2);
  });

  it('when the connection drops after the server created the replacement, shows it and says its secret was lost', async () => {
    const { user, posts, credentialCount } = setup(server, arrangeRotation(server));
    server.failNext('POST', '/credentials', 0, { afterApply: true });
    await user.click(await screen.findByRole('button', { name: 'Create replacement' }));

    const alert = await screen.findByText(/its secret was never shown/);
    expect(alert.textContent).toContain('Delete the replacement');
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2');
    expect(screen.queryByRole('button', { name: 'Create replacement' })).toBeNull();
    expect(posts()).toHaveLength(1);
    expect(await credentialCount()).toBe(2);
  });

  it('resumes at step 2 from API data and warns before a premature revoke', async () => {
    const { user, deletes, credentialsPath, oldCredential } = setup(server, arrangeRotation(server, { replacement: {} }));
    expect(await screen.findByText('old: used 1 hour ago · new: never used')).toBeTruthy();
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2');
    expect(screen.getByText(/Revoking now would break clients still using the old credential/)).toBeTruthy();

    const revoke = screen.getByRole('button', { name: 'Revoke old credential anyway' });
    expect(revoke.getAttribute('aria-disabled')).toBe('true');
    await user.click(revoke);
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByLabelText(/I understand that clients still using the old credential will stop working/));
    expect(revoke.getAttribute('aria-disabled')).toBeNull();
    await user.click(revoke);
    const confirm = await screen.findByRole('dialog', { name: 'Revoke “Billing exporter (…nt-old)”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByRole('heading', { name: 'Rotation complete' })).toBeTruthy();
    expect(deletes().map((c) => c.path)).toEqual([`${credentialsPath}/${oldCredential.id}`]);
  });

  it('offers the revoke plainly once safe, and keeps both credentials when it fails', async () => {
    const { user, deletes, oldCredential, credentialCount } = setup(
      server,
      arrangeRotation(server, {
        replacement: { created_at: ago(90 * MIN), last_used_at: ago(5 * MIN) },
        old: { last_used_at: ago(120 * MIN) },
      }),
    );
    expect(await screen.findByText(/Safe to revoke\./)).toBeTruthy();
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 3: Retire the old credential');
    server.failNext('DELETE', oldCredential.id, 500, { message: 'Database unavailable.' });

    await user.click(screen.getByRole('button', { name: 'Revoke old credential' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke “Billing exporter (…nt-old)”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));

    await waitFor(() =>
      expect(within(confirm).getByRole('alert').textContent).toBe(
        'Could not revoke the old credential: Database unavailable. Both credentials still exist.',
      ),
    );
    expect(deletes()).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Rotation complete' })).toBeNull();
    expect(await credentialCount()).toBe(2);
  });

  it('shows the controls disabled, with the reason, to someone who may not rotate', async () => {
    server.signIn('vera');
    const { user, posts } = setup(server, arrangeRotation(server));
    const button = await screen.findByRole('button', { name: 'Create replacement' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    const reason = document.getElementById(button.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(reason?.textContent).toBe(
      'Only organization admins and service account operators can rotate credentials. (service_account_credentials.create and service_account_credentials.delete)',
    );
    await user.click(button);
    expect(posts()).toHaveLength(0);
  });

  it('sends nothing for a viewer: the form is read-only with the reason, and Enter or any button does not submit', async () => {
    server.signIn('vera');
    const { user } = setup(server, arrangeRotation(server));
    const name = (await screen.findByLabelText(/Name of the new credential/)) as HTMLInputElement;
    expect(name.readOnly).toBe(true);
    expect(name.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('note').textContent).toContain('You cannot rotate this credential.');
    const before = name.value;
    await user.type(name, 'x{Enter}');
    expect(name.value).toBe(before);
    const description = screen.getByLabelText(/^Description/) as HTMLTextAreaElement;
    await user.type(description, '{Enter}');
    // Submitting the form by any route (implicit submission included) is refused in its handler.
    const form = screen.getByRole('form', { name: 'Create the replacement credential' }) as HTMLFormElement;
    form.requestSubmit();
    for (const button of screen.getAllByRole('button')) await user.click(button);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('counts the observation window down in words, restarts it on a use of the old credential, and keeps W from the URL', async () => {
    const { navigation, oldCredential } = setup(
      server,
      arrangeRotation(server, {
        replacement: { created_at: ago(5 * 60 * MIN), last_used_at: ago(MIN) },
        old: { last_used_at: ago(130 * MIN) },
      }),
      { search: '?window=24h' },
    );
    const countdown = await screen.findByTestId('rotation-countdown');
    expect(countdown.textContent).toMatch(/^Old credential quiet for 2 h 10 min of the 24 h window \(since its last use\); safe to revoke in 21 h \d\d min if it stays unused\./);
    expect((screen.getByRole('combobox', { name: 'Observation window' }) as HTMLSelectElement).value).toBe('24h');
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2');

    // A client uses the old credential again: the next poll restarts the countdown.
    await server.exchange(oldCredential);
    await waitFor(() => expect(screen.getByTestId('rotation-countdown').textContent).toMatch(/^Old credential quiet for \d+ s of the 24 h window/), {
      timeout: 8_000,
    });

    // Back to the default window: the choice leaves the URL.
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Observation window' }), '');
    expect(navigation.state.location.search).toBe('');
    expect(screen.getByTestId('rotation-countdown').textContent).toMatch(/of the 1 h window/);
  }, 15_000);

  it('becomes safe by itself once the window has passed with the page left open', async () => {
    setup(
      server,
      arrangeRotation(server, {
        replacement: { created_at: ago(5 * 60 * MIN), last_used_at: ago(MIN) },
        old: { last_used_at: new Date(Date.now() - 58_000).toISOString() },
      }),
      { search: '?window=1m' },
    );
    expect((await screen.findByTestId('rotation-countdown')).textContent).toMatch(/safe to revoke in \d+ s/);
    expect(screen.queryByText(/Safe to revoke\./)).toBeNull();
    expect(await screen.findByText(/Safe to revoke\./, {}, { timeout: 5_000 })).toBeTruthy();
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 3');
  });

  it('disables the revoke for someone who may not delete', async () => {
    server.signIn('vera');
    setup(
      server,
      arrangeRotation(server, {
        replacement: { created_at: ago(90 * MIN), last_used_at: ago(MIN) },
        old: { last_used_at: ago(120 * MIN) },
      }),
    );
    const button = await screen.findByRole('button', { name: 'Revoke old credential' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });

  it('says the rotation is complete when the old credential is gone and a replacement exists', async () => {
    setup(server, arrangeRotation(server, { old: null, replacement: { last_used_at: ago(MIN) } }));
    expect(await screen.findByRole('heading', { name: 'Rotation complete' })).toBeTruthy();
    expect(screen.getByText('client-old')).toBeTruthy();
  });

  it('says so when the credential does not exist', async () => {
    setup(server, arrangeRotation(server, { old: null }));
    expect(await screen.findByRole('heading', { name: 'Credential not found' })).toBeTruthy();
  });
});

describe('RotateCredentialPage with the usage extension', () => {
  const server = setupTestServer({ extensions: ['usage'] });

  it('with usage history: waits at least the old credential’s longest gap between uses, and charts both live', async () => {
    const HOUR = 60 * MIN;
    const hour = (hoursAgo: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR - hoursAgo * HOUR);
    const arranged = arrangeRotation(server, {
      replacement: { created_at: ago(5 * 60 * MIN), last_used_at: ago(MIN) },
      old: { last_used_at: ago(130 * MIN) },
    });
    // A nightly job: one use a day for three days, the last one 2 hours ago (after the replacement was made).
    for (const hoursAgo of [50, 26, 2]) server.addUsage(arranged.oldCredential.id, 1, hour(hoursAgo));
    server.addUsage(arranged.replacementCredential!.id, 3, hour(0));
    setup(server, arranged);

    expect(await screen.findByText(/in the last 14 days the old credential once went 25 h between uses/)).toBeTruthy();
    expect(screen.getByTestId('rotation-countdown').textContent).toMatch(/^Old credential quiet for 2 h 10 min of the 25 h window/);
    expect(screen.getByRole('img', { name: /^Uses per hour of the old and the new credential\./ })).toBeTruthy();
    expect(screen.getByTestId('switch-over-sentence').textContent).toMatch(
      /^Clients have switched over: the old credential was last used in the hour from .+ \(1 use since the hour the replacement was created\); since then only the new one, 3 uses\.$/,
    );
  });
});

describe('RotationInProgressBanner', () => {
  const server = setupTestServer({ extensions: [] });

  function renderBanner(arranged: ReturnType<typeof arrangeRotation>) {
    return render(
      <QueryClientProvider client={createTestQueryClient()}>
        <MemoryRouter>
          <RotationInProgressBanner org={arranged.org} serviceAccountId={arranged.sa.id} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('lists a rotation in progress with a link to resume it', async () => {
    const arranged = arrangeRotation(server, { replacement: {} });
    renderBanner(arranged);
    const link = await screen.findByRole('link', { name: 'Resume rotation of Billing exporter (…nt-old)' });
    expect(link.getAttribute('href')).toBe(arranged.rotatePath);
    expect(screen.getByRole('heading', { name: 'Rotation in progress' })).toBeTruthy();
    expect(screen.getByText(/waiting for the new credential’s first use/)).toBeTruthy();
  });

  it('renders nothing without a rotation in progress', async () => {
    const { container } = renderBanner(arrangeRotation(server, { replacement: { description: 'unrelated' } }));
    await waitFor(() => expect(server.requests.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 10));
    expect(container.textContent).toBe('');
  });
});
