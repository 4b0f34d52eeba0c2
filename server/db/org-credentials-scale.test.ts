// The plans that only large organizations take (issue 9), exercised at test scale by lowering
// their thresholds: a broad q's window walk and its sorted-matches fallback, the stats' LIKE pass
// and index-match count, and the per-day counts that the stats read, kept by triggers.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OrgCredentialQuery } from '../../src/api/org-credential-schemas';
import { credentialStatus, isRotationDue } from '../../src/lib/credential-status';
import { seedBulk } from '../seed';
import { credentialStats } from './credential-stats';
import { deleteCredential, insertCredential, markCredentialUsed, updateCredential } from './credentials';
import { closeDatabase, openDatabase, type Db } from './database';
import { migrate } from './migrations';
import { listOrgCredentials, type OrgCredentialRow } from './org-credentials';
import { searchTuning } from './search';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const SORTS = ['created_at', 'last_used_at', 'name', 'service_account_name'] as const;
const DEFAULT_POLICY = { idle_after_days: 30, stale_after_days: 90, new_within_days: 7, rotation_due_after_days: 90 };

interface Truth {
  id: string;
  client_id: string;
  name: string;
  description: string | null;
  created_at: string;
  last_used_at: string | null;
  service_account_id: string;
  service_account_name: string;
}

const nocase = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SORT_VALUE: Record<string, (c: Truth) => string> = {
  created_at: (c) => c.created_at,
  last_used_at: (c) => c.last_used_at ?? '',
  name: (c) => nocase(c.name),
  service_account_name: (c) => nocase(c.service_account_name),
};
const expectedOrder = (rows: Truth[], sort: string, direction: string) =>
  [...rows].sort((a, b) => (direction === 'asc' ? 1 : -1) * (cmp(SORT_VALUE[sort]!(a), SORT_VALUE[sort]!(b)) || cmp(a.id, b.id))).map((c) => c.id);
const contains = (c: Truth, q: string) => [c.name, c.description ?? '', c.client_id, c.service_account_name].some((v) => nocase(v).includes(nocase(q)));

function truth(db: Db, organizationId: string): Truth[] {
  return db
    .prepare(
      `SELECT c.id, c.client_id, c.name, c.description, c.created_at, c.last_used_at, sa.id AS service_account_id, sa.name AS service_account_name
       FROM credentials c JOIN service_accounts sa ON sa.id = c.service_account_id WHERE sa.organization_id = ?`,
    )
    .all(organizationId) as Truth[];
}

/** Every page forwards with `after`, then every page backwards from the end with `before`. */
function walkBothWays(db: Db, organizationId: string, query: OrgCredentialQuery, limit: number): { forwards: string[]; backwards: string[] } {
  const forwards: OrgCredentialRow[] = [];
  let page = listOrgCredentials(db, organizationId, query, { limit });
  forwards.push(...page.rows);
  while (page.pageInfo.has_next_page) {
    page = listOrgCredentials(db, organizationId, query, { limit, after: page.pageInfo.end_cursor });
    forwards.push(...page.rows);
  }
  const backwards: OrgCredentialRow[] = [];
  let cursor = page.pageInfo.end_cursor;
  for (let guard = 0; cursor !== undefined && guard < 200; guard++) {
    page = listOrgCredentials(db, organizationId, query, { limit, before: cursor });
    backwards.unshift(...page.rows);
    cursor = page.pageInfo.has_prev_page ? page.pageInfo.start_cursor : undefined;
  }
  // The last row itself comes before nothing: add it to compare whole lists.
  if (forwards.length > 0) backwards.push(forwards[forwards.length - 1]!);
  return { forwards: forwards.map((r) => r.id), backwards: backwards.map((r) => r.id) };
}

/** The console's rules (src/lib/credential-status.ts) over `rows`. */
function expectedStats(rows: Truth[]) {
  const policy = { activeWithinDays: 30, staleAfterDays: 90, neverUsedGraceDays: 7, rotationAgeDays: 90 };
  const counts = { total: rows.length, active: 0, idle: 0, stale: 0, never_used_new: 0, never_used_stale: 0, rotation_due: 0 };
  for (const row of rows) {
    const status = credentialStatus(row, NOW, policy);
    if (status === 'new') counts.never_used_new += 1;
    else counts[status] += 1;
    if (status === 'stale' && row.last_used_at === null) counts.never_used_stale += 1;
    if (isRotationDue(row, NOW, policy)) counts.rotation_due += 1;
  }
  return { ...counts, computed_at: NOW.toISOString() };
}

