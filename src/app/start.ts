// Deep import: the feature's index would pull the sign-in page into the entry chunk.
import { registerUnauthorizedRedirect } from '../features/auth/unauthorized-redirect';
import { queryClient, toastStore } from './early-start';
import { createAppRouter } from './router';
import { whenRouterReady } from './router-ready';

/**
 * The router, created as soon as this module runs: it matches the URL and its loaders start the
 * page's requests (already started by early-start.ts for the first page) and its route chunk.
 */
export { queryClient, toastStore };
export const router = createAppRouter(queryClient);
/** When the first render may start: subscribed before the router can finish loading the page (router-ready.ts). */
export const routerReady = whenRouterReady(router);

// Registered before the first render and in the same task as the first requests, so no answer
// (a 401 included) is handled before it.
registerUnauthorizedRedirect({
  navigate: router.navigate,
  queryClient,
  getLocation: () => router.state.location,
});
