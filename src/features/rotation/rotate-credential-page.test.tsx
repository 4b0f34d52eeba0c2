import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../../api/client';
import type { Credential } from '../../api/schemas';
import { formatRotationMarker } from '../../lib/rotation';
import { CREDENTIAL_PERMISSIONS_READ_ONLY, createFakeApi } from '../../test/fake-api';
import { createTestQueryClient, TestProviders } from '../../test/providers';
import { ROUTES } from '../../lib/paths';
import { RotateCredentialPage, RotationInProgressBanner } from './index';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  apiRequest: vi.fn(),
}));

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const SA = 'sa1';
const OLD_ID = 'old00000000000000000000000';
const NEW_ID = 'rep00000000000000000000000';
const ROTATE_PATH = `/orgs/acme/service-accounts/${SA}/credentials/${OLD_ID}/rotate`;

const serviceAccount = { id: SA, name: 'Billing', created_at: ago(400 * 24 * 60 * MIN), updated_at: ago(MIN) };
const oldCredential: Credential = {
  id: OLD_ID,
  client_id: 'client-old',
  name: 'Billing exporter',
  description: 'Nightly export',
  created_at: ago(200 * 24 * 60 * MIN),
  last_used_at: ago(60 * MIN),
};
const replacement = (overrides: Partial<Credential> = {}): Credential => ({
  id: NEW_ID,
  client_id: 'client-new',
  name: 'Billing exporter',
  description: `Nightly export\n\n${formatRotationMarker(oldCredential)}`,
  created_at: ago(30 * MIN),
  last_used_at: null,
  ...overrides,
});

