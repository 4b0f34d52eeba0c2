import { expect, test } from './fixtures';

test('the built console loads in Chromium and shows the sign-in page', async ({ page }) => {
  const problems: string[] = [];
  // A CSP violation shows up here, not as a visible failure (a crash fails every test: fixtures.ts).
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });

  // Nobody is signed in, so the console sends us to sign in and remembers where we were going.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/sign in/i);

  const tokenForm = page.getByRole('region', { name: /token/i });
  await expect(tokenForm.getByRole('textbox', { name: 'Bearer token' })).toBeVisible();
  await expect(tokenForm.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  // Demo mode: the people come from GET /api/dev/principals, so the API answered the built app.
  await expect(page.getByRole('button', { name: 'Sign in as Ada Admin' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the server sends its security headers with the HTML', async ({ request }) => {
  const response = await request.get('/sign-in');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/html/);
  expect(await response.text()).toContain('<div id="root">');

  const headers = response.headers();
  const csp = parseCsp(headers['content-security-policy'] ?? '');
  // Only the app's own scripts: no inline, no eval, no other origin.
  expect(csp.get('script-src') ?? csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
});

function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}
