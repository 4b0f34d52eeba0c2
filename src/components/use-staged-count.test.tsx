import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStagedCount } from './use-staged-count';

const frameAndTask = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));

describe('useStagedCount', () => {
  it('renders the first rows at once and all of them after a frame', async () => {
    const { result } = renderHook(({ total }) => useStagedCount(total, 40), { initialProps: { total: 200 } });
    expect(result.current).toBe(40);
    await act(frameAndTask);
    expect(result.current).toBe(200);
  });

  it('renders short lists whole, stages the first long one, then renders whole at once', async () => {
    const { result, rerender } = renderHook(({ total }) => useStagedCount(total, 40), { initialProps: { total: 12 } });
    expect(result.current).toBe(12);
    rerender({ total: 30 });
    expect(result.current).toBe(30);
    rerender({ total: 200 });
    // Empty or short while loading, then a long page arrives: staged.
    expect(result.current).toBe(40);
    await act(frameAndTask);
    expect(result.current).toBe(200);
    rerender({ total: 180 });
    expect(result.current).toBe(180);
  });
});
