// Chromium driven over a bare DevTools pipe, for timings as a user's browser has them. Playwright
// enables the Runtime and Network domains in every page it drives, and that costs the page time:
//  - V8 then records a stack trace with line numbers for every Error a script creates and every
//    request it starts. To number the lines it re-parses each function on the stack that was
//    compiled without them: the console's 400 KB entry once (a request its top level starts) and
//    React DOM's module function once (the Errors it creates at load), ~35 ms of a cold first page
//    in a trace; a small page pays almost nothing;
//  - Playwright's own work on each new document adds to every page, small or not.
// In the first-page bench, the console's cold first row came 60-150 ms later under Playwright than
// here, the plain page's 15-50 ms later. This driver enables only the Page domain and reads values
// with Runtime.evaluate (no Runtime.enable). Its switches are the ones Playwright launches with that
// bear on timing (no throttling of background pages, no field trials, no paint holding).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Chromium features both bench browsers run without (Playwright's switch is replaced, not
 * merged, by a second --disable-features, so its own list is repeated here, as of 1.65):
 *  - Playwright's list: no paint holding, no requests to Google's servers at start;
 *  - the omnibox popup, a chrome:// page (WebUI) Chromium 156 builds in every new window: each
 *    cold visit opens one (a new browser context), and its renderer took ~170 ms of CPU during
 *    the console's first 300 ms, on a 2-core machine. A user opening the console in a browser
 *    that is already running does not pay for it, and neither page under test has anything to
 *    do with it. With it, the console's cold first row came 70-80 ms later (median of 11) and the
 *    plain page's 20-30 ms later, and the timings swung with how far along it was.
 */
export const BENCH_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

const SWITCHES = [
  '--headless',
  '--remote-debugging-pipe',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  `--disable-features=${BENCH_DISABLED_FEATURES.join(',')}`,
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--mute-audio',
];

const COMMAND_TIMEOUT_MS = 30_000;

/** Launches `executablePath`; `close()` ends it and removes its profile. */
export async function launchBareChromium(executablePath) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sac-bare-chromium-'));
  const child = spawn(executablePath, [...SWITCHES, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const [toBrowser, fromBrowser] = [child.stdio[3], child.stdio[4]];
  const pending = new Map();
  const listeners = new Set();
  let lastId = 0;
  let buffer = '';
  fromBrowser.on('data', (data) => {
    buffer += data.toString();
    for (let end; (end = buffer.indexOf('\0')) >= 0; buffer = buffer.slice(end + 1)) {
      const message = JSON.parse(buffer.slice(0, end));
      const waiter = pending.get(message.id);
      if (waiter) {
        pending.delete(message.id);
        if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
        else waiter.resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`Chromium exited during ${waiter.method}`));
    pending.clear();
  });

  function send(method, params = {}, sessionId) {
    return new Promise((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer within ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      const settle = (fn) => (value) => {
        clearTimeout(timer);
        fn(value);
      };
      pending.set(id, { method, resolve: settle(resolve), reject: settle(reject) });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The next event `method` of `sessionId` (optionally matching `accept`), or an error after `timeoutMs`. */
  function nextEvent(method, sessionId, { accept = () => true, timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (message.method !== method || message.sessionId !== sessionId || !accept(message.params)) return;
        listeners.delete(listener);
        clearTimeout(timer);
        resolve(message.params);
      };
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`${method}: not within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      listeners.add(listener);
    });
  }

  await send('Browser.getVersion');

  return {
    /** The browser's temporary profile directory. */
    profile,
    /**
     * A page in a new, empty browser context. `initScript` (a function and its argument) runs in
     * every document before the page's own scripts, as Playwright's addInitScript does.
     */
    async newPage(initScript, initArg) {
      const { browserContextId } = await send('Target.createBrowserContext');
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      await send('Page.enable', {}, sessionId);
      await send('Page.addScriptToEvaluateOnNewDocument', { source: `(${initScript})(${JSON.stringify(initArg)});` }, sessionId);
      const evaluate = async (expression) => {
        const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
        if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value;
      };
      return {
        /** Navigates and resolves once the new document is the frame's (the navigation committed). */
        async goto(url) {
          const { frameTree } = await send('Page.getFrameTree', {}, sessionId);
          const committed = nextEvent('Page.frameNavigated', sessionId, { accept: ({ frame }) => frame.id === frameTree.frame.id && !frame.parentId });
          const { errorText } = await send('Page.navigate', { url }, sessionId);
          if (errorText) throw new Error(`${url}: ${errorText}`);
          await committed;
        },
        evaluate,
        async close() {
          await send('Target.closeTarget', { targetId });
          await send('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    /** The URLs of every target the browser has: pages, and its own UI's chrome:// pages. */
    async targetUrls() {
      const { targetInfos } = await send('Target.getTargets');
      return targetInfos.map((target) => target.url);
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await send('Browser.close').catch(() => child.kill('SIGKILL'));
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
