import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { devPrincipalQueries, findDevPrincipal } from '../../api/dev';
import { organizationMatches, organizationQueries, organizationSlug } from '../../api/organizations';
import type { Organization, Role } from '../../api/schemas';
import { useSessionToken } from '../../api/session';
import { NotFoundState } from '../../components/not-found-state';
import { PermissionSubjectContext, type PermissionSubject } from '../../components/permission-subject';
import { useDocumentTitle } from '../../components/use-document-title';
import { serviceAccountsPath } from '../../lib/paths';
import { useOrgParam } from './use-org-param';
import './organizations.css';

/** Shown for an organization that does not exist or that the person does not belong to (the API does not say which). */
export function OrgNotFound({ org }: { org: string }) {
  useDocumentTitle('Organization not found');
  const organizations = useQuery(organizationQueries.list());
  const others = (organizations.data ?? []).filter((o) => !organizationMatches(o, org));
  return (
    <NotFoundState
      title="Organization not found"
      message={`There is no organization “${org}”, or you are not a member of it. Check the link, or pick one of your organizations.`}
      action={<Link to="/">Go to the start page</Link>}
    >
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
    </NotFoundState>
  );
}

/**
 * The person's role in the organization when the demo sign-in's membership says it; else the
 * permission gates read it off the organization's permissions map (lib/permissions, which loads
 * with them rather than with this boundary on the first page).
 */
function useMembershipRole(organization: Organization | undefined): Role | undefined {
  const token = useSessionToken();
  const principals = useQuery({ ...devPrincipalQueries.list(), enabled: token !== null });
  const person = findDevPrincipal(principals.data, token);
  const membership = organization
    ? person?.memberships.find(
        (m) => m.organization_id === organization.id || (!!m.organization_label && m.organization_label === organization.label),
      )
    : undefined;
  return membership?.role;
}

/**
 * Wraps the `/orgs/:org` routes: renders them (or its <Outlet />) at once, so their
 * requests start in parallel with the organization's, and swaps in OrgNotFound when
 * GET /organizations/:org answers 404. Tells the permission gates below who the person is here.
 */
export function OrgBoundary({ children }: { children?: ReactNode }) {
  const org = useOrgParam();
  const organization = useQuery(organizationQueries.detail(org));
  const role = useMembershipRole(organization.data);
  const permissions = organization.data?.permissions;
  const orgName = organization.data?.name;
  const subject = useMemo<PermissionSubject>(() => ({ role, permissions, orgName }), [role, permissions, orgName]);
  if (organization.error?.status === 404) return <OrgNotFound org={org} />;
  return <PermissionSubjectContext value={subject}>{children ?? <Outlet />}</PermissionSubjectContext>;
}
