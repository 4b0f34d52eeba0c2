import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from './database';
import { migrate } from './migrations';
import { findOrganization, insertOrganization } from './organizations';

const AT = '2026-01-01T00:00:00.000Z';
let db: Db;

beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterEach(() => closeDatabase(db));

describe('findOrganization', () => {
  it('finds by id or by label, and an id wins over another organization whose label is that string', () => {
    const acme = insertOrganization(db, { id: 'org1', label: 'acme', name: 'Acme', created_at: AT, updated_at: AT });
    const squatter = insertOrganization(db, { id: 'org2', label: 'org1', name: 'Squatter', created_at: AT, updated_at: AT });
    expect(findOrganization(db, 'org1')).toEqual(acme);
    expect(findOrganization(db, 'acme')).toEqual(acme);
    expect(findOrganization(db, 'org2')).toEqual(squatter);
    expect(findOrganization(db, 'nope')).toBeUndefined();
  });
});
