import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from './database';
import { insertCredential } from './credentials';
import { migrate } from './migrations';
import { insertOrganization } from './organizations';
import { listOrgCredentials } from './org-credentials';
import { insertServiceAccount } from './service-accounts';

const AT = '2026-01-01T00:00:00.000Z';
let db: Db;
afterEach(() => closeDatabase(db));

const query = { sort: 'created_at', direction: 'desc' } as const;

describe('migration to org-wide credentials', () => {
  it('fills the copies and the search index of a database written by an older server', () => {
    db = openDatabase(':memory:');
    migrate(db, 1);
    insertOrganization(db, { id: 'org1', label: 'acme', name: 'Acme', created_at: AT, updated_at: AT });
    insertServiceAccount(db, { id: 'sa1', organization_id: 'org1', name: 'Billing Export', description: null, created_at: AT });
    // As the version-1 server wrote them.
    const insertV1 = db.prepare(
      `INSERT INTO credentials (id, service_account_id, client_id, secret_hash, name, description, created_at, last_used_at)
       VALUES (?, 'sa1', ?, zeroblob(32), ?, NULL, ?, ?)`,
    );
    for (const [id, used] of [['c1', '2026-02-01T00:00:00.000Z'], ['c2', null], ['c3', '2026-03-01T00:00:00.000Z']] as const) {
      insertV1.run(id, `client-${id}`, `key ${id}`, AT, used);
    }
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    const page = listOrgCredentials(db, 'org1', { ...query, q: 'billing exp' }, { limit: 10 });
    expect(page.rows.map((r) => [r.id, r.service_account_name])).toEqual([
      ['c3', 'Billing Export'],
      ['c2', 'Billing Export'],
      ['c1', 'Billing Export'],
    ]);
    expect(db.prepare(`SELECT last_used_at FROM service_accounts WHERE id = 'sa1'`).pluck().get()).toBe('2026-03-01T00:00:00.000Z');
    // And the triggers run from then on.
    insertCredential(db, { id: 'c4', service_account_id: 'sa1', client_id: 'client-c4', secret_hash: Buffer.alloc(32), name: 'fresh', description: 'a brand new one', created_at: AT, last_used_at: null });
    expect(listOrgCredentials(db, 'org1', { ...query, q: 'brand new' }, { limit: 10 }).rows.map((r) => [r.id, r.service_account_name])).toEqual([['c4', 'Billing Export']]);
    // An insert that does not fill the copies (any other writer) gets them from the trigger.
    db.prepare(
      `INSERT INTO credentials (id, service_account_id, client_id, secret_hash, name, created_at) VALUES ('c5', 'sa1', 'client-c5', zeroblob(32), 'other writer', ?)`,
    ).run(AT);
    expect(listOrgCredentials(db, 'org1', { ...query, q: 'other writer' }, { limit: 10 }).rows.map((r) => [r.id, r.service_account_name])).toEqual([['c5', 'Billing Export']]);
    expect(() => insertCredential(db, { id: 'c6', service_account_id: 'nope', client_id: 'client-c6', secret_hash: Buffer.alloc(32), name: 'orphan', description: null, created_at: AT })).toThrow(/FOREIGN KEY/);
  });

  it('leaves a current database alone and refuses one from a newer server', () => {
    db = openDatabase(':memory:');
    migrate(db);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/newer than this server/);
  });
});
