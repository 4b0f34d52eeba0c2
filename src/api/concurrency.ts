// A small promise pool: at most `limit` tasks in flight, so loading thousands of pages or
// deleting many credentials neither floods the API nor waits on one request at a time.

export interface PoolOptions {
  limit: number;
  signal?: AbortSignal;
  /** Called after each task settles, with how many have settled so far. */
  onProgress?: (done: number, total: number) => void;
}

export type Settled<R> = { status: 'fulfilled'; value: R } | { status: 'rejected'; reason: unknown };

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

async function runPool<T, R>(
  items: readonly T[],
  task: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  { limit, signal, onProgress }: PoolOptions,
  failFast: boolean,
): Promise<Settled<R>[]> {
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  signal?.throwIfAborted();
  // Our own controller so a fail-fast error also cancels the tasks still in flight.
  const controller = new AbortController();
  const stop = () => controller.abort(signal ? abortReason(signal) : undefined);
  signal?.addEventListener('abort', stop, { once: true });

  const results = new Array<Settled<R>>(items.length);
  let next = 0;
  let done = 0;

  async function worker() {
    while (next < items.length && !controller.signal.aborted) {
      const index = next++;
      try {
        const value = await task(items[index] as T, index, controller.signal);
        results[index] = { status: 'fulfilled', value };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
        if (failFast) controller.abort(reason);
      }
      if (controller.signal.aborted) return;
      done += 1;
      onProgress?.(done, items.length);
    }
  }

  // Settle as soon as the pool is aborted, even if a task ignores its signal and never ends.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  try {
    await Promise.race([Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker)), aborted]);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  return results;
}

/**
 * Maps every item through `task` with at most `limit` running at once; results keep the input
 * order. The first failure rejects the whole call and aborts the tasks still running (each gets
 * a signal to pass to fetch); aborting `signal` does the same with its reason.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  task: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  options: PoolOptions,
): Promise<R[]> {
  const settled = await runPool(items, task, options, true);
  return settled.map((s) => (s as { status: 'fulfilled'; value: R }).value);
}

/**
 * Like mapWithConcurrency, but every task runs to completion whatever the others do, and each
 * outcome is reported (for bulk actions that must say what succeeded and what failed).
 * Aborting `signal` stops starting new tasks and rejects.
 */
export function settleWithConcurrency<T, R>(
  items: readonly T[],
  task: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  options: PoolOptions,
): Promise<Settled<R>[]> {
  return runPool(items, task, options, false);
}

export interface Limiter {
  /** Runs `task` once fewer than `limit` tasks run; rejects without running it once stopped. */
  <R>(task: () => Promise<R>): Promise<R>;
  /**
   * Same, for callers that each have their own signal (one query per table row): a task whose
   * `signal` aborts while it waits is dropped without running, rejecting with the signal's reason.
   */
  run<R>(task: () => Promise<R>, signal?: AbortSignal): Promise<R>;
  /** Starts nothing more (queued tasks reject); tasks already running finish on their own. */
  stop(): void;
  /** Tasks running now (for tests and diagnostics). */
  readonly active: number;
}

/**
 * A pool that takes tasks as they come (unlike mapWithConcurrency, which needs them all up
 * front): for work discovered while earlier work runs, such as credentials of service
 * accounts still being listed, or for a shared cap on requests that many independent callers
 * start at once (a page of 200 rows makes at most `limit` usage requests at a time).
 * Aborting `signal` stops it.
 */
export function createLimiter(limit: number, signal?: AbortSignal): Limiter {
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  let active = 0;
  let stopped: unknown = null;
  const queue: { start: () => void; fail: (reason: unknown) => void }[] = [];
  const next = () => {
    while (active < limit && queue.length > 0) queue.shift()?.start();
  };
  const release = () => {
    active -= 1;
    next();
  };
  const stop = (reason: unknown = new DOMException('The operation was aborted.', 'AbortError')) => {
    stopped ??= reason;
    for (const waiting of queue.splice(0)) waiting.fail(stopped);
  };
  signal?.addEventListener('abort', () => stop(abortReason(signal)), { once: true });
  const run = <R>(task: () => Promise<R>, taskSignal?: AbortSignal) =>
    new Promise<R>((resolve, reject) => {
      if (stopped !== null || signal?.aborted) {
        reject(stopped ?? abortReason(signal as AbortSignal));
        return;
      }
      if (taskSignal?.aborted) {
        reject(abortReason(taskSignal));
        return;
      }
      const cancel = () => {
        const index = queue.indexOf(waiting);
        if (index >= 0) queue.splice(index, 1);
        reject(abortReason(taskSignal as AbortSignal));
      };
      const waiting = {
        start: () => {
          taskSignal?.removeEventListener('abort', cancel);
          active += 1;
          let running: Promise<R>;
          try {
            running = task();
          } catch (error) {
            running = Promise.reject(error);
          }
          // The slot is free before the caller hears back, so `active` is settled by then.
          running.then(
            (value) => {
              release();
              resolve(value);
            },
            (reason: unknown) => {
              release();
              reject(reason);
            },
          );
        },
        fail: (reason: unknown) => {
          taskSignal?.removeEventListener('abort', cancel);
          reject(reason);
        },
      };
      queue.push(waiting);
      taskSignal?.addEventListener('abort', cancel, { once: true });
      next();
    });
  const limiter = <R>(task: () => Promise<R>) => run(task);
  return Object.defineProperties(limiter, {
    run: { value: run },
    stop: { value: () => stop() },
    active: { get: () => active },
  }) as Limiter;
}
