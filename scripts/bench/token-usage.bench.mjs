// The cost of the `usage` extension at the token endpoint: the same burst of client-credentials
// exchanges against a server that records every use (hour and day buckets, source) and one with
// EXTENSIONS=none (records nothing), in alternating rounds so both see the same machine load.
// Then the same comparison without the HTTP client and network, whose share dominates the burst
// on this machine: the whole endpoint in process (app.fetch), and its database transaction alone,
// which is where recording adds its work.
import { tsImport } from 'tsx/esm/api';
const CONCURRENCY = 8;
const ROUND_MS = 1_000;
const ROUNDS = 12;

export default async function bench({ seedDatabase, startServer, summarize, median, printTable, tempDir }) {
  const servers = {
    'usage recorded (EXTENSIONS=all)': await startServer({ databasePath: seedDatabase({ org: 'bench', serviceAccounts: 1_000, credentialsPerAccount: 3 }) }),
    'not recorded (EXTENSIONS=none)': await startServer({
      databasePath: seedDatabase({ org: 'bench', serviceAccounts: 1_000, credentialsPerAccount: 3 }),
      env: { EXTENSIONS: 'none' },
    }),
  };

  // One credential per server (and per worker, so the per-client counters do not interfere).
  async function credentials(url) {
    const headers = { Authorization: 'Bearer demo-ada-admin', 'Content-Type': 'application/json' };
    const res = await fetch(`${url}/api/organizations/acme/service-accounts`, { method: 'POST', headers, body: JSON.stringify({ name: 'token-bench' }) });
    const sa = await res.json();
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(sa)}`);
    return Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, i) => {
        const created = await fetch(`${url}/api/organizations/acme/service-accounts/${sa.id}/credentials`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: `worker-${i}` }),
        }).then((r) => r.json());
        return `Basic ${Buffer.from(`${created.client_id}:${created.client_secret}`).toString('base64')}`;
      }),
    );
  }

  async function burst(url, authorizations, durationMs) {
    const latencies = [];
    const deadline = performance.now() + durationMs;
    const started = performance.now();
    await Promise.all(
      authorizations.map(async (authorization) => {
        while (performance.now() < deadline) {
          const t = performance.now();
          const res = await fetch(`${url}/api/service-account-token`, {
            method: 'POST',
            headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'token-bench/1.0' },
            body: 'grant_type=client_credentials',
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    return { latencies, seconds: (performance.now() - started) / 1000 };
  }

  const results = {};
  const auth = {};
  for (const [name, server] of Object.entries(servers)) {
    auth[name] = await credentials(server.url);
    results[name] = { latencies: [], seconds: 0, perRound: [] };
    await burst(server.url, auth[name], 500); // warm-up: JIT, statement cache, connections
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first so drift in machine load favours neither.
    const order = round % 2 === 0 ? Object.keys(servers) : Object.keys(servers).reverse();
    for (const name of order) {
      const { latencies, seconds } = await burst(servers[name].url, auth[name], ROUND_MS);
      results[name].latencies.push(...latencies);
      results[name].seconds += seconds;
      results[name].perRound.push(latencies.length / seconds);
    }
  }

  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
  const rows = Object.entries(results).map(([name, { latencies, seconds }]) => {
    const s = summarize(latencies);
    return { name, n: s.n, rps: s.n / seconds, median: s.median, p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
  });
  const [on, off] = rows;
  printTable(
    `POST /api/service-account-token, ${CONCURRENCY} concurrent clients, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s`,
    ['server', 'exchanges', 'per second', 'median ms', 'p95 ms', 'p99 ms'],
    rows.map((r) => [r.name, r.n, r.rps.toFixed(0), r.median.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2)]),
  );
  const slowdown = (1 - on.rps / off.rps) * 100;
  // Each round's pair ran back to back; the median of their ratios is the least swayed by load drift.
  const [onRounds, offRounds] = Object.values(results).map((r) => r.perRound);
  const pairSlowdown = (1 - median(onRounds.map((rps, i) => rps / offRounds[i]))) * 100;
  console.log(
    `\nRecording usage costs ${slowdown.toFixed(1)} % of throughput overall, ${pairSlowdown.toFixed(1)} % as the median of ${ROUNDS} back-to-back pairs (budget: 20 %); ` +
      `median latency ${on.median.toFixed(2)} ms vs ${off.median.toFixed(2)} ms.`,
  );
  for (const server of Object.values(servers)) await server.stop();

  await handlerCost({ tempDir, printTable });
  await transactionCost({ tempDir, summarize, printTable });
}

const load = (file) => tsImport(new URL(`../../server/${file}`, import.meta.url).href, import.meta.url);

/**
 * The whole token endpoint (routing, Basic auth, hashing, the transaction, the JSON answer) called
 * in process through app.fetch, without and with recording: the server's own cost per exchange,
 * free of the HTTP client's and the network's share that dominates the burst above.
 */
async function handlerCost({ tempDir, printTable }) {
  const [{ createApp }, { loadConfig }, { openDatabase, closeDatabase }, { migrate }, { seedBulk }] = await Promise.all(
    ['app.ts', 'config.ts', 'db/database.ts', 'db/migrations.ts', 'seed.ts'].map(load),
  );
  const env = { incoming: { socket: { remoteAddress: '10.0.3.7', remotePort: 40000, remoteFamily: 'IPv4' } } };
  async function setUp(extensions) {
    const db = openDatabase(`${tempDir()}/handler.sqlite`);
    migrate(db);
    seedBulk(db, { orgName: 'bench', serviceAccounts: 1_000, credentialsPerAccount: 3, now: new Date() });
    const app = createApp({ db, config: { ...loadConfig({ NODE_ENV: 'test' }), extensions } });
    // app.fetch gets no Host header of its own; the host allow-list answers 421 without one.
    const call = (path, init) =>
      app.fetch(new Request(`http://127.0.0.1/api${path}`, { ...init, headers: { Host: '127.0.0.1', ...init?.headers } }), env);
    const headers = { Authorization: 'Bearer demo-ada-admin', 'Content-Type': 'application/json' };
    const sa = await (await call('/organizations/acme/service-accounts', { method: 'POST', headers, body: '{"name":"handler-bench"}' })).json();
    const cred = await (await call(`/organizations/acme/service-accounts/${sa.id}/credentials`, { method: 'POST', headers, body: '{"name":"c"}' })).json();
    const authorization = `Basic ${Buffer.from(`${cred.client_id}:${cred.client_secret}`).toString('base64')}`;
    const exchange = async () => {
      const res = await call('/service-account-token', {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'token-bench/1.0' },
        body: 'grant_type=client_credentials',
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
    };
    return { exchange, close: () => closeDatabase(db) };
  }
  const modes = { 'EXTENSIONS=none': await setUp([]), 'usage recorded': await setUp(['usage']) };
  const perCall = Object.fromEntries(Object.keys(modes).map((name) => [name, []]));
  const entries = Object.entries(modes);
  for (let i = 0; i < 300; i++) for (const [, mode] of entries) await mode.exchange(); // warm-up
  // Alternating every request, and comparing medians: on a shared machine a batch can lose the CPU
  // for milliseconds, which swamps means; an A/A run of this loop agrees within 1 %.
  for (let i = 0; i < 3_000; i++) {
    for (const [name, mode] of i % 2 ? [...entries].reverse() : entries) {
      const started = performance.now();
      await mode.exchange();
      perCall[name].push((performance.now() - started) * 1000);
    }
  }
  for (const mode of Object.values(modes)) mode.close();
  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
  const rows = Object.entries(perCall).map(([name, values]) => [
    name,
    values.length,
    percentile(values, 10).toFixed(0),
    percentile(values, 50).toFixed(0),
    percentile(values, 90).toFixed(0),
  ]);
  printTable('The token endpoint in process (app.fetch, no network; µs per exchange, alternating)', ['server', 'exchanges', 'p10 µs', 'median µs', 'p90 µs'], rows);
  const [base, withUsage] = Object.values(perCall).map((values) => percentile(values, 50));
  console.log(`\nRecording adds ${(withUsage - base).toFixed(0)} µs per exchange: ${(((withUsage - base) / base) * 100).toFixed(1)} % of the endpoint's own time (budget: 20 %).`);
}

