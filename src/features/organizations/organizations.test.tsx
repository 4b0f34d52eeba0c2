import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, setSessionToken } from '../../api/session';
import { json, LocationProbe, orgList, organizations, renderWithRoutes, stubFetch } from '../../test/routing-fixtures';
import { OrgBoundary } from './org-not-found';
import { OrgSwitcher } from './org-switcher';
import { RootRedirect } from './root-redirect';
import { useOrgParam } from './use-org-param';
import { DEMO_PERSON } from '../../test/demo-people';

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
    <Route path="/orgs/:org" element={<OrgBoundary />}>
      <Route path="service-accounts" element={<OrgPage />} />
    </Route>
  </>
);

const notFound = () => json({ status: 404, code: 'not_found', message: 'Organization not found' }, 404);

function orgApi(list = organizations) {
  return stubFetch((url) => {
    if (url.pathname === '/api/organizations') return json(orgList(list));
    const label = url.pathname.split('/')[3];
    const org = list.find((o) => o.label === label || o.id === label);
    return org ? json(org) : notFound();
  });
}

beforeEach(() => setSessionToken(DEMO_PERSON.ada.token));
afterEach(() => {
  vi.unstubAllGlobals();
  clearSession();
});

describe('RootRedirect', () => {
  it('opens the first organization’s service accounts, by label', async () => {
    orgApi();
    renderWithRoutes(routes, '/');
    expect(await screen.findByText('Service accounts of acme')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/orgs/acme/service-accounts');
  });

  it('uses the id for an organization without a label', async () => {
    orgApi([{ ...organizations[1]!, label: null as unknown as string }]);
    renderWithRoutes(routes, '/');
    expect(await screen.findByText(`Service accounts of ${organizations[1]!.id}`)).toBeTruthy();
  });

  it('shows a friendly empty state without organizations', async () => {
    orgApi([]);
    renderWithRoutes(routes, '/');
    expect(await screen.findByRole('heading', { name: 'You are not in any organization yet' })).toBeTruthy();
  });

  it('offers a retry when the list fails', async () => {
    let calls = 0;
    stubFetch(() => (++calls === 1 ? new Response('oops', { status: 500 }) : json(orgList())));
    renderWithRoutes(routes, '/');
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Service accounts of acme')).toBeTruthy();
  });
});

describe('OrgSwitcher', () => {
  it('lists the organizations, selects the current one, and navigates on change', async () => {
    orgApi();
    renderWithRoutes(routes, '/orgs/acme/service-accounts');
    const select = (await screen.findByRole('combobox', { name: 'Organization' })) as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Acme Corp', 'Globex']);
    expect(select.value).toBe('acme');

    await userEvent.selectOptions(select, 'Globex');
    expect(await screen.findByText('Service accounts of globex')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/orgs/globex/service-accounts');
  });

  it('recognizes the current organization by id too', async () => {
    orgApi();
    renderWithRoutes(routes, `/orgs/${organizations[1]!.id}/service-accounts`);
    const select = (await screen.findByRole('combobox', { name: 'Organization' })) as HTMLSelectElement;
    expect(select.value).toBe('globex');
  });
});

describe('OrgBoundary', () => {
  it('shows the org not-found state when GET /organizations/:org is 404', async () => {
    orgApi();
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
