export { OrgSwitcher } from './org-switcher';
export { RootRedirect } from './root-redirect';
export { OrgBoundary, OrgNotFound, useCurrentOrganization } from './org-not-found';
export { ORG_ROUTE_PATTERN, orgServiceAccountsPath, useOptionalOrgParam, useOrgParam } from './use-org-param';
