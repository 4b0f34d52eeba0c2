// Drops usage buckets past their retention (hours after 14 days, days after 400) off the request
// path: on a timer, in small batches, yielding to the event loop between them so token exchanges
// and page loads interleave with the deletes instead of waiting for one long transaction.
import { USAGE_BUCKETS } from '../../src/api/usage-schemas';
import type { Db } from '../db/database';
import { pruneUsageBatch } from '../db/usage';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';

export interface UsagePrunerOptions {
  /** Time between runs. */
  intervalMs?: number;
  /** Delay of the first run after start (so a restart does not add to the start-up work). */
  firstRunMs?: number;
  /** Rows per delete statement. */
  batchSize?: number;
}

export interface UsagePruner {
  /** One full pass (every expired row, batch by batch); resolves with the number deleted. */
  run(): Promise<number>;
  /** No more runs; a pass in progress stops after its current batch. */
  stop(): void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function startUsagePruner(db: Db, clock: Clock, logger: Logger, options: UsagePrunerOptions = {}): UsagePruner {
  const { intervalMs = 10 * 60_000, firstRunMs = 30_000, batchSize = 500 } = options;
  let stopped = false;
  let running: Promise<number> | undefined;

  async function pass(): Promise<number> {
    let deleted = 0;
    for (const bucket of USAGE_BUCKETS) {
      for (;;) {
        if (stopped || !db.open) return deleted;
        const n = pruneUsageBatch(db, bucket, clock(), batchSize);
        deleted += n;
        if (n < batchSize) break;
        await yieldToEventLoop();
      }
    }
    return deleted;
  }

  const run = () =>
    (running ??= pass().finally(() => {
      running = undefined;
    }));
  const scheduled = () => {
    // A busy database (e.g. `npm run seed` holding the lock) just means: try again next time.
    run().catch((error: unknown) => logger.error('Pruning usage buckets failed', error));
  };

  // unref: a pending prune never keeps the process (or a test run) alive.
  const first = setTimeout(scheduled, firstRunMs);
  const every = setInterval(scheduled, intervalMs);
  first.unref();
  every.unref();

  return {
    run,
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
