import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { isApiError } from '../../api/client';
import { organizationMatches, organizationQueries, organizationSlug } from '../../api/organizations';
import { serviceAccountsPath } from '../../lib/paths';
import { useOrgParam } from './use-org-param';
import './organizations.css';

/** Shown for an organization that does not exist or that the person does not belong to (the API does not say which). */
export function OrgNotFound({ org }: { org: string }) {
  const organizations = useQuery(organizationQueries.list());
  const others = (organizations.data ?? []).filter((o) => !organizationMatches(o, org));
  return (
    <div className="not-found">
      <h1>Organization not found</h1>
      <p>
        There is no organization “{org}”, or you are not a member of it. Check the link, or pick one of your
        organizations.
      </p>
      {others.length > 0 && (
        <nav aria-label="Your organizations">
          <ul className="org-not-found__list">
            {others.map((o) => (
              <li key={o.id}>
                <Link to={serviceAccountsPath(organizationSlug(o))}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Link to="/">Go to the start page</Link>
    </div>
  );
}

/**
 * Wraps the `/orgs/:org` routes: renders them (or its <Outlet />) at once, so their
 * requests start in parallel with the organization's, and swaps in OrgNotFound when
 * GET /organizations/:org answers 404.
 */
export function OrgBoundary({ children }: { children?: ReactNode }) {
  const org = useOrgParam();
  const organization = useQuery(organizationQueries.detail(org));
  if (isApiError(organization.error, 404)) return <OrgNotFound org={org} />;
  return children ?? <Outlet />;
}