describe('a broad q at test scale (thresholds lowered)', () => {
  let db: Db;
  let org: string;
  const saved = { ...searchTuning };
  const prepared: string[] = [];
  beforeAll(() => {
    db = openDatabase(':memory:');
    migrate(db);
    org = seedBulk(db, { orgName: 'Broad Org', serviceAccounts: 300, credentialsPerAccount: 3, now: NOW, pauseMs: 0 }).org.id;
    Object.assign(searchTuning, { candidateLimit: 20, walkWindow: 40, countShare: 1 / 2 });
    const prepare = db.prepare.bind(db);
    vi.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
  });
  afterAll(() => {
    Object.assign(searchTuning, saved);
    closeDatabase(db);
  });

  // 'load-test' matches every row (the window always holds a page); 'load-test-0001' a third, in
  // one block of service-account names (the window finds none there: the sorted matches); the
  // credential names of 'production' are one block by name, spread by time.
  const cases: [string, Partial<OrgCredentialQuery>, (c: Truth) => boolean][] = [
    ['load-test', { q: 'load-test' }, (c) => contains(c, 'load-test')],
    ['load-test-0001', { q: 'load-test-0001' }, (c) => contains(c, 'load-test-0001')],
    ['production', { q: 'production' }, (c) => contains(c, 'production')],
    [
      'load-test-0002 with filters',
      { q: 'load-test-0002', never_used: false, created_before: ago(60) },
      (c) => contains(c, 'load-test-0002') && c.last_used_at !== null && c.created_at < ago(60),
    ],
    ['load-test with last_used_before', { q: 'load-test', last_used_before: ago(30) }, (c) => contains(c, 'load-test') && c.last_used_at !== null && c.last_used_at < ago(30)],
  ];
  for (const [label, filters, keep] of cases) {
    it(`pages ${label} in every sort and direction like the truth`, () => {
      const rows = truth(db, org).filter(keep);
      expect(rows.length, label).toBeGreaterThan(searchTuning.candidateLimit);
      for (const sort of SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          const expected = expectedOrder(rows, sort, direction);
          const { forwards, backwards } = walkBothWays(db, org, { sort, direction, ...filters }, 37);
          expect(forwards, `${label} ${sort} ${direction}`).toEqual(expected);
          expect(backwards, `${label} ${sort} ${direction} backwards`).toEqual(expected);
        }
      }
    });
  }

  it('took both plans of a broad q: the window walk and the sorted matches', () => {
    expect(prepared.some((sql) => sql.includes('WITH w AS MATERIALIZED'))).toBe(true);
    expect(prepared.some((sql) => sql.includes('AS sort_key') && sql.includes('credentials_search MATCH'))).toBe(true);
  });

  it('counts a broad q through the index matches and through the LIKE pass, like the truth', () => {
    prepared.length = 0;
    const all = truth(db, org);
    // 'load-test-0001': a third of the rows, under countShare (half) → the index's matches.
    // 'load-test': all of them → the LIKE pass over credentials_org_use, counting the rows it does
    // not match and taking them from the organization's counts; 'ix' (no trigram): the LIKE pass.
    // '1' (no trigram either) is in most of them but not all: the rows it misses are counted.
    const share = all.filter((c) => contains(c, '1')).length / all.length;
    expect(share).toBeGreaterThan(1 / 2);
    expect(share).toBeLessThan(1);
    for (const q of ['load-test-0001', 'load-test', 'ix', 'production', '1']) {
      expect(credentialStats(db, org, { ...DEFAULT_POLICY, q }, NOW), q).toEqual(expectedStats(all.filter((c) => contains(c, q))));
    }
    expect(prepared.some((sql) => sql.includes('INDEXED BY credentials_org_use') && sql.includes('LIKE') && !sql.includes('NOT ifnull'))).toBe(true);
    expect(prepared.some((sql) => sql.includes('INDEXED BY credentials_org_use') && sql.includes('NOT ifnull'))).toBe(true);
    expect(prepared.some((sql) => sql.includes('count(*) AS total') && sql.includes('credentials_search MATCH'))).toBe(true);
  });
});

