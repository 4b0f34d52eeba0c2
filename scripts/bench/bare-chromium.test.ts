import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ES modules of the scripts, without type declarations
import { findChromium } from '../lib.mjs';
// @ts-expect-error -- as above
import { launchBareChromium } from './bare-chromium.mjs';

const chromium = findChromium();

/** Runs in the page, before its own script: the page's title then shows what it stored. */
function initScript([key, value]: [string, string]) {
  const page = globalThis as unknown as { location: { protocol: string }; localStorage: { setItem(key: string, value: string): void }; later?: Promise<number> };
  if (page.location.protocol === 'http:') page.localStorage.setItem(key, value);
  page.later = new Promise((done) => setTimeout(() => done(42), 10));
}
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((_request, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><title>t</title><script>document.title = localStorage.getItem('k') ?? 'none';</script>`);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((closed) => server.close(closed)));

type BarePage = { goto(url: string): Promise<void>; evaluate(expression: string): Promise<unknown>; close(): Promise<void> };
type BareBrowser = { newPage(script: typeof initScript, arg: [string, string]): Promise<BarePage>; targetUrls(): Promise<string[]> };

/** Runs `use` with a bare browser, which is closed whatever happens. */
async function withBareBrowser(use: (browser: BareBrowser) => Promise<void>) {
  const browser = await launchBareChromium(chromium.path);
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

describe.runIf(!chromium.error)('launchBareChromium', () => {
  it('runs the init script before the page, reads values and awaited promises, and reports failures', async () => {
    await withBareBrowser(async (browser) => {
      const page = await browser.newPage(initScript, ['k', 'from the init script']);
      await page.goto(`${origin}/`);
      // goto resolves at the commit, before the page is parsed.
      const loaded = `new Promise((done) => document.readyState === 'complete' ? done() : addEventListener('load', done))`;
      expect(await page.evaluate(`${loaded}.then(() => document.title)`)).toBe('from the init script');
      expect(await page.evaluate('window.later')).toBe(42);
      await expect(page.evaluate('missing.name')).rejects.toThrow(/missing is not defined/);
      await expect(page.goto('http://127.0.0.1:1/')).rejects.toThrow(/net::ERR_/);
      await page.close();
    });
  }, 30_000);

  it("builds no omnibox popup (a chrome:// page) beside the page, so the bench's pages have the CPUs to themselves", async () => {
    await withBareBrowser(async (browser) => {
      const page = await browser.newPage(initScript, ['k', 'v']);
      await page.goto(`${origin}/`);
      // The browser updates a target's URL a moment after the navigation commits.
      let urls: string[] = [];
      for (let tries = 0; tries < 50 && !urls.includes(`${origin}/`); tries++) {
        urls = await browser.targetUrls();
        if (!urls.includes(`${origin}/`)) await new Promise((wait) => setTimeout(wait, 100));
      }
      expect(urls).toContain(`${origin}/`);
      expect(urls.filter((url) => url.startsWith('chrome://'))).toEqual([]);
      await page.close();
    });
  }, 30_000);

  it('removes its profile when closed', async () => {
    const browser = await launchBareChromium(chromium.path);
    const profile: string = browser.profile;
    expect(existsSync(profile)).toBe(true);
    await browser.close();
    expect(existsSync(profile)).toBe(false);
  }, 30_000);
});
