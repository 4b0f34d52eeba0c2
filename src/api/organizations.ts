import { queryOptions } from '@tanstack/react-query';
import { apiGet } from './client';
import { readRequests } from './read-requests';
import { OrganizationListSchema, OrganizationSchema, type Organization } from './schemas';
import { walkPages } from './walk-pages';

/** How an organization appears in URLs (`/orgs/:org/...`): its label when it has one, else its id. */
export function organizationSlug(org: Pick<Organization, 'id' | 'label'>): string {
  return org.label || org.id;
}

/** Whether a `:org` URL param (label or id) names this organization. */
export function organizationMatches(org: Pick<Organization, 'id' | 'label'>, param: string): boolean {
  return org.id === param || (!!org.label && org.label === param);
}

// The cap only stops a misbehaving server from making the switcher loop forever.
const MAX_ORGANIZATION_PAGES = 10;

/**
 * Every organization the caller belongs to (all pages). `token` verifies a pasted token
 * before it becomes the session's: its 401 must not trigger the global sign-out.
 */
export async function listOrganizations(
  signal?: AbortSignal,
  { token }: { token?: string } = {},
): Promise<Organization[]> {
  const organizations: Organization[] = [];
  const pages = walkPages(
    (after) =>
      apiGet(readRequests.organizations(after), { schema: OrganizationListSchema, signal, token }),
    { maxPages: MAX_ORGANIZATION_PAGES },
  );
  for await (const response of pages) organizations.push(...response.items);
  return organizations;
}

/** `org` is the organization's id or label. */
export function getOrganization(org: string, signal?: AbortSignal): Promise<Organization> {
  return apiGet(readRequests.organization(org), { schema: OrganizationSchema, signal });
}

export const organizationQueries = {
  all: () => ['organizations'] as const,
  list: () =>
    queryOptions({
      queryKey: [...organizationQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => listOrganizations(signal),
    }),
  detail: (org: string) =>
    queryOptions({
      queryKey: [...organizationQueries.all(), 'detail', org] as const,
      queryFn: ({ signal }) => getOrganization(org, signal),
    }),
};
