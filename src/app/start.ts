import { seedEmbeddedCapabilities } from '../api/capabilities';
import { createToastStore } from '../components/toast-store';
// Deep import: the feature's index would pull the sign-in page into the entry chunk.
import { registerUnauthorizedRedirect } from '../features/auth/unauthorized-redirect';
import { createAppQueryClient } from './query-client';
import { createAppRouter } from './router';

/**
 * The app's query client, toast queue and router, created as soon as this module runs: creating
 * the router matches the URL and its loaders start the page's requests and its route chunk.
 * main.tsx imports this module before React DOM, so those requests do not wait for React DOM
 * to initialise (issue 13).
 */
export const toastStore = createToastStore();
export const queryClient = createAppQueryClient(toastStore);
// Before the router: its loaders then know the extensions without waiting for discovery.
seedEmbeddedCapabilities(queryClient);
export const router = createAppRouter(queryClient);

// Registered before the first render: the router's loaders start requests before any component mounts.
registerUnauthorizedRedirect({
  navigate: router.navigate,
  queryClient,
  getLocation: () => router.state.location,
});
