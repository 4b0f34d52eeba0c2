// The console's pages: where each one lives (its URL pattern) and how its chunk is loaded. The
// router (router.tsx) and the early chunk preload (preload-page.ts) both read this table, so a
// page's path and chunk are named once.

import type { ComponentType } from 'react';

type PageModule = { Component: ComponentType };

export const pages = {
  signIn: { path: '/sign-in', load: (): Promise<PageModule> => import('./routes/sign-in') },
  home: { path: '/', load: (): Promise<PageModule> => import('./routes/home') },
  serviceAccounts: { path: '/orgs/:org/service-accounts', load: (): Promise<PageModule> => import('./routes/service-accounts') },
  serviceAccount: {
    path: '/orgs/:org/service-accounts/:serviceAccountId',
    load: (): Promise<PageModule> => import('./routes/service-account'),
  },
  credential: {
    path: '/orgs/:org/service-accounts/:serviceAccountId/credentials/:credentialId',
    load: (): Promise<PageModule> => import('./routes/credential'),
  },
  rotateCredential: {
    path: '/orgs/:org/service-accounts/:serviceAccountId/credentials/:credentialId/rotate',
    load: (): Promise<PageModule> => import('./routes/rotate-credential'),
  },
  credentialReview: { path: '/orgs/:org/credentials', load: (): Promise<PageModule> => import('./routes/credential-review') },
  findCredential: { path: '/orgs/:org/find-credential', load: (): Promise<PageModule> => import('./routes/find-credential') },
  activity: { path: '/orgs/:org/activity', load: (): Promise<PageModule> => import('./routes/activity') },
} as const;

export type PageName = keyof typeof pages;

/** The router's `lazy` for a page: its chunk, loaded once (the early preload may have started it). */
export const lazyPage = (name: PageName) => ({ Component: async () => (await pages[name].load()).Component });

/** The page whose pattern matches `pathname` (`:param` matches one segment), if any. */
export function pageForPath(pathname: string): PageName | undefined {
  const segments = pathname.split('/').filter(Boolean);
  return (Object.keys(pages) as PageName[]).find((name) => {
    const pattern = pages[name].path.split('/').filter(Boolean);
    return pattern.length === segments.length && pattern.every((part, i) => part.startsWith(':') || part === segments[i]);
  });
}
