// Names the chunk of every module a root module imports statically: the code a page needs before
// it can render, in one file per root. The roots are the entries: the boot script's, then the
// console's, which carries the landing page (app/routes.tsx); a module both import is the boot
// script's, and the entry imports it from there. Left to itself, Rolldown splits those modules
// into common chunks by which lazy routes also use them (React, query core, mutations, zod with
// the API client, …): eight files for the entry that gzip separately, about 1.4 KB more than one,
// each one more script for the browser to finish and link on the main thread before the list's
// first row (issue 13). Modules no root reaches keep Rolldown's own chunking; so do BARREL_ONLY's
// (below).

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
    importers: readonly string[];
    dynamicImporters: readonly string[];
    importedIds: readonly string[];
  } | null;
}

/** The modules `root` matches among `id` and every module above it (through static and dynamic importers). */
function rootsAbove(graph: ModuleGraph, id: string, root: RegExp): string[] {
  const seen = new Set([id]);
  const queue = [id];
  const roots: string[] = [];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (root.test(current)) roots.push(current);
    const info = graph.getModuleInfo(current);
    if (!info) continue;
    for (const next of [...info.importers, ...info.dynamicImporters]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return roots;
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
 * For `output.codeSplitting.groups[].name`: `name` for the module(s) whose id matches `root` and
 * for everything they import statically, else no group. A group of lower priority gets only what
 * the higher ones left: the entry's chunk holds what the boot script's does not.
 */
export function staticImportsChunk(name: string, root: RegExp) {
  let members: Set<string> | undefined;
  return (id: string, graph: ModuleGraph): string | null => {
    if (!members) {
      // Found through the first module asked about that reaches the root (not every module does).
      const roots = rootsAbove(graph, id, root);
      if (roots.length === 0) return null;
      members = staticallyImported(graph, roots);
    }
    return (members.has(id) || root.test(id)) && !BARREL_ONLY.test(id) ? name : null;
  };
}
