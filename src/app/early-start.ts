// The first module of the entry to run (main.tsx imports it first, and it imports neither React
// DOM nor the router): it starts the page's queries for the URL the console opens on, before the
// rest of the entry evaluates (~100 ms on a slow machine), so data and evaluation overlap (issue
// 13), and preloads the page's chunk. Most of the requests were already sent by the boot script
// (src/boot.ts); apiRequest claims those answers.
import { seedEmbeddedCapabilities } from '../api/capabilities';
import { createToastStore } from '../components/toast-store';
import { preparePage } from './page-data';
import { createAppQueryClient } from './query-client';

export const toastStore = createToastStore();
export const queryClient = createAppQueryClient(toastStore);
// The extensions the serving server wrote into the page: no discovery round trip before requests.
seedEmbeddedCapabilities(queryClient);

/** Settles once the first page's code is here (at once when the entry carries it). */
export const firstPageLoad = preparePage(queryClient, window.location, null);
