import { useMatch, useParams } from 'react-router';
import { ROUTES, routeParams, type RoutePattern, type RouteParams } from './paths';

/**
 * The URL params of the route `pattern` (one of ROUTES), for a component rendered under it:
 * `const { org, serviceAccountId } = useRouteParams(ROUTES.serviceAccount)`. Every page reads
 * its params this way (the router's loaders use `routeParams` with the same patterns).
 */
export function useRouteParams<P extends RoutePattern>(pattern: P): RouteParams<P> {
  return routeParams(pattern, useParams());
}

/** The `:org` param, for components rendered under `/orgs/:org/...`. */
export function useOrgParam(): string {
  return useRouteParams(ROUTES.org).org;
}

/**
 * The `:org` URL segment (label or id) when the current URL is inside an organization.
 * Components outside the org routes (the header) still need it, hence the match.
 */
export function useOptionalOrgParam(): string | undefined {
  const params = useParams();
  const match = useMatch(`${ROUTES.org}/*`);
  return params.org ?? match?.params.org ?? undefined;
}
