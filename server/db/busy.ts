import { setTimeout as sleep } from 'node:timers/promises';
import { isBusy, type Db } from './database';

/** How long a request's write keeps trying for the lock before the caller gets a 503. */
export const WRITE_LOCK_DEADLINE_MS = 2000;
// Shorter than the pause the seed leaves between its batches, so a waiting write gets in there.
const MAX_POLL_MS = 10;

/**
 * Runs a write (a statement or an IMMEDIATE transaction) and, while another process holds the
 * write lock, tries again on a timer instead of in SQLite's busy handler, which would sleep on the
 * event loop and stall every other request, reads included. Past the deadline the SQLITE_BUSY
 * error propagates, and the app answers 503 with Retry-After.
 */
export async function retryWhileBusy<T>(db: Db, write: () => T, deadlineMs = WRITE_LOCK_DEADLINE_MS): Promise<T> {
  const deadline = performance.now() + deadlineMs;
  let delay = 1;
  for (;;) {
    const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || performance.now() + delay > deadline) throw error;
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, MAX_POLL_MS);
  }
}
