import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../../api/client';
import { createFakeApi } from '../../test/fake-api';
import { reactTreeHolds } from '../../test/fiber-search';
import { TestProviders } from '../../test/providers';
import { ROUTES } from '../../lib/paths';
import { RotateCredentialPage } from './index';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  apiRequest: vi.fn(),
}));

const SA = 'sa1';
const OLD_ID = 'old00000000000000000000000';
const now = Date.now();

describe('the replacement’s one-time secret', () => {
  it('is no longer held by any React fiber once its dialog closes', async () => {
    const api = createFakeApi({
      serviceAccounts: [{ id: SA, name: 'Billing', created_at: new Date(now - 9e9).toISOString(), updated_at: new Date(now).toISOString() }],
      credentials: {
        [SA]: [
          {
            id: OLD_ID,
            client_id: 'client-old',
            name: 'Billing exporter',
            created_at: new Date(now - 9e9).toISOString(),
            last_used_at: new Date(now - 60_000).toISOString(),
          },
        ],
      },
    });
    vi.mocked(apiRequest).mockImplementation(api.request);
    const user = userEvent.setup();
    const { container } = render(
      <TestProviders>
        <RouterProvider
          router={createMemoryRouter(
            [
              {
                path: ROUTES.rotateCredential,
                element: <RotateCredentialPage />,
              },
            ],
            { initialEntries: [`/orgs/acme/service-accounts/${SA}/credentials/${OLD_ID}/rotate`] },
          )}
        />
      </TestProviders>,
    );

    await user.click(await screen.findByRole('button', { name: 'Create replacement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replacement credential created' });
    const secret = (within(dialog).getByLabelText('Client secret') as HTMLTextAreaElement).value;
    expect(reactTreeHolds(container, secret)).toBe(true);

    await user.click(within(dialog).getByLabelText('I have stored the secret'));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Replacement credential created' })).toBeNull());

    expect(reactTreeHolds(container, secret)).toBe(false);
  });
});
