import { describe, expect, it, vi } from 'vitest';
import { ASSET_CACHE_PREFIX, assetCacheWorker, assetCacheWorkerSource, type AssetCacheWorkerScope, type WorkerLifecycleEvent } from './asset-cache-worker.ts';
import { assetCacheVersion, cachedFiles } from './vite-asset-cache.ts';

const OPTIONS = {
  cacheName: `${ASSET_CACHE_PREFIX}new`,
  prefix: ASSET_CACHE_PREFIX,
  assets: '/assets/*',
  files: ['/assets/index-a.js', '/assets/index-b.css'],
};

/** A worker scope that records what the worker does. */
function fakeScope(existingCaches: string[] = []) {
  const listeners = new Map<string, (event: WorkerLifecycleEvent) => void>();
  const added: Record<string, string[]> = {};
  const deleted: string[] = [];
  const scope: AssetCacheWorkerScope = {
    addEventListener: (type, listener) => listeners.set(type, listener),
    caches: {
      open: async (name) => ({ addAll: async (urls) => void (added[name] = urls) }),
      keys: async () => existingCaches,
      delete: async (name) => (deleted.push(name), true),
    },
  };
  /** Dispatches a lifecycle event and waits for what it asked to wait for. */
  async function dispatch(type: 'install' | 'activate', extra: Partial<WorkerLifecycleEvent> = {}) {
    const waited: Promise<unknown>[] = [];
    listeners.get(type)!({ waitUntil: (promise) => waited.push(promise), ...extra });
    await Promise.all(waited);
  }
  return { scope, dispatch, added, deleted, listeners };
}

describe('the asset cache worker', () => {
  it('caches the build’s files on install and routes only assets to that cache, the rest to the network', async () => {
    const { scope, dispatch, added } = fakeScope();
    assetCacheWorker(scope, OPTIONS);
    const addRoutes = vi.fn(async () => undefined);
    await dispatch('install', { addRoutes });
    expect(added).toEqual({ [OPTIONS.cacheName]: OPTIONS.files });
    expect(addRoutes).toHaveBeenCalledWith([
      { condition: { urlPattern: { pathname: '/assets/*' }, requestMethod: 'GET' }, source: { cacheName: OPTIONS.cacheName } },
      { condition: { not: { urlPattern: { pathname: '/assets/*' } } }, source: 'network' },
    ]);
  });

  it('downloads nothing where static routes do not exist (nothing would read the cache)', async () => {
    const { scope, dispatch, added } = fakeScope();
    assetCacheWorker(scope, OPTIONS);
    await dispatch('install');
    expect(added).toEqual({});
  });

  it('fails the install when a file cannot be cached, so the next visit tries again', async () => {
    const { scope, dispatch } = fakeScope();
    scope.caches.open = async () => ({ addAll: () => Promise.reject(new TypeError('Failed to fetch')) });
    assetCacheWorker(scope, OPTIONS);
    await expect(dispatch('install', { addRoutes: async () => undefined })).rejects.toThrow('Failed to fetch');
  });

  it('on activation deletes earlier builds’ caches and nothing else', async () => {
    const { scope, dispatch, deleted } = fakeScope([`${ASSET_CACHE_PREFIX}old`, OPTIONS.cacheName, 'someone-else']);
    assetCacheWorker(scope, OPTIONS);
    await dispatch('activate');
    expect(deleted).toEqual([`${ASSET_CACHE_PREFIX}old`]);
  });

  it('as served (/sw.js) is self-contained and runs with its build’s options', async () => {
    const { scope, dispatch, added, listeners } = fakeScope();
    new Function('self', assetCacheWorkerSource(OPTIONS))(scope);
    expect([...listeners.keys()]).toEqual(['install', 'activate']);
    await dispatch('install', { addRoutes: async () => undefined });
    expect(added).toEqual({ [OPTIONS.cacheName]: OPTIONS.files });
  });
});

describe('the build’s list of cached files', () => {
  it('is every hashed script and stylesheet, sorted, and no map, page or worker', () => {
    const bundle = ['assets/b-2.js', 'index.html', 'assets/a-1.css', 'assets/b-2.js.map', 'sw.js', 'favicon.svg', 'assets/a-1.js'];
    expect(cachedFiles(bundle)).toEqual(['/assets/a-1.css', '/assets/a-1.js', '/assets/b-2.js']);
    expect(cachedFiles(['assets/a-1.js'], '/console/')).toEqual(['/console/assets/a-1.js']);
  });

  it('has a version that changes with the files', () => {
    const files = ['/assets/a-1.js'];
    expect(assetCacheVersion(files)).toBe(assetCacheVersion([...files]));
    expect(assetCacheVersion(['/assets/a-2.js'])).not.toBe(assetCacheVersion(files));
  });
});
