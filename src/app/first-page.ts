/** How long the first render may wait for the page's code before the loading view shows instead. */
export const FIRST_RENDER_WAIT_MS = 300;

/**
 * Resolves once the first page's code has loaded (`load` settles; nothing to wait for when the
 * entry carries it), or after `waitMs`, whichever comes first. Rendering before that draws the
 * loading view, lays it out, and then does both again for the page: ~30 ms on this 2-core
 * machine, on the first page's critical path (issue 13).
 */
export function whenFirstPageReady(load: Promise<unknown> | undefined, waitMs = FIRST_RENDER_WAIT_MS): Promise<void> {
  if (!load) return Promise.resolve();
  return new Promise((ready) => {
    const settled = () => ready();
    load.then(settled, settled);
    setTimeout(settled, waitMs);
  });
}
