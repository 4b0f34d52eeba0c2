export { OrgSwitcher } from './org-switcher';
export { RootRedirect } from './root-redirect';
export { OrgBoundary, OrgNotFound } from './org-not-found';
export { ORG_ROUTE_PATTERN, useOptionalOrgParam, useOrgParam } from './use-org-param';
