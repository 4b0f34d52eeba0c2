// The first module of the entry to run (main.tsx imports it first, and it imports neither React
// DOM nor the router): it starts the page's queries for the URL the console opens on, before the
// rest of the entry evaluates (~100 ms on a slow machine), so data and evaluation overlap (issue
// 13), and preloads the page's chunk. Most of the requests were already sent by the boot script
// (src/boot.ts); apiRequest claims those answers. The router's loaders later ask for the same
// queries and send nothing new.
import { seedEmbeddedCapabilities } from '../api/capabilities';
import { getSessionToken } from '../api/session';
import { createToastStore } from '../components/toast-store';
import { pageData, prefetchOrgData, prefetchShellData } from './page-data';
import { matchPage, preloadPage } from './pages';
import { createAppQueryClient } from './query-client';

export const toastStore = createToastStore();
export const queryClient = createAppQueryClient(toastStore);
// The extensions the serving server wrote into the page: no discovery round trip before requests.
seedEmbeddedCapabilities(queryClient);

const page = matchPage(window.location.pathname);
if (page) {
  preloadPage(page.name);
  // Without a session the guard redirects to sign-in; a request would only 401.
  if (page.name !== 'signIn' && getSessionToken()) {
    prefetchShellData(queryClient);
    if (page.params.org) prefetchOrgData(queryClient, page.params.org);
    pageData[page.name]?.(queryClient, page.params, new URLSearchParams(window.location.search));
  }
}
