import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/tokens';
import { insertCredential } from '../db/credentials';
import { closeDatabase, openDatabase, type Db } from '../db/database';
import { migrate } from '../db/migrations';
import { insertOrganization } from '../db/organizations';
import { insertServiceAccount } from '../db/service-accounts';
import { addUsage } from '../db/usage';
import { createLogger } from '../lib/logger';
import { startUsagePruner } from './usage-pruner';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3_600_000;
let db: Db;
afterEach(() => closeDatabase(db));

function databaseWithUsage(expiredHours: number, keptHours: number) {
  db = openDatabase(':memory:');
  migrate(db);
  const at = NOW.toISOString();
  insertOrganization(db, { id: 'o'.repeat(26), label: 'o', name: 'O', created_at: at, updated_at: at });
  insertServiceAccount(db, { id: 's'.repeat(26), organization_id: 'o'.repeat(26), name: 's', description: null, created_at: at });
  const id = 'c'.repeat(26);
  insertCredential(db, { id, service_account_id: 's'.repeat(26), client_id: 'x', secret_hash: hashSecret('x'), name: 'c', description: null, created_at: at });
  const start = NOW.getTime() - 14 * 24 * HOUR; // the oldest hour still kept
  for (let i = 1; i <= expiredHours; i += 1) addUsage(db, id, 'hour', new Date(start - i * HOUR).toISOString(), 1);
  for (let i = 0; i < keptHours; i += 1) addUsage(db, id, 'hour', new Date(start + i * HOUR).toISOString(), 1);
  addUsage(db, id, 'day', new Date(start).toISOString(), 1); // a 14-day-old day is kept 400 days
}
const count = () => (db.prepare(`SELECT count(*) AS n FROM credential_usage`).get() as { n: number }).n;

describe('usage pruner', () => {
  it('deletes only what is past retention, in batches that let other work run in between', async () => {
    databaseWithUsage(7, 3);
    const pruner = startUsagePruner(db, () => NOW, createLogger('silent'), { batchSize: 2, firstRunMs: 3_600_000 });
    try {
      const interleaved: number[] = [];
      // Work queued while the pass runs (as a request would be) sees it half-done, not blocked till the end.
      const pass = pruner.run();
      const probe = () => new Promise<void>((resolve) => setImmediate(() => (interleaved.push(count()), resolve())));
      await probe();
      expect(await pass).toBe(7);
      expect(interleaved[0]).toBeGreaterThan(4);
      expect(interleaved[0]).toBeLessThan(11);
      expect(count()).toBe(4);
      expect(await pruner.run()).toBe(0);
    } finally {
      pruner.stop();
    }
  });

  it('stops between batches when stopped (e.g. the server closing its database)', async () => {
    databaseWithUsage(10, 0);
    const pruner = startUsagePruner(db, () => NOW, createLogger('silent'), { batchSize: 2, firstRunMs: 3_600_000 });
    const pass = pruner.run();
    pruner.stop();
    expect(await pass).toBe(2);
    expect(count()).toBe(9);
  });
});
