import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { reactTreeHolds } from '../../test/fiber-search';
import { renderWithProviders } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { CreateCredentialDialog } from './create-credential-dialog';

const server = setupTestServer();

function Harness({ serviceAccountId }: { serviceAccountId: string }) {
  const [open, setOpen] = useState(true);
  return <CreateCredentialDialog org="acme" serviceAccountId={serviceAccountId} open={open} onClose={() => setOpen(false)} />;
}

describe('the one-time secret', () => {
  it('is no longer held by any React fiber (nor the caches) once its dialog closes', async () => {
    const sa = server.addServiceAccount('acme', { name: 'secret lifetime test' });
    const user = userEvent.setup();
    const { container, queryClient } = renderWithProviders(<Harness serviceAccountId={sa.id} />);

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Billing worker');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const created = { client_secret: ((await screen.findByLabelText('Client secret')) as HTMLTextAreaElement).value };
    expect(created.client_secret).toMatch(/^sacs_/);
    // The search does see it while the dialog is open.
    expect(reactTreeHolds(container, created.client_secret)).toBe(true);

    await user.click(screen.getByLabelText('I have stored the secret'));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByLabelText('Client secret')).toBeNull());

    // Not even on the alternate fibers React keeps from the previous render.
    expect(reactTreeHolds(container, created.client_secret)).toBe(false);
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => q.state),
      queryClient.getMutationCache().getAll().map((m) => m.state),
    ]);
    expect(cached).not.toContain(created.client_secret);
  });
});
