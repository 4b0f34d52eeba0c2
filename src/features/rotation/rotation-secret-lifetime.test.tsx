import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../lib/paths';
import { reactTreeHolds } from '../../test/fiber-search';
import { TestProviders } from '../../test/providers';
import { NavigationRouter } from '../../lib/navigation-router';
import { createMemoryNavigation } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { RotateCredentialPage } from './index';

const server = setupTestServer();
const now = Date.now();

describe('the replacement’s one-time secret', () => {
  it('is no longer held by any React fiber once its dialog closes', async () => {
    const org = server.addOrganization();
    const sa = server.addServiceAccount(org, { name: 'Billing', created_at: new Date(now - 9e9).toISOString() });
    const old = server.addCredential(sa.id, {
      name: 'Billing exporter',
      created_at: new Date(now - 9e9).toISOString(),
      last_used_at: new Date(now - 60_000).toISOString(),
    });
    const user = userEvent.setup();
    const { container } = render(
      <TestProviders>
        <NavigationRouter navigation={createMemoryNavigation([`/orgs/${org}/service-accounts/${sa.id}/credentials/${old.id}/rotate`])}>
          <Routes>
            <Route path={ROUTES.rotateCredential} element={<RotateCredentialPage />} />
          </Routes>
        </NavigationRouter>
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
