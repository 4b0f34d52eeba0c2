import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../components/toast';
import { DAY_MS } from '../../lib/credential-status';
import { ROUTES } from '../../lib/paths';
import { setupTestServer } from '../../test/test-server';
import { CredentialReviewPage } from './index';

// The vendor's API (no extensions): the page walks every service account's credentials itself.
const server = setupTestServer({ extensions: [] });

const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** Billing: active-one, idle-one; Analytics: stale-one, never-one, new-one. */
function arrange() {
  const org = server.addOrganization();
  const billing = server.addServiceAccount(org, { name: 'Billing', created_at: ago(500) });
  const analytics = server.addServiceAccount(org, { name: 'Analytics', created_at: ago(500) });
  const cred = (saId: string, name: string, createdDays: number, usedDays: number | null) =>
    server.addCredential(saId, { name, created_at: ago(createdDays), last_used_at: usedDays === null ? null : ago(usedDays) });
  cred(billing.id, 'active-one', 10, 1);
  cred(billing.id, 'idle-one', 200, 45);
  const stale = cred(analytics.id, 'stale-one', 300, 120);
  cred(analytics.id, 'never-one', 20, null);
  cred(analytics.id, 'new-one', 2, null);
  return { org, billing, analytics, stale };
}

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="search">{location.search}</output>;
}

function setup({ search = '', probe = true }: { search?: string; probe?: boolean } = {}) {
  const arranged = arrange();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[`/orgs/${arranged.org}/credentials${search}`]}>
          <Routes>
            <Route
              path={ROUTES.credentialReview}
              element={
                <>
                  <CredentialReviewPage />
                  {probe && <LocationProbe />}
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { user, ...arranged };
}

const table = () => screen.getByRole('table', { name: 'Credentials of the organization' });
const credentialNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[2]!.textContent);
const searchText = () => screen.getByRole('status', { name: 'search' }).textContent;

const objectUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = objectUrl.create;
  URL.revokeObjectURL = objectUrl.revoke;
});

