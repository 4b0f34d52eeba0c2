// Names the chunk of every module an entry imports statically: the code the first page needs
// before it can render, in one file per entry (the boot script's, then the console's; a module
// both import is the boot script's, and the entry imports it from there). Left to itself,
// Rolldown splits those modules into common chunks by which lazy routes also use them (React,
// query core, mutations, zod with the API client, …): eight files that gzip separately, about
// 1.4 KB more than one (issue 13). Modules only lazy routes reach keep Rolldown's own chunking;
// so do BARREL_ONLY's (below).

/**
 * The import graph cannot tell which of a package index's re-exports the entry uses: TanStack
 * Query's index re-exports every hook, so these files (which only lazy pages use) would count as
 * the first page's. Left out, they keep Rolldown's chunking; should the entry come to use one, it
 * becomes a modulepreload of its own, which `scripts/first-page-size.mjs` counts.
 */
const BARREL_ONLY =
  /@tanstack[\\/].*[\\/](queriesObserver|infiniteQueryObserver|useQueries|streamedQuery|useInfiniteQuery|infiniteQueryOptions|useMutation|mutationObserver)\.js$/;

/** What this needs of Rolldown's module info (its ChunkingContext). */
interface ModuleGraph {
  getModuleInfo(id: string): {
    isEntry: boolean;
    importers: readonly string[];
    dynamicImporters: readonly string[];
    importedIds: readonly string[];
  } | null;
}

/** The entry modules reachable upwards from `id` (through static and dynamic importers). */
function entriesAbove(graph: ModuleGraph, id: string): string[] {
  const seen = new Set([id]);
  const queue = [id];
  const entries: string[] = [];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    const info = graph.getModuleInfo(current);
    if (!info) continue;
    if (info.isEntry) entries.push(current);
    for (const next of [...info.importers, ...info.dynamicImporters]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return entries;
}

/** Every module `from` imports statically, transitively (not `from` itself). */
function staticallyImported(graph: ModuleGraph, from: readonly string[]): Set<string> {
  const found = new Set<string>();
  const stack = [...from];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for (const next of graph.getModuleInfo(current)?.importedIds ?? []) {
      if (!found.has(next) && !from.includes(next)) {
        found.add(next);
        stack.push(next);
      }
    }
  }
  return found;
}

/**
 * For `output.codeSplitting.groups[].name`: `name` for the static imports of the entry whose id
 * matches `entry` (index.html has two: the boot script and the console), else no group.
 */
export function firstPageChunk(name: string, entry: RegExp) {
  let firstPage: Set<string> | undefined;
  return (id: string, graph: ModuleGraph): string | null => {
    if (!firstPage) {
      // Found through the first module asked about that reaches the entry (not every module does).
      const entries = entriesAbove(graph, id).filter((found) => entry.test(found));
      if (entries.length === 0) return null;
      firstPage = staticallyImported(graph, entries);
    }
    return (firstPage.has(id) || entry.test(id)) && !BARREL_ONLY.test(id) ? name : null;
  };
}
