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

describe('demo activity', () => {
  it('gives the demo usage history consistent with last use, and a creation event for everything', () => {
    open();
    const started = performance.now();
    seedIfEmpty(db, now);
    expect(performance.now() - started).toBeLessThan(2000);
    const credentials = db.prepare(`SELECT id, created_at, last_used_at FROM credentials`).all() as {
      id: string;
      created_at: string;
      last_used_at: string | null;
    }[];
    const buckets = db.prepare(`SELECT credential_id, bucket, start, count FROM credential_usage`).all() as {
      credential_id: string;
      bucket: string;
      start: string;
      count: number;
    }[];
    expect(buckets.some((b) => b.bucket === 'hour')).toBe(true);
    expect(buckets.some((b) => b.bucket === 'day')).toBe(true);
    expect(buckets.length).toBeLessThan(10_000); // cheap: every fresh database (and test server) gets it
    for (const b of buckets) {
      const c = credentials.find((x) => x.id === b.credential_id)!;
      // No use before the credential existed, none after its last use.
      expect(c.last_used_at && b.start <= c.last_used_at).toBeTruthy();
      expect(Date.parse(b.start) + (b.bucket === 'hour' ? 3_600_000 : DAY)).toBeGreaterThan(Date.parse(c.created_at));
      expect(b.count).toBeGreaterThan(0);
    }
    // The last use is counted, and its source kept.
    const recent = credentials.filter((c) => c.last_used_at && now.getTime() - Date.parse(c.last_used_at) < 3_600_000);
    expect(recent.length).toBeGreaterThan(0);
    for (const c of recent) {
      expect(buckets.some((b) => b.credential_id === c.id && b.bucket === 'hour' && c.last_used_at!.startsWith(b.start.slice(0, 13)))).toBe(true);
      expect(db.prepare(`SELECT at FROM credential_usage_sources WHERE credential_id = ?`).get(c.id)).toEqual({ at: c.last_used_at });
    }
    const created = db.prepare(`SELECT action, count(*) AS n FROM audit_events GROUP BY action ORDER BY action`).all();
    const total = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(created).toEqual([
      { action: 'credential.created', n: total('credentials') },
      { action: 'service_account.created', n: total('service_accounts') },
    ]);
  });
});

describe('bulk seed', () => {
  it('adds thousands of service accounts in one go and makes the demo admin an org_admin', () => {
    open();
    const started = performance.now();
    const result = seedBulk(db, { orgName: 'Load Test Org', serviceAccounts: 2000, credentialsPerAccount: 2, now });
    expect(performance.now() - started).toBeLessThan(5000);
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
  });
});
