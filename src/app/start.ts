import { UNSAFE_createBrowserHistory as createBrowserHistory } from 'react-router';
// Deep import: the feature's index would pull the sign-in page into the entry chunk.
import { registerUnauthorizedRedirect } from '../features/auth/unauthorized-redirect';
import { createNavigationStore } from '../lib/navigation-store';
import { firstPageLoad, queryClient, toastStore } from './early-start';
import { whenFirstPageReady } from './first-page';
import { preparePage } from './page-data';

export { queryClient, toastStore };

// React Router keys every entry without state "default": the one the console opens on, and a
// fragment link's. Its own key lets Back restore its scroll position (scroll-restoration.tsx).
const openedState: unknown = window.history.state;
if (!(openedState && typeof openedState === 'object' && 'key' in openedState)) {
  window.history.replaceState({ ...(openedState as object | null), key: Math.random().toString(36).slice(2, 10) }, '');
}

/** The console's navigation: each page's requests and code start as soon as it is asked for. */
export const navigation = createNavigationStore(createBrowserHistory({ v5Compat: true }), (next, previous) =>
  preparePage(queryClient, next, previous),
);

/** When the first render may start (first-page.ts). */
export const firstPageReady = whenFirstPageReady(firstPageLoad);

// Registered before the first render and in the same task as the first requests, so no answer
// (a 401 included) is handled before it.
registerUnauthorizedRedirect({
  navigate: navigation.navigate,
  queryClient,
  getLocation: () => navigation.state.location,
});
