// The console's URLs, written once: the route table (src/app/pages.ts, read by router.tsx), the param hook
// (src/lib/route-params.ts), every link and the tests take them from here. No React, no router:
// the e2e specs import it too.

/** The SPA's route patterns. `org` is the org's label, or its id when it has none. */
export const ROUTES = {
  signIn: '/sign-in',
  home: '/',
  org: '/orgs/:org',
  serviceAccounts: '/orgs/:org/service-accounts',
  serviceAccount: '/orgs/:org/service-accounts/:serviceAccountId',
  credential: '/orgs/:org/service-accounts/:serviceAccountId/credentials/:credentialId',
  rotateCredential: '/orgs/:org/service-accounts/:serviceAccountId/credentials/:credentialId/rotate',
  credentialReview: '/orgs/:org/credentials',
  findCredential: '/orgs/:org/find-credential',
  activity: '/orgs/:org/activity',
} as const;

export type RoutePattern = (typeof ROUTES)[keyof typeof ROUTES];

/** The `:name` segments of a pattern, as a union of names. */
type ParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The params a pattern takes: `{ org: string; serviceAccountId: string }` for ROUTES.serviceAccount. */
export type RouteParams<P extends string> = { [Name in ParamName<P>]: string };

/** A `:name` segment of a pattern. */
const PARAM = /:(\w+)/g;

/**
 * The params of `pattern` out of a matched route's params (react-router's `params`, through
 * `useRouteParams`), typed by the pattern. The router only matches a pattern with all
 * its params, so the '' fallback is for types only.
 */
export function routeParams<P extends RoutePattern>(
  pattern: P,
  params: Readonly<Record<string, string | undefined>>,
): RouteParams<P> {
  const values: Record<string, string> = {};
  for (const [, name = ''] of pattern.matchAll(PARAM)) values[name] = params[name] ?? '';
  return values as RouteParams<P>;
}

/**
 * A path from a pattern; each param is encoded so an id can never change the shape of the
 * path. `search` (when it has any entries) is appended as the query string.
 */
export function buildPath<P extends RoutePattern>(
  pattern: P,
  params: RouteParams<P>,
  search?: URLSearchParams | Record<string, string>,
): string {
  const values = params as Record<string, string>;
  const path = pattern.replace(PARAM, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  const query = search ? new URLSearchParams(search).toString() : '';
  return query ? `${path}?${query}` : path;
}

export const serviceAccountsPath = (org: string, search?: URLSearchParams | Record<string, string>) =>
  buildPath(ROUTES.serviceAccounts, { org }, search);

export const serviceAccountPath = (org: string, serviceAccountId: string) =>
  buildPath(ROUTES.serviceAccount, { org, serviceAccountId });

export const credentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  buildPath(ROUTES.credential, { org, serviceAccountId, credentialId });

export const rotateCredentialPath = (org: string, serviceAccountId: string, credentialId: string) =>
  buildPath(ROUTES.rotateCredential, { org, serviceAccountId, credentialId });

export const credentialReviewPath = (org: string, search?: URLSearchParams | Record<string, string>) =>
  buildPath(ROUTES.credentialReview, { org }, search);

/** Finds a credential by its client_id, then replaces itself with the credential's page. */
export const findCredentialPath = (org: string, clientId: string) =>
  buildPath(ROUTES.findCredential, { org }, { client_id: clientId });

export const activityPath = (org: string, search?: URLSearchParams | Record<string, string>) =>
  buildPath(ROUTES.activity, { org }, search);
