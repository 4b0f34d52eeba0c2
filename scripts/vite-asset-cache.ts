// A Vite plugin that writes /sw.js (scripts/asset-cache-worker.ts) for the build: the list of its
// hashed JavaScript and CSS files, and a version that changes whenever that list does.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { ASSET_CACHE_PREFIX, assetCacheWorkerSource } from './asset-cache-worker.ts';

export const ASSET_CACHE_WORKER = 'sw.js';

/** The files the worker keeps: every hashed script and stylesheet of the build (not maps). */
export function cachedFiles(fileNames: string[], base = '/'): string[] {
  return fileNames
    .filter((name) => name.startsWith('assets/') && /\.(?:js|css)$/.test(name))
    .sort()
    .map((name) => base + name);
}

export function assetCacheVersion(files: string[]): string {
  return createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
}

export function assetCache(): Plugin {
  let base = '/';
  return {
    name: 'sac:asset-cache',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const files = cachedFiles(Object.keys(bundle), base);
      const source = assetCacheWorkerSource({
        cacheName: ASSET_CACHE_PREFIX + assetCacheVersion(files),
        prefix: ASSET_CACHE_PREFIX,
        assets: `${base}assets/*`,
        files,
      });
      this.emitFile({ type: 'asset', fileName: ASSET_CACHE_WORKER, source });
    },
  };
}
