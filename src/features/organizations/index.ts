export { OrgSwitcher } from './org-switcher';
export { RootRedirect } from './root-redirect';
export { OrgBoundary, OrgNotFound } from './org-not-found';
