import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/schemas';
import { setSessionToken } from '../../api/session';
import { ROUTES } from '../../lib/paths';
import { LocationProbe, renderWithRoutes } from '../../test/routing-fixtures';
import { setupTestServer } from '../../test/test-server';
import { OrgBoundary } from './org-boundary';
import { OrgSwitcher } from './org-switcher';
import { RootRedirect } from './root-redirect';
import { useOrgParam } from '../../lib/route-params';

// Signed in as Ada: org_admin in acme (Acme Corp), org_viewer in globex (Globex).
const server = setupTestServer();

function OrgPage() {
  return (
    <>
      <OrgSwitcher />
      <p>Service accounts of {useOrgParam()}</p>
      <LocationProbe />
    </>
  );
}

const routes = (
  <>
    <Route path="/" element={<RootRedirect />} />
    <Route path={ROUTES.org} element={<OrgBoundary />}>
      <Route path="service-accounts" element={<OrgPage />} />
    </Route>
  </>
);

describe('RootRedirect', () => {
  it('opens the first organization’s service accounts, by label', async () => {
    renderWithRoutes(routes, '/');
    expect(await screen.findByText('Service accounts of acme')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/orgs/acme/service-accounts');
  });

  it('uses the id for an organization without a label', async () => {
    const id = server.addOrganization(null);
    server.addPerson('member-of-one-unlabelled-org', { [id]: 'org_viewer' });
    setSessionToken('member-of-one-unlabelled-org');
    renderWithRoutes(routes, '/');
    expect(await screen.findByText(`Service accounts of ${id}`)).toBeTruthy();
  });

  it('shows a friendly empty state without organizations', async () => {
    server.addPerson('member-of-nothing');
    setSessionToken('member-of-nothing');
    renderWithRoutes(routes, '/');
    expect(await screen.findByRole('heading', { name: 'You are not in any organization yet' })).toBeTruthy();
  });

  it('offers a retry when the list fails', async () => {
    server.failNext('GET', /^\/organizations\?/, 500);
    renderWithRoutes(routes, '/');
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Service accounts of acme')).toBeTruthy();
  });
});

describe('OrgSwitcher', () => {
  it('lists the organizations, selects the current one, and navigates on change', async () => {
    renderWithRoutes(routes, '/orgs/acme/service-accounts');
    const select = (await screen.findByRole('combobox', { name: 'Organization' })) as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Acme Corp', 'Globex']);
    expect(select.value).toBe('acme');

    await userEvent.selectOptions(select, 'Globex');
    expect(await screen.findByText('Service accounts of globex')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/orgs/globex/service-accounts');
  });

  it('recognizes the current organization by id too', async () => {
    const globex = await server.call<Organization>('GET', '/organizations/globex');
    renderWithRoutes(routes, `/orgs/${globex.id}/service-accounts`);
    const select = (await screen.findByRole('combobox', { name: 'Organization' })) as HTMLSelectElement;
    expect(select.value).toBe('globex');
  });
});

describe('OrgBoundary', () => {
  it('shows the org not-found state when GET /organizations/:org is 404', async () => {
    renderWithRoutes(routes, '/orgs/initech/service-accounts');
    expect(await screen.findByRole('heading', { name: 'Organization not found' })).toBeTruthy();
    expect(screen.queryByText(/Service accounts of/)).toBeNull();
    const nav = await screen.findByRole('navigation', { name: 'Your organizations' });
    await waitFor(() => expect(within(nav).getAllByRole('link')).toHaveLength(2));
    expect(within(nav).getByRole('link', { name: 'Acme Corp' }).getAttribute('href')).toBe(
      '/orgs/acme/service-accounts',
    );
  });
});
