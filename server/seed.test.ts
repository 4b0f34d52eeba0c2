import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from './db/database';
import { migrate } from './db/migrations';
import { seedBulk, seedIfEmpty } from './seed';

let db: Db;
const open = () => {
  db = openDatabase(':memory:');
  migrate(db);
  return db;
};
afterEach(() => closeDatabase(db));

const now = new Date('2026-11-30T12:00:00.000Z');
const DAY = 86_400_000;

describe('demo seed', () => {
  it('fills an empty database once, with a realistic spread of credential use', () => {
    open();
    expect(seedIfEmpty(db, now)).toBe(true);
    expect(seedIfEmpty(db, now)).toBe(false);
    const perOrg = db
      .prepare(`SELECT o.label, count(*) AS n FROM service_accounts s JOIN organizations o ON o.id = s.organization_id GROUP BY o.label`)
      .all();
    expect(perOrg).toEqual(expect.arrayContaining([{ label: 'acme', n: 30 }, { label: 'globex', n: expect.any(Number) }]));
    const counts = db
      .prepare(`SELECT count(c.id) AS n FROM service_accounts s LEFT JOIN credentials c ON c.service_account_id = s.id GROUP BY s.id`)
      .all() as { n: number }[];
    expect(Math.min(...counts.map((c) => c.n))).toBe(0);
    expect(Math.max(...counts.map((c) => c.n))).toBe(4);

    const creds = db.prepare(`SELECT created_at, last_used_at FROM credentials`).all() as {
      created_at: string;
      last_used_at: string | null;
    }[];
    const ages = creds.map((c) => (c.last_used_at ? now.getTime() - Date.parse(c.last_used_at) : null));
    expect(ages.some((a) => a !== null && a < 3_600_000)).toBe(true); // minutes ago
    expect(ages.some((a) => a !== null && a > 365 * DAY)).toBe(true); // over a year ago
    expect(ages.some((a) => a === null)).toBe(true); // never
    expect(creds.some((c) => now.getTime() - Date.parse(c.created_at) > 90 * DAY)).toBe(true);
    expect(creds.every((c) => !c.last_used_at || c.last_used_at >= c.created_at)).toBe(true);
  });
});

describe('bulk seed', () => {
  it('adds thousands of service accounts in one go and makes the demo admin an org_admin', () => {
    open();
    const started = performance.now();
    const result = seedBulk(db, { orgName: 'Load Test Org', serviceAccounts: 2000, credentialsPerAccount: 2, now });
    // Each insert also writes the org-wide sort indexes and two trigram search tables (issue 9).
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result).toMatchObject({ serviceAccounts: 2000, credentials: 4000 });
    expect(result.org.label).toBe('load-test-org');
    const role = db
      .prepare(`SELECT m.role FROM memberships m JOIN people p ON p.id = m.person_id WHERE p.email = ? AND m.organization_id = ?`)
      .get('ada@acme.example', result.org.id);
    expect(role).toEqual({ role: 'org_admin' });

    // Running it again adds to the same org without name clashes.
    const again = seedBulk(db, { orgName: 'Load Test Org', serviceAccounts: 10, credentialsPerAccount: 0, now });
    expect(again.org.id).toBe(result.org.id);
    expect(db.prepare(`SELECT count(*) AS n FROM service_accounts WHERE organization_id = ?`).get(result.org.id)).toEqual({ n: 2010 });
  }, 30_000);
});
