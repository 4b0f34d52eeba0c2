import { Link, NavLink, Outlet } from 'react-router';
import { ProgressBar } from '../components/progress-bar';
// Deep imports on purpose: the features' indexes also export lazily loaded pages (sign-in, home),
// which the bundler would otherwise put in the entry chunk with this layout.
import { RequireSession } from '../features/auth/require-session';
import { UserMenu } from '../features/auth/user-menu';
import { OrgSwitcher } from '../features/organizations/org-switcher';
import { TimeZoneSwitch } from '../components/time-zone-switch';
import { FindCredentialForm } from '../features/find-credential/find-credential-form';
import { useExtension } from '../api/capabilities';
import { activityPath, credentialReviewPath, serviceAccountsPath } from '../lib/paths';
import { useNavigationState } from '../lib/navigation-router';
import { useOptionalOrgParam } from '../lib/route-params';

/** Header with navigation and the signed-in person; pages render in <main>. */
export function AppLayout() {
  const { pending } = useNavigationState();
  const org = useOptionalOrgParam();
  const hasActivity = useExtension('audit_events');

  return (
    <RequireSession>
      <div className="app-shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <div className="app-header__inner">
            <Link to={org ? serviceAccountsPath(org) : '/'} className="app-header__brand">
              <span className="app-header__logo" aria-hidden="true">
                SA
              </span>
              Service Accounts Console
            </Link>
            {org && (
              <nav className="app-nav" aria-label="Main">
                <NavLink className="app-nav__link" to={serviceAccountsPath(org)}>
                  Service accounts
                </NavLink>
                <NavLink className="app-nav__link" to={credentialReviewPath(org)}>
                  Credential review
                </NavLink>
                {hasActivity && (
                  <NavLink className="app-nav__link" to={activityPath(org)}>
                    Activity
                  </NavLink>
                )}
              </nav>
            )}
            <div className="app-header__end">
              {org && <FindCredentialForm org={org} />}
              <OrgSwitcher />
              <TimeZoneSwitch />
              <UserMenu />
            </div>
          </div>
          {pending && <ProgressBar label="Loading page" className="nav-progress" />}
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </RequireSession>
  );
}