/** The token endpoint's transaction, without and with recordCredentialUse, in alternating batches. */
async function transactionCost({ tempDir, summarize, printTable }) {
  const [{ openDatabase, closeDatabase }, { migrate }, { seedBulk }, { deleteExpiredTokens, insertCredentialToken }, credentials, { recordCredentialUse }, tokens] =
    await Promise.all(['db/database.ts', 'db/migrations.ts', 'seed.ts', 'db/access-tokens.ts', 'db/credentials.ts', 'db/usage.ts', 'auth/tokens.ts'].map(load));
  const db = openDatabase(`${tempDir()}/tx.sqlite`);
  migrate(db);
  seedBulk(db, { orgName: 'bench', serviceAccounts: 1_000, credentialsPerAccount: 3, now: new Date() });
  const ids = db.prepare('SELECT id FROM credentials LIMIT 100').all().map((r) => r.id);
  const source = { ip: '10.0.3.7', user_agent: 'token-bench/1.0' };

  const exchangeTx = (record) =>
    db.transaction((id, now) => {
      const at = now.toISOString();
      deleteExpiredTokens(db, at);
      credentials.markCredentialUsed(db, id, at);
      if (record) recordCredentialUse(db, id, now, source);
      insertCredentialToken(db, tokens.hashSecret(tokens.newAccessToken()), id, at, new Date(now.getTime() + 3_600_000).toISOString());
    });
  const modes = { 'without recording': exchangeTx(false), 'with recordCredentialUse': exchangeTx(true) };
  const perCall = Object.fromEntries(Object.keys(modes).map((name) => [name, []]));
  const BATCH = 2_000;
  let t = Date.now();
  for (let round = 0; round < 12; round++) {
    for (const [name, tx] of round % 2 ? Object.entries(modes).reverse() : Object.entries(modes)) {
      const started = performance.now();
      for (let i = 0; i < BATCH; i++) tx(ids[i % ids.length], new Date((t += 1_000)));
      if (round > 1) perCall[name].push(((performance.now() - started) * 1000) / BATCH); // first rounds: warm-up
    }
  }
  closeDatabase(db);
  const rows = Object.entries(perCall).map(([name, values]) => {
    const s = summarize(values);
    return [name, s.n * BATCH, s.min.toFixed(1), s.median.toFixed(1), s.max.toFixed(1)];
  });
  printTable('The token endpoint’s database transaction in process (µs per exchange, median of batches of 2,000)', ['transaction', 'exchanges', 'min µs', 'median µs', 'max µs'], rows);
  const [base, withUsage] = Object.values(perCall).map((values) => summarize(values).median);
  console.log(`\nrecordCredentialUse adds ${(withUsage - base).toFixed(1)} µs per exchange (${(((withUsage - base) / base) * 100).toFixed(0)} % of the transaction).`);
}
