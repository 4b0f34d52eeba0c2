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
