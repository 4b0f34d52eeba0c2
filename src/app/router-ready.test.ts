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
  it('is ready at once when the router is already initialized', async () => {
    const render = vi.fn();
    await whenRouterReady(fakeRouter(true) as never).then(render);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('is ready once the page code is loaded, and stays subscribed so the router holds no update back', async () => {
    vi.useFakeTimers();
    const router = fakeRouter(false);
    const render = vi.fn();
    void whenRouterReady(router as never, 300).then(render);
    await vi.advanceTimersByTimeAsync(100);
    expect(render).not.toHaveBeenCalled();
    router.initialize();
    await vi.advanceTimersByTimeAsync(1000);
    expect(render).toHaveBeenCalledTimes(1);
    // React Router replays an update that found no subscriber, as a second render after the first commit.
    expect(router.subscribers.size).toBe(1);
    router.initialize();
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('is ready after the wait when the code is slow (the loading view renders)', async () => {
    vi.useFakeTimers();
    const router = fakeRouter(false);
    const render = vi.fn();
    void whenRouterReady(router as never, 300).then(render);
    await vi.advanceTimersByTimeAsync(299);
    expect(render).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(render).toHaveBeenCalledTimes(1);
  });
});
