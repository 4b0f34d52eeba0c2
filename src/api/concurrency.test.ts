import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../test/deferred';
import { createLimiter, mapWithConcurrency, settleWithConcurrency } from './concurrency';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('mapWithConcurrency', () => {
  it('never runs more than the limit at once and keeps input order', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapWithConcurrency(
      [5, 1, 4, 2, 3, 0, 6],
      async (n) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, n));
        running -= 1;
        return n * 10;
      },
      { limit: 3 },
    );
    expect(result).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it('reports progress after each task', async () => {
    const onProgress = vi.fn();
    await mapWithConcurrency([1, 2, 3], async (n) => n, { limit: 2, onProgress });
    expect(onProgress.mock.calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('resolves to an empty array for no items', async () => {
    await expect(mapWithConcurrency([], async () => 1, { limit: 2 })).resolves.toEqual([]);
  });

  it('rejects with the first failure, aborts running tasks and starts no more', async () => {
    const started: number[] = [];
    const signals: AbortSignal[] = [];
    const gates = [deferred<number>(), deferred<number>()];
    const promise = mapWithConcurrency(
      [0, 1, 2, 3],
      (n, _i, signal) => {
        started.push(n);
        signals.push(signal);
        return gates[n]?.promise ?? Promise.resolve(n);
      },
      { limit: 2 },
    );
    await tick();
    gates[0]?.reject(new Error('boom'));
    await expect(promise).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(signals[1]?.aborted).toBe(true);
  });

  it('stops when the caller aborts, passing the signal on to tasks', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    let taskSignal: AbortSignal | undefined;
    const gate = deferred<number>();
    const promise = mapWithConcurrency(
      [0, 1, 2],
      (n, _i, signal) => {
        started.push(n);
        taskSignal = signal;
        return gate.promise;
      },
      { limit: 1, signal: controller.signal },
    );
    await tick();
    controller.abort();
    gate.resolve(1);
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toEqual([0]);
    expect(taskSignal?.aborted).toBe(true);
  });

  it('rejects at once for an already aborted signal', async () => {
    const task = vi.fn(async () => 1);
    await expect(mapWithConcurrency([1], task, { limit: 1, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(task).not.toHaveBeenCalled();
  });

  it('refuses a limit below 1', async () => {
    await expect(mapWithConcurrency([1], async () => 1, { limit: 0 })).rejects.toThrow(RangeError);
  });
});

describe('settleWithConcurrency', () => {
  it('runs every task and reports each outcome in order', async () => {
    const onProgress = vi.fn();
    const result = await settleWithConcurrency(
      ['a', 'b', 'c'],
      async (s) => {
        if (s === 'b') throw new Error('no b');
        return s.toUpperCase();
      },
      { limit: 2, onProgress },
    );
    expect(result).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('no b') },
      { status: 'fulfilled', value: 'C' },
    ]);
    expect(onProgress).toHaveBeenLastCalledWith(3, 3);
  });
});

describe('createLimiter', () => {
  it('runs tasks added over time with at most `limit` at once, and stops on abort', async () => {
    const { createLimiter } = await import('./concurrency');
    const controller = new AbortController();
    const limit = createLimiter(2, controller.signal);
    let running = 0;
    let peak = 0;
    const task = (ms: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      return ms;
    };
    const first = [limit(task(5)), limit(task(5)), limit(task(5))];
    // Added while the first ones run.
    const later = limit(task(1));
    expect(await Promise.all([...first, later])).toEqual([5, 5, 5, 1]);
    expect(peak).toBe(2);

    const blocker = limit(() => new Promise<void>((r) => setTimeout(r, 20)));
    const blocker2 = limit(() => new Promise<void>((r) => setTimeout(r, 20)));
    const queued = limit(task(1));
    controller.abort();
    await expect(queued).rejects.toBeDefined();
    await expect(limit(task(1))).rejects.toBeDefined();
    await Promise.all([blocker, blocker2]);
  });
});

// The same limiter as a shared cap for independent callers, each with its own signal.
function voidDeferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLimiter.run', () => {
  it('never runs more than `limit` tasks at once, and runs them all', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 5 }, voidDeferred);
    const results = gates.map((gate, i) =>
      limiter.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    await Promise.resolve();
    expect(limiter.active).toBe(2);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot of a failed task', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limiter = createLimiter(1);
    const gate = voidDeferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort(new Error('left the page'));
    await expect(second).rejects.toThrow('left the page');
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(limiter.active).toBe(0);
  });
});
