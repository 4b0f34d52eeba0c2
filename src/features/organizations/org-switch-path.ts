import { serviceAccountsPath } from '../../lib/paths';

/** The organization-wide pages (`/orgs/:org/<section>`); `activity` is the audit page where it exists. */
const ORG_SECTIONS = new Set(['service-accounts', 'credentials', 'activity']);

/**
 * Where switching to organization `org` leads from `pathname`: an organization-wide page
 * (`/orgs/a/credentials`, `/orgs/a/service-accounts`) keeps its
 * kind; a page about one item (a service account, a credential) cannot exist in the other
 * organization, so it leads to that organization's service accounts.
 */
export function orgSwitchPath(pathname: string, org: string): string {
  const match = /^\/orgs\/[^/]+\/([^/]+)\/?$/.exec(pathname);
  const section = match?.[1];
  if (!section || section === 'service-accounts' || !ORG_SECTIONS.has(section)) return serviceAccountsPath(org);
  return `/orgs/${encodeURIComponent(org)}/${section}`;
}
