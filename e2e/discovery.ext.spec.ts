import { expect, test } from './fixtures';

test('the full local server announces its extensions', async ({ request }) => {
  const res = await request.get('/api/capabilities');
  expect(res.status()).toBe(200);
  expect(((await res.json()) as { extensions: string[] }).extensions).toEqual([
    'org_credentials',
    'service_account_query',
    'usage',
    'audit_events',
  ]);
});
