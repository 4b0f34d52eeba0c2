/**
 * Installs the console's service worker (/sw.js, scripts/asset-cache-worker.ts), which keeps this
 * build's files and their compiled code for the next visit (issue 13). Only in a build, and only
 * once the page has loaded and gone idle: the first visit's own work comes first (even looking up
 * `navigator.serviceWorker` costs ~2 ms on a cold page).
 */
export function registerAssetCache(): void {
  if (!import.meta.env.PROD) return;
  const register = () => {
    // Without it the console works as before: nothing to report.
    navigator.serviceWorker?.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
  };
  // Safari has no requestIdleCallback (nor static routes, so the worker does nothing there).
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 1000));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
