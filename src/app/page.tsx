import { use } from 'react';
import { loadedPage, loadPage, type PageName } from './pages';

/**
 * A page's component. Navigations show a page once its code is here, so this waits only on the
 * first render when that took too long (FIRST_RENDER_WAIT_MS): Root's loading view shows meanwhile.
 * A chunk that failed to load throws, for the route's error boundary.
 */
export function Page({ name }: { name: PageName }) {
  const { Component } = loadedPage(name) ?? use(loadPage(name));
  return <Component />;
}
