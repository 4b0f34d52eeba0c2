import { describe, expect, it } from 'vitest';
import { findChunkCycle } from './vite-acyclic-chunks.ts';

const chunk = (fileName: string, imports: string[] = []) => ({ type: 'chunk' as const, fileName, imports });

describe('findChunkCycle', () => {
  it('finds none in a tree or a diamond', () => {
    expect(findChunkCycle([chunk('a', ['b', 'c']), chunk('b', ['d']), chunk('c', ['d']), chunk('d')])).toBeNull();
  });

  it('names the chunks of a cycle, back to the first', () => {
    const cycle = findChunkCycle([chunk('page', ['x']), chunk('x', ['y']), chunk('y', ['z']), chunk('z', ['x'])]);
    expect(cycle).toEqual(['x', 'y', 'z', 'x']);
  });

  it('ignores assets', () => {
    expect(findChunkCycle([chunk('a', ['style.css']), { type: 'asset', fileName: 'style.css' }])).toBeNull();
  });
});
