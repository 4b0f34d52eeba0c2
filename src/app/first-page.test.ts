import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenFirstPageReady } from './first-page';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('whenFirstPageReady', () => {
  it('resolves at once when the entry carries the page', async () => {
    const ready = vi.fn();
    void whenFirstPageReady(undefined).then(ready);
    await vi.advanceTimersByTimeAsync(0);
    expect(ready).toHaveBeenCalled();
  });

  it("resolves when the page's code has loaded, or failed to", async () => {
    for (const settle of [() => Promise.resolve(), () => Promise.reject(new Error('chunk'))]) {
      const ready = vi.fn();
      void whenFirstPageReady(settle(), 300).then(ready);
      await vi.advanceTimersByTimeAsync(0);
      expect(ready).toHaveBeenCalled();
    }
  });

  it('stops waiting after waitMs', async () => {
    const ready = vi.fn();
    void whenFirstPageReady(new Promise(() => {}), 300).then(ready);
    await vi.advanceTimersByTimeAsync(299);
    expect(ready).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ready).toHaveBeenCalled();
  });
});
