import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file. WAL lets readers proceed during a write and survives
 * a crash without corruption; with synchronous=NORMAL a commit survives the process being killed
 * and only a power cut can drop the last few (never corrupt the file), for far fewer fsyncs.
 * busy_timeout makes a second process (e.g. `npm run seed` while the server runs) wait for the
 * lock instead of failing with SQLITE_BUSY.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
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
