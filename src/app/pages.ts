// The console's pages: how each one's chunk is loaded (where each lives: PAGE_PATHS, in
// page-match.ts). The router (router.tsx) and the early start (early-start.ts) both read this
// table, so a page's path and chunk are named once.

import type { ComponentType } from 'react';
import type { PageName } from './page-match';

export { matchPage, PAGE_PATHS, type PageName } from './page-match';

type PageModule = { Component: ComponentType };

export const pages = {
  signIn: { load: (): Promise<PageModule> => import('./routes/sign-in') },
  home: { load: (): Promise<PageModule> => import('./routes/home') },
  serviceAccounts: { load: (): Promise<PageModule> => import('./routes/service-accounts') },
  serviceAccount: { load: (): Promise<PageModule> => import('./routes/service-account') },
  credential: { load: (): Promise<PageModule> => import('./routes/credential') },
  rotateCredential: { load: (): Promise<PageModule> => import('./routes/rotate-credential') },
  credentialReview: {
    load: (): Promise<PageModule> => import('./routes/credential-review'),
    // The code that starts the review's requests: its own chunk, loaded by the route's loader.
    loadPrefetch: () => import('../features/review/prefetch'),
  },
  findCredential: { load: (): Promise<PageModule> => import('./routes/find-credential') },
  activity: { load: (): Promise<PageModule> => import('./routes/activity') },
} as const satisfies Record<PageName, { load: () => Promise<PageModule>; loadPrefetch?: () => Promise<unknown> }>;

/** Starts loading the page's chunk, and the code of its loader's requests where that is a chunk of its own. */
export function preloadPage(name: PageName): void {
  const page = pages[name];
  // A failed load is the router's to report, when it asks for the page itself.
  page.load().catch(() => undefined);
  if ('loadPrefetch' in page) page.loadPrefetch().catch(() => undefined);
}

/** The router's `lazy` for a page: its chunk, loaded once (the early preload may have started it). */
export const lazyPage = (name: PageName) => ({ Component: async () => (await pages[name].load()).Component });
