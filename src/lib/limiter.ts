// A shared cap on requests in flight for work that many independent callers start at once
// (one query per table row): each caller waits for a free slot, so a page of 200 rows makes
// at most `limit` requests at a time instead of 200.

export interface Limiter {
  /** Runs `task` when a slot is free. Rejects with the signal's reason if aborted while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now (for tests and diagnostics). */
  readonly active: number;
}

export function createLimiter(limit: number): Limiter {
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  let active = 0;
  const waiting: (() => void)[] = [];

  function release() {
    active -= 1;
    waiting.shift()?.();
  }

  function acquire(signal?: AbortSignal): Promise<void> {
    if (active < limit) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', cancel);
        active += 1;
        resolve();
      };
      const cancel = () => {
        const index = waiting.indexOf(start);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      };
      waiting.push(start);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  return {
    async run(task, signal) {
      signal?.throwIfAborted();
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
  };
}
