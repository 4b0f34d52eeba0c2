import { describe, expect, it } from 'vitest';
import { staticImportsChunk } from './first-page-chunk.ts';

/** A module graph from `module: [static imports, dynamic imports]`. */
function graphOf(modules: Record<string, [string[], string[]?]>) {
  const info = new Map(Object.keys(modules).map((id) => [id, { importers: [] as string[], dynamicImporters: [] as string[], importedIds: modules[id]![0] }]));
  for (const [id, [imports, dynamicImports = []]] of Object.entries(modules)) {
    for (const target of imports) info.get(target)!.importers.push(id);
    for (const target of dynamicImports) info.get(target)!.dynamicImporters.push(id);
  }
  return { getModuleInfo: (id: string) => info.get(id) ?? null };
}

// index.html → main → react; main lazily loads the list page and the detail page, which share
// `table`; the list page also imports react (the entry's) and `filters`.
const graph = graphOf({
  '/index.html': [['/src/main.tsx']],
  '/src/main.tsx': [['/node_modules/react/index.js'], ['/src/app/routes/list.tsx', '/src/app/routes/detail.tsx']],
  '/node_modules/react/index.js': [[]],
  '/src/app/routes/list.tsx': [['/src/table.tsx', '/src/filters.tsx', '/node_modules/react/index.js']],
  '/src/app/routes/detail.tsx': [['/src/table.tsx', '/src/detail-only.tsx']],
  '/src/table.tsx': [[]],
  '/src/filters.tsx': [[]],
  '/src/detail-only.tsx': [[]],
});
const names = (name: (id: string, g: typeof graph) => string | null) =>
  Object.fromEntries(['/src/main.tsx', '/node_modules/react/index.js', '/src/app/routes/list.tsx', '/src/table.tsx', '/src/filters.tsx', '/src/detail-only.tsx', '/src/app/routes/detail.tsx'].map((id) => [id, name(id, graph)]));

describe('staticImportsChunk', () => {
  it("names an entry's static imports, not what it loads lazily", () => {
    expect(names(staticImportsChunk('index', /\/index\.html$/))).toEqual({
      '/src/main.tsx': 'index',
      '/node_modules/react/index.js': 'index',
      '/src/app/routes/list.tsx': null,
      '/src/table.tsx': null,
      '/src/filters.tsx': null,
      '/src/detail-only.tsx': null,
      '/src/app/routes/detail.tsx': null,
    });
  });

  it("names a lazily loaded page and everything it imports statically (Rolldown's priority gives the entry's modules to the entry)", () => {
    expect(names(staticImportsChunk('list', /\/routes\/list\.tsx$/))).toEqual({
      '/src/main.tsx': null,
      '/node_modules/react/index.js': 'list',
      '/src/app/routes/list.tsx': 'list',
      '/src/table.tsx': 'list',
      '/src/filters.tsx': 'list',
      '/src/detail-only.tsx': null,
      '/src/app/routes/detail.tsx': null,
    });
  });

  it('is asked first about a module the root does not reach, and still finds the root later', () => {
    const name = staticImportsChunk('list', /\/routes\/list\.tsx$/);
    expect(name('/src/detail-only.tsx', graph)).toBeNull();
    expect(name('/src/filters.tsx', graph)).toBe('list');
  });

  it("leaves TanStack Query's barrel-only files to Rolldown", () => {
    const barrelGraph = graphOf({
      '/index.html': [['/node_modules/@tanstack/query-core/build/modern/mutationObserver.js']],
      '/node_modules/@tanstack/query-core/build/modern/mutationObserver.js': [[]],
    });
    expect(staticImportsChunk('index', /\/index\.html$/)('/node_modules/@tanstack/query-core/build/modern/mutationObserver.js', barrelGraph)).toBeNull();
  });
});
