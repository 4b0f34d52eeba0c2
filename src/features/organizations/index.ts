export { OrgSwitcher } from './org-switcher';
export { RootRedirect } from './root-redirect';
export { OrgBoundary } from './org-boundary';
export { OrgNotFound } from './org-not-found';
