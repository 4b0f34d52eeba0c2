import { useMatch, useParams } from 'react-router';

export const ORG_ROUTE_PATTERN = '/orgs/:org/*';

/** The `:org` URL segment (label or id) when the current URL is inside an organization. */
export function useOptionalOrgParam(): string | undefined {
  const params = useParams();
  // Components outside the org routes (the header) still need it, hence the match fallback.
  const match = useMatch(ORG_ROUTE_PATTERN);
  return params.org ?? match?.params.org ?? undefined;
}

/** The `:org` URL param, for components rendered under `/orgs/:org/...`. */
export function useOrgParam(): string {
  const org = useOptionalOrgParam();
  if (!org) throw new Error('useOrgParam() must be used under the /orgs/:org/ routes');
  return org;
}
