import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenRouterReady } from './router-ready';

function fakeRouter(initialized: boolean) {
  const subscribers = new Set<(state: { initialized: boolean }) => void>();
  const router = {
    state: { initialized },
    subscribe: (fn: (state: { initialized: boolean }) => void) => {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    initialize: () => {
      router.state = { initialized: true };
      for (const fn of [...subscribers]) fn(router.state);
    },
    subscribers,
  };
  return router;
}

afterEach(() => vi.useRealTimers());

describe('whenRouterReady', () => {
  it('renders at once when the router is already initialized', () => {
    const render = vi.fn();
    whenRouterReady(fakeRouter(true) as never, render);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('renders once the page code is loaded, and only once', () => {
    vi.useFakeTimers();
    const router = fakeRouter(false);
    const render = vi.fn();
    whenRouterReady(router as never, render, 300);
    expect(render).not.toHaveBeenCalled();
    router.initialize();
    vi.advanceTimersByTime(1000);
    expect(render).toHaveBeenCalledTimes(1);
    expect(router.subscribers.size).toBe(0);
  });

  it('renders the loading view after the wait when the code is slow', () => {
    vi.useFakeTimers();
    const router = fakeRouter(false);
    const render = vi.fn();
    whenRouterReady(router as never, render, 300);
    vi.advanceTimersByTime(299);
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(render).toHaveBeenCalledTimes(1);
    router.initialize();
    expect(render).toHaveBeenCalledTimes(1);
  });
});
