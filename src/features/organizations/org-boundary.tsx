import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Outlet } from 'react-router';
import { devPrincipalQueries, findDevPrincipal } from '../../api/dev';
import { organizationQueries } from '../../api/organizations';
import type { Organization, Role } from '../../api/schemas';
import { useSessionToken } from '../../api/session';
import { PermissionSubjectContext, type PermissionSubject } from '../../components/permission-subject';
import { useOrgParam } from '../../lib/route-params';

// Only for a missing organization: its own chunk, not the first page's.
const OrgNotFound = lazy(() => import('./org-not-found').then((module) => ({ default: module.OrgNotFound })));

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
  if (organization.error?.status === 404) {
    return (
      <Suspense fallback={null}>
        <OrgNotFound org={org} />
      </Suspense>
    );
  }
  return <PermissionSubjectContext value={subject}>{children ?? <Outlet />}</PermissionSubjectContext>;
}
