// A Vite plugin that fails the build when its chunks import each other in a cycle. The modules'
// own imports have no cycle, but Rolldown's merging of shared chunks can make one: a page then
// runs a module before one it reads at its top level has run (`CREDENTIAL_POLICY` undefined in
// review-search.ts, issue 13). Nothing else would notice until a person opened that page.
import type { Plugin } from 'vite';

/** What this needs of a chunk in the output bundle. */
interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  imports?: readonly string[];
}

/** A cycle of static imports between `chunks`, as file names from one back to itself; none: null. */
export function findChunkCycle(chunks: readonly ChunkLike[]): string[] | null {
  const importsOf = new Map(chunks.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c.imports ?? []]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of importsOf.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of importsOf.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

export function acyclicChunks(): Plugin {
  return {
    name: 'sac:acyclic-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const cycle = findChunkCycle(Object.values(bundle) as ChunkLike[]);
      if (cycle) this.error(`Chunks import each other in a cycle: ${cycle.join(' → ')}`);
    },
  };
}