describe('CredentialReviewPage', () => {
  it('shows every credential with totals, oldest last use first', async () => {
    setup();
    await screen.findByRole('table', { name: 'Credentials of the organization' });
    await waitFor(() => expect(credentialNames()).toHaveLength(5));
    expect(credentialNames()).toEqual(['never-one', 'new-one', 'stale-one', 'idle-one', 'active-one']);
    const totals = screen.getByRole('list', { name: 'Totals by status' });
    expect(within(totals).getByRole('button', { name: '5 All' })).toBeTruthy();
    expect(within(totals).getByRole('button', { name: '2 Stale' })).toBeTruthy();
    expect(within(totals).getByRole('button', { name: '1 New' })).toBeTruthy();
    expect(within(totals).getByRole('button', { name: '2 Rotation due' })).toBeTruthy();
    expect(screen.getByText(/Last used is the last time the credential was exchanged for an access token/)).toBeTruthy();
  });

  it('filters by status and service account and keeps them in the URL', async () => {
    const { user, analytics } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: '2 Stale' }));
    expect(credentialNames()).toEqual(['never-one', 'stale-one']);
    expect(searchText()).toBe('?status=stale');

    await user.selectOptions(screen.getByLabelText('Service account'), 'Analytics');
    expect(searchText()).toBe(`?status=stale&account=${analytics.id}`);
    await user.selectOptions(screen.getByLabelText('Status'), '');
    expect(credentialNames()).toEqual(['never-one', 'new-one', 'stale-one']);
  });

  it('filters by the Rotation due box like the status boxes, one box pressed at a time', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    const totals = screen.getByRole('list', { name: 'Totals by status' });
    const rotationDue = within(totals).getByRole('button', { name: '2 Rotation due' });
    await user.click(within(totals).getByRole('button', { name: '2 Stale' }));
    await user.click(rotationDue);
    expect(rotationDue.getAttribute('aria-pressed')).toBe('true');
    expect(within(totals).getByRole('button', { name: '2 Stale' }).getAttribute('aria-pressed')).toBe('false');
    expect(credentialNames()).toEqual(['stale-one', 'idle-one']);
    expect(searchText()).toBe('?rotation=due');
    await user.click(within(totals).getByRole('button', { name: '5 All' }));
    expect(credentialNames()).toHaveLength(5);
    expect(searchText()).toBe('');
  });

  it('restores filters, sort and threshold from the URL', async () => {
    setup({ search: '?sort=name&dir=desc&stale=30' });
    await screen.findByRole('table');
    expect(credentialNames()).toEqual(['stale-one', 'new-one', 'never-one', 'idle-one', 'active-one']);
    expect((screen.getByLabelText('Stale after (days)') as HTMLInputElement).value).toBe('30');
    expect(screen.getByRole('button', { name: '3 Stale' })).toBeTruthy();
  });

  it('sorts by name and age from the column headers', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Sort by Credential' }));
    expect(credentialNames()).toEqual(['active-one', 'idle-one', 'never-one', 'new-one', 'stale-one']);
    expect(searchText()).toBe('?sort=name');
    await user.click(screen.getByRole('button', { name: 'Sort by Created' }));
    expect(credentialNames()).toEqual(['stale-one', 'idle-one', 'never-one', 'active-one', 'new-one']);
  });

  it('recomputes status with the stale threshold typed in', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    const input = screen.getByLabelText('Stale after (days)');
    await user.clear(input);
    await user.type(input, '40');
    expect(searchText()).toBe('?stale=40');
    expect(screen.getByRole('button', { name: '3 Stale' })).toBeTruthy();
  });

  it('bulk-revokes the selected credentials and reports each result', async () => {
    const { user } = setup();
    await screen.findByRole('table');
    const idle = server.db.prepare(`SELECT id FROM credentials WHERE name = 'idle-one'`).get() as { id: string };
    server.failNext('DELETE', idle.id, 403, { message: 'Not allowed.' });
    await user.click(screen.getByLabelText('Select stale-one (Analytics)'));
    await user.click(screen.getByLabelText('Select idle-one (Billing)'));
    await user.click(screen.getByLabelText('Select never-one (Analytics)'));
    await user.click(screen.getByRole('button', { name: 'Revoke selected (3)' }));

    const dialog = await screen.findByRole('dialog', { name: 'Revoke 3 credentials?' });
    expect(within(dialog).getByText(/Most recent use among them:/).textContent).toMatch(/Most recent use among them: last month/);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 3 credentials' }));

    await within(dialog).findByText('2 revoked, 1 failed.');
    expect(within(dialog).getByText(/idle-one \(Billing\): failed: Not allowed\./)).toBeTruthy();
    expect(server.requests.filter((c) => c.method === 'DELETE')).toHaveLength(3);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(credentialNames()).toEqual(['new-one', 'idle-one', 'active-one']);
    // The failure stays selected for a retry.
    expect((screen.getByLabelText('Select idle-one (Billing)') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Revoke selected (1)' })).toBeTruthy();
  });

  it('exports the current view as CSV', async () => {
    const { user, stale } = setup({ search: '?status=stale' });
    await screen.findByRole('table');
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(click).toHaveBeenCalledTimes(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob!);
    });
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'service_account,service_account_id,credential,credential_id,client_id,created_at,last_used_at,status,rotation_due',
    );
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['never-one', 'stale-one']);
    expect(lines[2]).toContain(`,${stale.created_at},`);
  });

  it('disables selection and revoke for someone who may not delete', async () => {
    server.signIn('vera');
    setup();
    await screen.findByRole('table');
    expect((screen.getByLabelText('Select stale-one (Analytics)') as HTMLInputElement).disabled).toBe(true);
    const revoke = screen.getByRole('button', { name: 'Revoke selected' });
    expect(revoke.getAttribute('aria-disabled')).toBe('true');
    const reasonId = revoke.getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(document.getElementById(reasonId)?.textContent).toBe(
      'Only organization admins and service account operators can delete credentials. (service_account_credentials.delete)',
    );
  });

  it('shows an error with a retry when loading fails', async () => {
    server.failNext('GET', '/credentials', 500, { message: 'Database unavailable.' });
    setup({ probe: false });
    expect((await screen.findByRole('alert')).textContent).toContain('Database unavailable.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy());
  });
});
