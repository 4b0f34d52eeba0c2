// The service worker (/sw.js, scripts/asset-cache-worker.ts): after a first visit, the console's
// own files come from Cache Storage with their compiled code (issue 13), and nothing else is kept.
import { expect, test } from './fixtures';

test.use({ signedInAs: 'ada' });

const FIRST_ROW = 'tbody tr a[href*="/service-accounts/"]';

test('a second visit loads the console’s files from its cache, and the API from the network', async ({ page }) => {
  await page.goto('/orgs/acme/service-accounts');
  await page.locator(FIRST_ROW).first().waitFor();

  // Registered once the first page has loaded and gone idle, then installed with the build's files.
  const worker = await page.evaluate(async () => {
    const active = (await navigator.serviceWorker.ready).active!;
    // Ready means active, which may still be activating (clearing older builds' caches).
    if (active.state === 'activating') await new Promise((done) => active.addEventListener('statechange', done, { once: true }));
    return { url: active.scriptURL, state: active.state };
  });
  expect(worker.url).toMatch(/\/sw\.js$/);
  expect(worker.state).toBe('activated');

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const entry = await page.locator('script[type="module"][src*="/assets/index-"]').getAttribute('src');
  expect(cached).toContain(entry);
  // Only the build's hashed files: never a page, and never an API response (some carry secrets).
  expect(cached.filter((path) => !/^\/assets\/[\w.-]+\.(?:js|css)$/.test(path))).toEqual([]);

  await page.goto('/orgs/acme/service-accounts');
  await page.locator(FIRST_ROW).first().waitFor();
  const delivery = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      path: new URL(entry.name).pathname,
      deliveryType: (entry as PerformanceResourceTiming & { deliveryType?: string }).deliveryType,
    })),
  );
  const deliveryOf = (pattern: RegExp) => delivery.find((entry) => pattern.test(entry.path))?.deliveryType;
  expect(deliveryOf(/^\/assets\/index-[\w-]+\.js$/)).toBe('cache-storage');
  expect(deliveryOf(/^\/assets\/index-[\w-]+\.css$/)).toBe('cache-storage');
  // Every file of the build the page loaded, including the lazy chunks it loads after its rows.
  const assets = delivery.filter((entry) => entry.path.startsWith('/assets/'));
  expect(assets.filter((entry) => entry.deliveryType !== 'cache-storage')).toEqual([]);
  // The list itself is asked of the server again (a first visit's data is never replayed).
  expect(deliveryOf(/^\/api\/organizations\/acme\/service-accounts$/)).toBe('');
});
