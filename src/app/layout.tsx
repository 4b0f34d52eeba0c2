import { Link, NavLink, Outlet, useMatch, useNavigation } from 'react-router';
import { ProgressBar } from '../components/progress-bar';
import { RequireSession, UserMenu } from '../features/auth';
import { OrgSwitcher } from '../features/organizations';

/** Header with navigation and the signed-in person; pages render in <main>. */
export function AppLayout() {
  const navigation = useNavigation();
  const orgParam = useMatch('/orgs/:org/*')?.params.org;
  const org = orgParam ? encodeURIComponent(orgParam) : undefined;

  return (
    <RequireSession>
      <div className="app-shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <div className="app-header__inner">
            <Link to={org ? `/orgs/${org}/service-accounts` : '/'} className="app-header__brand">
              <span className="app-header__logo" aria-hidden="true">
                SA
              </span>
              Service Accounts Console
            </Link>
            {org && (
              <nav className="app-nav" aria-label="Main">
                <NavLink className="app-nav__link" to={`/orgs/${org}/service-accounts`}>
                  Service accounts
                </NavLink>
                <NavLink className="app-nav__link" to={`/orgs/${org}/credentials`}>
                  Credential review
                </NavLink>
              </nav>
            )}
            <div className="app-header__end">
              <OrgSwitcher />
              <UserMenu />
            </div>
          </div>
          {navigation.state !== 'idle' && <ProgressBar label="Loading page" className="nav-progress" />}
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </RequireSession>
  );
}
