import { matchPath } from 'react-router';
import { activityPath, credentialReviewPath, ROUTES, serviceAccountsPath } from '../../lib/paths';

/** The organization-wide pages; `activity` is the audit page where it exists. */
const ORG_WIDE_PAGES = [
  [ROUTES.credentialReview, credentialReviewPath],
  [ROUTES.activity, activityPath],
] as const;

/**
 * Where switching to organization `org` leads from `pathname`: an organization-wide page
 * (`/orgs/a/credentials`, `/orgs/a/service-accounts`) keeps its
 * kind; a page about one item (a service account, a credential) cannot exist in the other
 * organization, so it leads to that organization's service accounts.
 */
export function orgSwitchPath(pathname: string, org: string): string {
  const page = ORG_WIDE_PAGES.find(([pattern]) => matchPath(pattern, pathname));
  return page ? page[1](org) : serviceAccountsPath(org);
}
