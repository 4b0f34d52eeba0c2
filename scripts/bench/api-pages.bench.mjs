// Keyset pagination: a deep page of the service-account list must cost what the first one does.
export default async function bench({ seedDatabase, startServer, summarize, printTable }) {
  const databasePath = seedDatabase({ org: 'bench', serviceAccounts: 10_000, credentialsPerAccount: 3 });
  const { url, stop } = await startServer({ databasePath });
  const headers = { Authorization: 'Bearer demo-ada-admin' };
  const list = `${url}/api/organizations/bench/service-accounts?limit=50`;

  async function timed(target) {
    const started = performance.now();
    const res = await fetch(target, { headers });
    const body = await res.json();
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  }

  // Walk to page 150 (7,500 rows in) to get a deep cursor.
  let cursor;
  for (let page = 1; page < 150; page++) {
    const { body } = await timed(cursor ? `${list}&after=${encodeURIComponent(cursor)}` : list);
    cursor = body.page_info.end_cursor;
  }
  const deep = `${list}&after=${encodeURIComponent(cursor)}`;
  const first = [];
  const deepTimes = [];
  for (let i = 0; i < 30; i++) {
    first.push((await timed(list)).ms);
    deepTimes.push((await timed(deep)).ms);
  }
  const row = (name, values) => {
    const s = summarize(values);
    return [name, s.n, s.min.toFixed(1), s.median.toFixed(1), s.max.toFixed(1)];
  };
  printTable('Service-account list, 10,000 accounts, 50 per page (ms per request, interleaved)', ['page', 'n', 'min', 'median', 'max'], [
    row('first', first),
    row('150th (keyset cursor)', deepTimes),
  ]);
  await stop();
}
