// The `usage` extension's storage: uses per credential in hourly and daily buckets, and the source
// of the latest one. Written by the token endpoint on every successful exchange, so each write is
// one prepared statement on a primary key.
import { USAGE_RETENTION_DAYS, type UsageBucket } from '../../src/api/usage-schemas';
import { stmt, type Db } from './database';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BUCKET_MS: Record<UsageBucket, number> = { hour: HOUR_MS, day: DAY_MS };

/** The first instant (UTC) of the bucket that holds `at`. */
export function bucketStart(bucket: UsageBucket, at: Date): string {
  const size = BUCKET_MS[bucket];
  return new Date(Math.floor(at.getTime() / size) * size).toISOString();
}

/** The oldest bucket start still kept at `now`. */
export function retentionStart(bucket: UsageBucket, now: Date): string {
  return bucketStart(bucket, new Date(now.getTime() - USAGE_RETENTION_DAYS[bucket] * DAY_MS));
}

export interface UsageSourceRow {
  ip: string;
  user_agent: string;
  at: string;
}

/** Counts one use of the credential at `at` (hour and day) and remembers where it came from. */
export function recordCredentialUse(db: Db, credentialId: string, at: Date, source: Omit<UsageSourceRow, 'at'>): void {
  stmt(
    db,
    `INSERT INTO credential_usage (credential_id, bucket, start, count) VALUES (?, 'hour', ?, 1), (?, 'day', ?, 1)
     ON CONFLICT (credential_id, bucket, start) DO UPDATE SET count = count + 1`,
  ).run(credentialId, bucketStart('hour', at), credentialId, bucketStart('day', at));
  setUsageSource(db, credentialId, { ...source, at: at.toISOString() });
}

export interface UsageBucketRow {
  start: string;
  count: number;
}

/**
 * Buckets with at least one use from the one holding `since` on, oldest first. Buckets past the
 * retention window are left out even before the pruner gets to them, so answers do not depend
 * on its timing.
 */
export function listCredentialUsage(db: Db, credentialId: string, bucket: UsageBucket, since: Date, now: Date): UsageBucketRow[] {
  const from = [bucketStart(bucket, since), retentionStart(bucket, now)].sort().at(-1)!;
  return stmt(
    db,
    `SELECT start, count FROM credential_usage WHERE credential_id = ? AND bucket = ? AND start >= ? ORDER BY start`,
  ).all(credentialId, bucket, from) as UsageBucketRow[];
}

export function findUsageSource(db: Db, credentialId: string): UsageSourceRow | undefined {
  return stmt(db, `SELECT ip, user_agent, at FROM credential_usage_sources WHERE credential_id = ?`).get(credentialId) as
    | UsageSourceRow
    | undefined;
}

/**
 * Deletes at most `limit` expired buckets of one kind; returns how many. Small batches keep each
 * write transaction short, so token exchanges never wait long behind the pruner.
 */
export function pruneUsageBatch(db: Db, bucket: UsageBucket, now: Date, limit: number): number {
  return stmt(
    db,
    `DELETE FROM credential_usage WHERE (credential_id, bucket, start) IN (
       SELECT credential_id, bucket, start FROM credential_usage WHERE bucket = ? AND start < ? LIMIT ?)`,
  ).run(bucket, retentionStart(bucket, now), limit).changes;
}

/** Adds `count` uses to one bucket (the demo seed's history). */
export function addUsage(db: Db, credentialId: string, bucket: UsageBucket, start: string, count: number): void {
  stmt(
    db,
    `INSERT INTO credential_usage (credential_id, bucket, start, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (credential_id, bucket, start) DO UPDATE SET count = count + excluded.count`,
  ).run(credentialId, bucket, start, count);
}

export function setUsageSource(db: Db, credentialId: string, source: UsageSourceRow): void {
  stmt(
    db,
    `INSERT INTO credential_usage_sources (credential_id, ip, user_agent, at) VALUES (@credential_id, @ip, @user_agent, @at)
     ON CONFLICT (credential_id) DO UPDATE SET ip = excluded.ip, user_agent = excluded.user_agent, at = excluded.at`,
  ).run({ credential_id: credentialId, ...source });
}