describe('the per-day counts behind the stats', () => {
  let db: Db;
  afterEach(() => closeDatabase(db));

  /** credential_day_counts against a recount of the credentials (zero rows left behind are fine). */
  function expectCountsMatch(): void {
    const kept = db.prepare(`SELECT organization_id, kind, day, count FROM credential_day_counts WHERE count <> 0 ORDER BY 1, 2, 3`).all();
    const recount = db
      .prepare(
        `SELECT organization_id, kind, day, count(*) AS count FROM (
           SELECT organization_id, 'created' AS kind, substr(created_at, 1, 10) AS day FROM credentials
           UNION ALL
           SELECT organization_id, iif(last_used_at IS NULL, 'never', 'used'), substr(ifnull(last_used_at, created_at), 1, 10) FROM credentials
         ) WHERE organization_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all();
    expect(kept).toEqual(recount);
  }

  it('stay equal to a recount through random creates, uses, renames, deletes and cascades', () => {
    db = openDatabase(':memory:');
    migrate(db);
    const orgA = seedBulk(db, { orgName: 'Counts A', serviceAccounts: 40, credentialsPerAccount: 2, now: NOW, pauseMs: 0 }).org.id;
    const orgB = seedBulk(db, { orgName: 'Counts B', serviceAccounts: 20, credentialsPerAccount: 1, now: NOW, pauseMs: 0 }).org.id;
    expectCountsMatch();
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]!;
    const credentialsOf = (org: string) =>
      db.prepare(`SELECT c.id, c.service_account_id FROM credentials c JOIN service_accounts sa ON sa.id = c.service_account_id WHERE sa.organization_id = ?`).all(org) as {
        id: string;
        service_account_id: string;
      }[];
    const accountsOf = (org: string) => db.prepare(`SELECT id FROM service_accounts WHERE organization_id = ?`).pluck().all(org) as string[];
    let serial = 0;
    for (let step = 0; step < 400; step++) {
      const org = random() < 0.7 ? orgA : orgB;
      const roll = random();
      const at = new Date(NOW.getTime() - Math.floor(random() * 500) * DAY - Math.floor(random() * DAY)).toISOString();
      if (roll < 0.3 && accountsOf(org).length > 0) {
        serial += 1;
        insertCredential(db, {
          id: `rand-${serial}`,
          service_account_id: pick(accountsOf(org)),
          client_id: `client-rand-${serial}`,
          secret_hash: Buffer.alloc(32),
          name: `random ${serial}`,
          description: null,
          created_at: at,
          last_used_at: random() < 0.5 ? null : at,
        });
      } else if (roll < 0.6 && credentialsOf(org).length > 0) {
        // A use: the same day again (no change to the counts), or a later one.
        const c = pick(credentialsOf(org));
        markCredentialUsed(db, c.id, random() < 0.5 ? at : new Date(NOW.getTime() - Math.floor(random() * 3) * DAY).toISOString());
      } else if (roll < 0.75 && credentialsOf(org).length > 0) {
        const c = pick(credentialsOf(org));
        updateCredential(db, org, c.service_account_id, c.id, { name: `renamed ${step}` });
      } else if (roll < 0.9 && credentialsOf(org).length > 0) {
        const c = pick(credentialsOf(org));
        expect(deleteCredential(db, org, c.service_account_id, c.id)).toBe(true);
      } else if (roll < 0.95 && accountsOf(org).length > 0) {
        // Deleting a service account cascades to its credentials.
        db.prepare(`DELETE FROM service_accounts WHERE id = ?`).run(pick(accountsOf(org)));
      } else if (accountsOf(org).length > 0) {
        // Another writer's insert, without the copies: the trigger fills the organization in.
        serial += 1;
        db.prepare(
          `INSERT INTO credentials (id, service_account_id, client_id, secret_hash, name, created_at, last_used_at) VALUES (?, ?, ?, zeroblob(32), 'other writer', ?, ?)`,
        ).run(`other-${serial}`, pick(accountsOf(org)), `client-other-${serial}`, at, random() < 0.5 ? null : at);
      }
      if (step % 50 === 49) expectCountsMatch();
    }
    expectCountsMatch();
    // And the stats read from them agree with the console's rules.
    for (const org of [orgA, orgB]) {
      expect(credentialStats(db, org, DEFAULT_POLICY, NOW)).toEqual(expectedStats(truth(db, org)));
    }
  });

  it('are filled in from the credentials of a database written by an older server', () => {
    db = openDatabase(':memory:');
    migrate(db, 4);
    const org = seedBulk(db, { orgName: 'Old Org', serviceAccounts: 30, credentialsPerAccount: 3, now: NOW, pauseMs: 0 }).org.id;
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'credential_day_counts'`).pluck().get()).toBe(0);
    migrate(db);
    expectCountsMatch();
    expect(credentialStats(db, org, DEFAULT_POLICY, NOW)).toEqual(expectedStats(truth(db, org)));
  });
});
