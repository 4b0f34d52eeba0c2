// The console's pages: how each one's chunk is loaded (where each lives: PAGE_PATHS, in
// page-match.ts). The routes (routes.tsx) and the navigation (preparePage in page-data.ts) read
// this table, so a page's path and chunk are named once.

import type { ComponentType } from 'react';
import type { PageName } from './page-match';

export { matchOrg, matchPage, PAGE_PATHS, type PageName } from './page-match';

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

const loaded = new Map<PageName, PageModule>();
const loading = new Map<PageName, Promise<PageModule>>();

/** The page's code, loaded once (a failure stays: the route's error boundary offers a reload). */
export function loadPage(name: PageName): Promise<PageModule> {
  let promise = loading.get(name);
  if (!promise) {
    promise = pages[name].load().then((module) => {
      loaded.set(name, module);
      return module;
    });
    loading.set(name, promise);
  }
  return promise;
}

/** The page's code if it has loaded: a page is rendered only then (see `preparePage`). */
export const loadedPage = (name: PageName): PageModule | undefined => loaded.get(name);

/** For a page the entry carries (the landing page): rendered at once, not a microtask later. */
export function pageInEntry(name: PageName, module: PageModule) {
  loaded.set(name, module);
  loading.set(name, Promise.resolve(module));
}

/**
 * Starts loading the page's chunk, and the code of its requests where that is a chunk of its own.
 * Returns what to wait for before showing the page: nothing once its code is here.
 */
export function preloadPage(name: PageName): Promise<unknown> | undefined {
  const page = pages[name];
  // A failed load is the page's to report, when it is shown.
  if ('loadPrefetch' in page) page.loadPrefetch().catch(() => undefined);
  return loaded.has(name) ? undefined : loadPage(name);
}
