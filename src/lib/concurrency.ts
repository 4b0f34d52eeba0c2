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
  /** Starts nothing more (queued tasks reject); tasks already running finish on their own. */
  stop(): void;
}

/**
 * A pool that takes tasks as they come (unlike mapWithConcurrency, which needs them all up
 * front): for work discovered while earlier work runs, such as credentials of service
 * accounts still being listed. Aborting `signal` stops it.
 */
export function createLimiter(limit: number, signal?: AbortSignal): Limiter {
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  let running = 0;
  let stopped: unknown = null;
  const queue: { start: () => void; fail: (reason: unknown) => void }[] = [];
  const next = () => {
    while (running < limit && queue.length > 0) queue.shift()?.start();
  };
  const stop = (reason: unknown = new DOMException('The operation was aborted.', 'AbortError')) => {
    stopped ??= reason;
    for (const waiting of queue.splice(0)) waiting.fail(stopped);
  };
  signal?.addEventListener('abort', () => stop(abortReason(signal)), { once: true });
  const run = <R>(task: () => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      if (stopped !== null || signal?.aborted) {
        reject(stopped ?? abortReason(signal as AbortSignal));
        return;
      }
      queue.push({
        start: () => {
          running += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              next();
            });
        },
        fail: reject,
      });
      next();
    });
  return Object.assign(run, { stop: () => stop() });
}
