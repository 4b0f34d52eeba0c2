import { useMatch, useParams } from 'react-router';
import { ROUTES, routeParams, type RoutePattern, type RouteParams } from './paths';

/**
 * The URL params of the route `pattern` (one of ROUTES), for a component rendered under it:
 * `const { org, serviceAccountId } = useRouteParams(ROUTES.serviceAccount)`. Every page reads
 * its params this way.
 */
export function useRouteParams<P extends RoutePattern>(pattern: P): RouteParams<P> {
  return routeParams(pattern, useParams());
}

/** The `:org` param, for components rendered under `/orgs/:org/...`. */
export function useOrgParam(): string {
  return useRouteParams(ROUTES.org).org;
}

/**
 * The `:org` URL segment (label or id) when the current URL is inside an organization, for
 * components that may render outside the org routes (the header): it matches the URL itself.
 */
export function useOptionalOrgParam(): string | undefined {
  return useMatch(`${ROUTES.org}/*`)?.params.org;
}
