import type { DataRouter } from 'react-router';

/** How long the first render may wait for the page's code before the loading view shows instead. */
export const FIRST_RENDER_WAIT_MS = 300;

type RouterLike = Pick<DataRouter, 'state' | 'subscribe'>;

/**
 * Resolves once the router has loaded the first page's code (its loaders only start requests, so
 * this is the route chunk), or after `waitMs`, whichever comes first. Rendering before that draws
 * the loading fallback, lays it out, and then does both again for the page: ~30 ms on this 2-core
 * machine, on the first page's critical path.
 *
 * Call it as soon as the router exists: it subscribes at once and stays subscribed. React Router
 * keeps an update that finds no subscriber and replays it when RouterProvider subscribes (in a
 * layout effect): a second, synchronous render of the whole page right after the first commit,
 * ~20 ms before the first rows could paint, whenever the page's code came before the first render
 * (a visit served from the asset cache). RouterProvider reads the router's state when it renders,
 * so an update before then is not lost.
 */
export function whenRouterReady(router: RouterLike, waitMs = FIRST_RENDER_WAIT_MS): Promise<void> {
  return new Promise((ready) => {
    router.subscribe((state) => {
      if (state.initialized) ready();
    });
    if (router.state.initialized) ready();
    else setTimeout(ready, waitMs);
  });
}
