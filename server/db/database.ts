import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * How long a statement waits for a lock held by another process before failing with
   * SQLITE_BUSY. The wait is a synchronous sleep: in the server it blocks the event loop, so the
   * server keeps it short and retries writes asynchronously (see `retryWhileBusy`); a CLI such as
   * the seed can afford to wait longer.
   */
  busyTimeoutMs?: number;
}

/** The server's wait: long enough for a read to ride out a checkpoint, short enough not to stall. */
export const SERVER_BUSY_TIMEOUT_MS = 20;

/**
 * Opens (creating if needed) the SQLite file. WAL lets readers proceed during a write and survives
 * a crash without corruption. synchronous=FULL makes every commit wait for the WAL to reach the
 * disk, so an acknowledged create, update or delete survives a power cut; the token endpoint's
 * bookkeeping opts out per transaction (see `withRelaxedSync`).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  // 64 MiB of page cache (the default is 2 MiB): the org-wide indexes of a 300,000-credential
  // organization stay in memory for the stats' range counts, and a bulk seed does not spill.
  db.pragma('cache_size = -65536');
  return db;
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  // Folding the WAL back into the main file leaves a single self-contained database behind.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Another connection (e.g. `npm run seed`) holds the lock this statement needed. */
export function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
}

/**
 * Commits made inside `write` wait only for the OS to take the WAL (synchronous=NORMAL): a power
 * cut may drop the last of them, a crash of the process may not. For high-rate bookkeeping
 * (last_used_at, issued access tokens), never for a create, update or delete. The next FULL commit
 * makes them durable too, since it syncs the whole WAL.
 */
export function withRelaxedSync<T>(db: Db, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: the SQL strings here are a fixed set. */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
