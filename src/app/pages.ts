// The console's pages: where each one lives (its URL pattern, from ROUTES) and how its chunk is loaded. The
// router (router.tsx) and the early start (early-start.ts) both read this table, so a
// page's path and chunk are named once.

import type { ComponentType } from 'react';
import { ROUTES } from '../lib/paths';

type PageModule = { Component: ComponentType };

export const pages = {
  signIn: { path: ROUTES.signIn, load: (): Promise<PageModule> => import('./routes/sign-in') },
  home: { path: ROUTES.home, load: (): Promise<PageModule> => import('./routes/home') },
  serviceAccounts: { path: ROUTES.serviceAccounts, load: (): Promise<PageModule> => import('./routes/service-accounts') },
  serviceAccount: { path: ROUTES.serviceAccount, load: (): Promise<PageModule> => import('./routes/service-account') },
  credential: { path: ROUTES.credential, load: (): Promise<PageModule> => import('./routes/credential') },
  rotateCredential: { path: ROUTES.rotateCredential, load: (): Promise<PageModule> => import('./routes/rotate-credential') },
  credentialReview: {
    path: ROUTES.credentialReview,
    load: (): Promise<PageModule> => import('./routes/credential-review'),
    // The code that starts the review's requests: its own chunk, loaded by the route's loader.
    loadPrefetch: () => import('../features/review/prefetch'),
  },
  findCredential: { path: ROUTES.findCredential, load: (): Promise<PageModule> => import('./routes/find-credential') },
  activity: { path: ROUTES.activity, load: (): Promise<PageModule> => import('./routes/activity') },
} as const;

export type PageName = keyof typeof pages;

/** Starts loading the page's chunk, and the code of its loader's requests where that is a chunk of its own. */
export function preloadPage(name: PageName): void {
  const page = pages[name];
  // A failed load is the router's to report, when it asks for the page itself.
  page.load().catch(() => undefined);
  if ('loadPrefetch' in page) page.loadPrefetch().catch(() => undefined);
}

/** The router's `lazy` for a page: its chunk, loaded once (the early preload may have started it). */
export const lazyPage = (name: PageName) => ({ Component: async () => (await pages[name].load()).Component });

/** The page whose pattern matches `pathname` (`:param` matches one segment) and its parameters. */
export function matchPage(pathname: string): { name: PageName; params: Record<string, string> } | undefined {
  const segments = pathname.split('/').filter(Boolean);
  for (const name of Object.keys(pages) as PageName[]) {
    const pattern = pages[name].path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = safeDecode(segment);
      return true;
    });
    if (matches) return { name, params };
  }
  return undefined;
}

// As the router decodes parameters; a malformed escape stays as it is (the page then says "not found").
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
