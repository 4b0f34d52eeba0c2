// What the org_credentials bookkeeping of issue 9 (per-day counts kept by triggers, the text
// carried by credentials_org_use) costs the write paths: the same operations on a database at
// the schema before it (migration 4) and at the current one, in alternating batches so both see
// the same machine load. Each batch is one transaction, so the commit's disk sync (the same for
// both) does not drown the difference.
import { tsImport } from 'tsx/esm/api';

const BATCH = 300;
const ROUNDS = 10;

const load = (file) => tsImport(new URL(`../../server/${file}`, import.meta.url).href, import.meta.url);

export default async function bench({ tempDir, summarize, printTable }) {
  const [{ openDatabase, closeDatabase }, { migrate }, { seedBulk }, credentials] = await Promise.all(
    ['db/database.ts', 'db/migrations.ts', 'seed.ts', 'db/credentials.ts'].map(load),
  );
  const now = new Date();
  const DAY = 86_400_000;
  function setUp(version) {
    const db = openDatabase(`${tempDir()}/writes.sqlite`);
    migrate(db, version);
    const { org } = seedBulk(db, { orgName: 'writes', serviceAccounts: 2_000, credentialsPerAccount: 3, now, pauseMs: 0 });
    const accounts = db.prepare('SELECT id FROM service_accounts WHERE organization_id = ?').pluck().all(org.id);
    let serial = 0;
    const created = [];
    return {
      db,
      org,
      create() {
        serial += 1;
        const id = `bench-${serial}`;
        const service_account_id = accounts[serial % accounts.length];
        credentials.insertCredential(db, {
          id,
          service_account_id,
          client_id: `client-${id}`,
          secret_hash: Buffer.alloc(32),
          name: `bench ${serial}`,
          description: null,
          created_at: new Date(now.getTime() - (serial % 400) * DAY).toISOString(),
        });
        created.push({ id, service_account_id });
      },
      // A token exchange's update: the same day as the last use (the usual case), or a new day.
      useSameDay(i) {
        const c = created[i % created.length];
        credentials.markCredentialUsed(db, c.id, new Date(now.getTime() + (i % 1000)).toISOString());
      },
      useNewDay(i) {
        const c = created[i % created.length];
        credentials.markCredentialUsed(db, c.id, new Date(now.getTime() + (1 + (i % 300)) * DAY + serial).toISOString());
      },
      revoke() {
        const c = created.pop();
        credentials.deleteCredential(db, org.id, c.service_account_id, c.id);
      },
    };
  }
  const schemas = { 'before (migration 4)': setUp(4), current: setUp(undefined) };
  const operations = ['create', 'useSameDay', 'useNewDay', 'revoke'];
  const times = Object.fromEntries(Object.keys(schemas).map((s) => [s, Object.fromEntries(operations.map((o) => [o, []]))]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const operation of operations) {
      const order = round % 2 ? Object.entries(schemas).reverse() : Object.entries(schemas);
      for (const [name, schema] of order) {
        const started = performance.now();
        schema.db.transaction(() => {
          for (let i = 0; i < BATCH; i++) schema[operation](i);
        })();
        if (round > 0) times[name][operation].push(((performance.now() - started) * 1000) / BATCH); // round 0: warm-up
      }
    }
  }
  for (const schema of Object.values(schemas)) closeDatabase(schema.db);
  const rows = operations.map((operation) => {
    const [before, current] = Object.keys(schemas).map((name) => summarize(times[name][operation]).median);
    return [operation, before.toFixed(1), current.toFixed(1), `${(((current - before) / before) * 100).toFixed(0)} %`];
  });
  printTable(`Credential writes in process, µs per operation (median of ${ROUNDS - 1} batches of ${BATCH}, one transaction each)`, ['operation', 'before (migration 4)', 'current', 'change'], rows);
}