function setup(
  credentials: Credential[],
  permissions?: Parameters<typeof createFakeApi>[0]['permissions'],
  { search = '', extra }: { search?: string; extra?: (path: string, options: { schema?: { parse: (v: unknown) => unknown } }) => unknown } = {},
) {
  const api = createFakeApi({ serviceAccounts: [serviceAccount], credentials: { [SA]: credentials }, permissions });
  vi.mocked(apiRequest).mockImplementation(
    extra
      ? (((path: string, options: never) => {
          const answer = extra(path, options);
          return answer === undefined ? (api.request as (...args: unknown[]) => unknown)(path, options) : Promise.resolve(answer);
        }) as never)
      : api.request,
  );
  const user = userEvent.setup();
  // A data router, as in the app: the secret dialog's leave guard needs one.
  const router = createMemoryRouter(
    [
      {
        path: ROUTES.rotateCredential,
        element: <RotateCredentialPage />,
      },
      {
        path: ROUTES.serviceAccount,
        element: <RotationInProgressBanner org="acme" serviceAccountId={SA} />,
      },
    ],
    { initialEntries: [`${ROTATE_PATH}${search}`] },
  );
  render(
    <TestProviders>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  const posts = () => api.calls.filter((c) => c.method === 'POST');
  const deletes = () => api.calls.filter((c) => c.method === 'DELETE');
  return { api, user, posts, deletes, router };
}

const currentStep = () => screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step');

beforeEach(() => {
  vi.mocked(apiRequest).mockReset();
});
afterEach(() => vi.useRealTimers());

describe('RotateCredentialPage', () => {
  it('proposes the replacement, creates it once on a double click and shows the secret once', async () => {
    const { user, posts, api } = setup([oldCredential]);
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
      `Nightly export\n\nReplaces credential ${OLD_ID} (client-old)`,
    );
    const newId = api.state.credentials[SA]![0]!.id;
    expect((within(dialog).getByLabelText('Client secret') as HTMLTextAreaElement).value).toBe(`secret-for-${newId}`);

    await user.click(within(dialog).getByLabelText('I have stored the secret'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Replacement credential created' })).toBeNull());

    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2: Switch clients over');
    expect(screen.getByText('old: used 1 hour ago · new: never used')).toBeTruthy();
    expect(screen.queryByText(/secret-for-/)).toBeNull();
  });

  it('says nothing changed when creating the replacement fails, and allows a retry', async () => {
    const { user, posts, api } = setup([oldCredential]);
    api.failures.push({
      method: 'POST',
      pathIncludes: '/credentials',
      error: new ApiError({ status: 403, code: 'permission_denied', message: 'You need service_account_credentials.create.' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Create replacement' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not create the replacement: You need service_account_credentials.create. Nothing was changed.',
    );
    expect(api.state.credentials[SA]).toHaveLength(1);

    api.failures.length = 0;
    await user.click(screen.getByRole('button', { name: 'Create replacement' }));
    await screen.findByRole('dialog', { name: 'Replacement credential created' });
    expect(posts()).toHaveLength(2);
  });

  it('when the connection drops after the server created the replacement, shows it and says its secret was lost', async () => {
    const { user, posts, api } = setup([oldCredential]);
    api.failures.push({
      method: 'POST',
      pathIncludes: '/credentials',
      afterApply: true,
      error: new ApiError({ status: 0, code: 'network_error', message: 'The network request failed.' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Create replacement' }));

    const alert = await screen.findByText(/its secret was never shown/);
    expect(alert.textContent).toContain('Delete the replacement');
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2');
    expect(screen.queryByRole('button', { name: 'Create replacement' })).toBeNull();
    expect(posts()).toHaveLength(1);
    expect(api.state.credentials[SA]).toHaveLength(2);
  });

  it('resumes at step 2 from API data and warns before a premature revoke', async () => {
    const { user, deletes } = setup([replacement(), oldCredential]);
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
    expect(deletes().map((c) => c.path)).toEqual([`/organizations/acme/service-accounts/${SA}/credentials/${OLD_ID}`]);
  });

  it('offers the revoke plainly once safe, and keeps both credentials when it fails', async () => {
    const { user, api, deletes } = setup([
      replacement({ created_at: ago(90 * MIN), last_used_at: ago(5 * MIN) }),
      { ...oldCredential, last_used_at: ago(120 * MIN) },
    ]);
    expect(await screen.findByText(/Safe to revoke\./)).toBeTruthy();
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 3: Retire the old credential');
    api.failures.push({
      method: 'DELETE',
      pathIncludes: OLD_ID,
      error: new ApiError({ status: 500, code: 'internal', message: 'Database unavailable.' }),
    });

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
    expect(api.state.credentials[SA]).toHaveLength(2);
  });

  it('shows the controls disabled, with the reason, to someone who may not rotate', async () => {
    const { user, posts } = setup([oldCredential], CREDENTIAL_PERMISSIONS_READ_ONLY);
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
    const { user, api } = setup([oldCredential], CREDENTIAL_PERMISSIONS_READ_ONLY);
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
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('counts the observation window down in words, restarts it on a use of the old credential, and keeps W from the URL', async () => {
    const { api, router } = setup(
      [replacement({ created_at: ago(5 * 60 * MIN), last_used_at: ago(MIN) }), { ...oldCredential, last_used_at: ago(130 * MIN) }],
      undefined,
      { search: '?window=24h' },
    );
    const countdown = await screen.findByTestId('rotation-countdown');
    expect(countdown.textContent).toMatch(/^Old credential quiet for 2 h 10 min of the 24 h window \(since its last use\); safe to revoke in 21 h \d\d min if it stays unused\./);
    expect((screen.getByRole('combobox', { name: 'Observation window' }) as HTMLSelectElement).value).toBe('24h');
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 2');

    // The old credential is used again: the next poll restarts the countdown.
    api.state.credentials[SA] = api.state.credentials[SA]!.map((c) => (c.id === OLD_ID ? { ...c, last_used_at: new Date().toISOString() } : c));
    await waitFor(() => expect(screen.getByTestId('rotation-countdown').textContent).toMatch(/^Old credential quiet for \d+ s of the 24 h window/), {
      timeout: 8_000,
    });

    // Back to the default window: the choice leaves the URL.
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Observation window' }), '');
    expect(router.state.location.search).toBe('');
    expect(screen.getByTestId('rotation-countdown').textContent).toMatch(/of the 1 h window/);
  }, 15_000);

  it('becomes safe by itself once the window has passed with the page left open', async () => {
    setup(
      [replacement({ created_at: ago(5 * 60 * MIN), last_used_at: ago(MIN) }), { ...oldCredential, last_used_at: new Date(Date.now() - 58_000).toISOString() }],
      undefined,
      { search: '?window=1m' },
    );
    expect((await screen.findByTestId('rotation-countdown')).textContent).toMatch(/safe to revoke in \d+ s/);
    expect(screen.queryByText(/Safe to revoke\./)).toBeNull();
    expect(await screen.findByText(/Safe to revoke\./, {}, { timeout: 5_000 })).toBeTruthy();
    expect(within(currentStep()!).getByRole('heading', { level: 2 }).textContent).toContain('Step 3');
  });

  it('with usage history: waits at least the old credential’s longest gap between uses, and charts both live', async () => {
    const HOUR = 60 * MIN;
    const hour = (hoursAgo: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR - hoursAgo * HOUR).toISOString();
    // A nightly job: one use a day for three days, the last one 2 hours ago (after the replacement was made).
    const usage: Record<string, { start: string; count: number }[]> = {
      [OLD_ID]: [hour(50), hour(26), hour(2)].map((start) => ({ start, count: 1 })),
      [NEW_ID]: [{ start: hour(0), count: 3 }],
    };
    setup([replacement({ created_at: ago(5 * 60 * MIN), last_used_at: ago(MIN) }), { ...oldCredential, last_used_at: ago(130 * MIN) }], undefined, {
      extra: (path, options) => {
        if (path === '/capabilities') return { extensions: ['usage'] };
        const usageOf = /\/credentials\/([^/]+)\/usage$/.exec(path)?.[1];
        return usageOf ? options.schema!.parse({ items: usage[usageOf] ?? [] }) : undefined;
      },
    });

    expect(await screen.findByText(/in the last 14 days the old credential once went 25 h between uses/)).toBeTruthy();
    expect(screen.getByTestId('rotation-countdown').textContent).toMatch(/^Old credential quiet for 2 h 10 min of the 25 h window/);
    expect(screen.getByRole('img', { name: /^Uses per hour of the old and the new credential\./ })).toBeTruthy();
    expect(screen.getByTestId('switch-over-sentence').textContent).toMatch(
      /^Clients have switched over: the old credential was last used in the hour from .+ \(1 use since the hour the replacement was created\); since then only the new one, 3 uses\.$/,
    );
  });

  it('disables the revoke for someone who may not delete', async () => {
    setup(
      [replacement({ created_at: ago(90 * MIN), last_used_at: ago(MIN) }), { ...oldCredential, last_used_at: ago(120 * MIN) }],
      CREDENTIAL_PERMISSIONS_READ_ONLY,
    );
    const button = await screen.findByRole('button', { name: 'Revoke old credential' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });

  it('says the rotation is complete when the old credential is gone and a replacement exists', async () => {
    setup([replacement({ last_used_at: ago(MIN) })]);
    expect(await screen.findByRole('heading', { name: 'Rotation complete' })).toBeTruthy();
    expect(screen.getByText('client-old')).toBeTruthy();
  });

  it('says so when the credential does not exist', async () => {
    setup([]);
    expect(await screen.findByRole('heading', { name: 'Credential not found' })).toBeTruthy();
  });
});

describe('RotationInProgressBanner', () => {
  function renderBanner(credentials: Credential[]) {
    const api = createFakeApi({ serviceAccounts: [serviceAccount], credentials: { [SA]: credentials } });
    vi.mocked(apiRequest).mockImplementation(api.request);
    return render(
      <QueryClientProvider client={createTestQueryClient()}>
        <MemoryRouter>
          <RotationInProgressBanner org="acme" serviceAccountId={SA} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('lists a rotation in progress with a link to resume it', async () => {
    renderBanner([replacement(), oldCredential]);
    const link = await screen.findByRole('link', { name: 'Resume rotation of Billing exporter (…nt-old)' });
    expect(link.getAttribute('href')).toBe(ROTATE_PATH);
    expect(screen.getByRole('heading', { name: 'Rotation in progress' })).toBeTruthy();
    expect(screen.getByText(/waiting for the new credential’s first use/)).toBeTruthy();
  });

  it('renders nothing without a rotation in progress', async () => {
    const { container } = renderBanner([oldCredential, replacement({ description: 'unrelated' })]);
    await waitFor(() => expect(apiRequest).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    expect(container.textContent).toBe('');
  });
});
