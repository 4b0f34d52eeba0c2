// Issue 7: concurrent writers, `kill -9` of the server in the middle of the load, restart on the
// same file. Every write the server acknowledged is there (and every acknowledged delete is gone),
// and SQLite's integrity check passes. Two rounds, so the second crash hits a recovered database.
import http from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CredentialCreatedSchema, ServiceAccountListSchema, ServiceAccountSchema } from '../src/api/schemas';
import { TOKENS } from './test/harness';
import { bearer, rawRequest, spawnServer, tempDatabasePath, type ServerProcess } from './test/server-process';

const LOAD_MS = 1500;
const WRITERS = 6;
const MIN_ACKED_PER_ROUND = 20;
const SAS = '/api/organizations/acme/service-accounts';

interface Acknowledged {
  /**
   * Service account id → the names it may have now: the last acknowledged, plus a rename in flight
   * at the kill, plus '' (gone) when a delete was in flight.
   */
  accounts: Map<string, Set<string>>;
  deleted: Set<string>;
  credentials: Map<string, string>;
}

let server: ServerProcess | undefined;
afterAll(() => server?.stop());

async function writeUntilKilled(target: ServerProcess, acked: Acknowledged, round: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: WRITERS });
  const json = { ...bearer(TOKENS.admin), 'Content-Type': 'application/json' };
  let requests = 0;
  let alive = true;
  let killed = false;
  const writer = async (w: number) => {
    for (let i = 0; alive; i += 1) {
      try {
        requests += 1;
        const created = await rawRequest(target.url, SAS, { method: 'POST', headers: json, body: JSON.stringify({ name: `crash-${round}-${w}-${i}` }), agent });
        if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
        const sa = ServiceAccountSchema.parse(JSON.parse(created.text));
        acked.accounts.set(sa.id, new Set([sa.name]));

        if (i % 2 === 0) {
          const renamed = `renamed-${round}-${w}-${i}`;
          acked.accounts.get(sa.id)?.add(renamed); // may land even if the answer never comes
          requests += 1;
          const res = await rawRequest(target.url, `${SAS}/${sa.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ name: renamed }), agent });
          if (res.status !== 200) throw new Error(`rename answered ${res.status}`);
          acked.accounts.set(sa.id, new Set([renamed]));
        }
        requests += 1;
        const cred = await rawRequest(target.url, `${SAS}/${sa.id}/credentials`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'c' }), agent });
        if (cred.status !== 201) throw new Error(`credential answered ${cred.status}`);
        acked.credentials.set(CredentialCreatedSchema.parse(JSON.parse(cred.text)).id, sa.id);

        if (i % 3 === 2) {
          acked.accounts.get(sa.id)?.add(''); // may be gone even if the answer never comes
          requests += 1;
          const res = await rawRequest(target.url, `${SAS}/${sa.id}`, { method: 'DELETE', headers: bearer(TOKENS.admin), agent });
          if (res.status !== 204) throw new Error(`delete answered ${res.status}`);
          acked.accounts.delete(sa.id);
          acked.deleted.add(sa.id);
        }
      } catch (error) {
        // After the kill, requests fail: their outcome is unknown, and nothing is expected of them.
        if (!killed) throw error;
      }
    }
  };
  const ackedBefore = acked.accounts.size + acked.deleted.size;
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  // At least LOAD_MS, and on a slow machine until enough writes were acknowledged to mean something.
  const started = performance.now();
  const enough = () => acked.accounts.size + acked.deleted.size - ackedBefore >= MIN_ACKED_PER_ROUND;
  while (performance.now() - started < LOAD_MS || (!enough() && performance.now() - started < 15_000)) {
    await new Promise((r) => setTimeout(r, 25));
  }
  killed = true;
  await target.kill(); // SIGKILL while the writers are mid-request
  alive = false;
  await Promise.all(writers);
  agent.destroy();
  return requests;
}

function integrity(databasePath: string) {
  const db = new Database(databasePath);
  try {
    return {
      check: db.pragma('integrity_check', { simple: true }),
      foreignKeys: db.pragma('foreign_key_check') as unknown[],
      credentialIds: new Set((db.prepare(`SELECT id FROM credentials`).all() as { id: string }[]).map((r) => r.id)),
    };
  } finally {
    db.close();
  }
}

async function listAll(target: ServerProcess): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let after: string | undefined;
  for (;;) {
    const res = await rawRequest(target.url, `${SAS}?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers: bearer(TOKENS.admin) });
    const page = ServiceAccountListSchema.parse(JSON.parse(res.text));
    for (const sa of page.items) names.set(sa.id, sa.name);
    if (!page.page_info.has_next_page || !page.page_info.end_cursor) return names;
    after = page.page_info.end_cursor;
  }
}

describe('crash: kill -9 under concurrent writes', () => {
  it('keeps every acknowledged write and an intact database, over two crashes', async () => {
    const databasePath = tempDatabasePath('sac-crash-test-');
    const acked: Acknowledged = { accounts: new Map(), deleted: new Set(), credentials: new Map() };
    const report: string[] = [];
    for (let round = 1; round <= 2; round += 1) {
      server = await spawnServer(databasePath, { LOG_LEVEL: 'error' });
      const requests = await writeUntilKilled(server, acked, round);
      const after = integrity(databasePath);
      expect(after.check).toBe('ok');
      expect(after.foreignKeys).toEqual([]);
      report.push(`round ${round}: ${requests} requests, killed; integrity_check ${String(after.check)}`);
    }

    // Restart on the same file and read everything back over HTTP.
    server = await spawnServer(databasePath, { LOG_LEVEL: 'error' });
    const present = await listAll(server);
    const missing = [...acked.accounts].filter(([id, names]) => !names.has(present.get(id) ?? ''));
    const resurrected = [...acked.deleted].filter((id) => present.has(id));
    const { credentialIds } = integrity(databasePath);
    const lostCredentials = [...acked.credentials].filter(
      ([id, sa]) => !acked.deleted.has(sa) && !acked.accounts.get(sa)?.has('') && !credentialIds.has(id),
    );
    console.info(
      `crash test: ${report.join('; ')}; acknowledged: ${acked.accounts.size} service accounts live, ` +
        `${acked.deleted.size} deleted, ${acked.credentials.size} credentials; missing ${missing.length}, ` +
        `deleted but present ${resurrected.length}, credentials lost ${lostCredentials.length}`,
    );
    expect(acked.accounts.size).toBeGreaterThan(10);
    expect(acked.deleted.size).toBeGreaterThan(2);
    expect(missing).toEqual([]);
    expect(resurrected).toEqual([]);
    expect(lostCredentials).toEqual([]);
  }, 60_000);
});
