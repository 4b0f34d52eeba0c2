export { SignInPage } from './sign-in-page';
export { RequireSession } from './require-session';
export { UserMenu } from './user-menu';
export { registerUnauthorizedRedirect } from './unauthorized-redirect';
export { useSignOut } from './use-session-actions';
export { safeReturnTo, signInPath } from './return-to';
