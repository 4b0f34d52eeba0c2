// A Vite plugin that builds src/boot.ts as an entry of its own and puts its <script> first in
// index.html. Vite merges the module scripts of an HTML file into one entry, and a module runs only
// once its whole import graph has loaded: written into index.html, the boot script would wait for
// the 400 KB entry it exists to overtake (issue 13). Module scripts run in document order, so the
// boot script runs before the entry, as soon as its few KB arrive.
import path from 'node:path';
import type { Plugin } from 'vite';

const BOOT = 'src/boot.ts';

export function bootScript(): Plugin {
  let root = process.cwd();
  return {
    name: 'sac:boot-script',
    config: (config) => {
      root = config.root ?? root;
      return { build: { rolldownOptions: { input: { index: path.resolve(root, 'index.html'), boot: path.resolve(root, BOOT) } } } };
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        // In development the dev server serves the module itself.
        let src = `/${BOOT}`;
        if (ctx.bundle) {
          const chunk = Object.values(ctx.bundle).find(
            (output) => output.type === 'chunk' && output.isEntry && output.facadeModuleId === path.resolve(root, BOOT),
          );
          if (!chunk) throw new Error(`boot script: no chunk for ${BOOT}`);
          src = `/${chunk.fileName}`;
        }
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' }];
      },
    },
  };
}
