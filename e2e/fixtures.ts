// Shared e2e helpers. Specs import `test` and `expect` from here, not from
// @playwright/test (only its types): this `test`'s page fails the test on any uncaught error in
// the page, so a crash that a flow survives visibly still fails.
//
//   import { test, expect, signInAs, uniqueName } from './fixtures';
//
//   test('ada creates one', async ({ page, api }) => {
//     const sa = await api.createServiceAccount('acme');        // set-up over HTTP, deleted after the test
//     await signInAs(page, 'ada');                              // through the sign-in page
//     ...
//   });
//
//   test.describe('as vera', () => {
//     test.use({ signedInAs: 'vera' });                         // token already in localStorage, no sign-in page
//     test('sees no create button', async ({ page }) => { await page.goto('/orgs/acme/service-accounts'); ... });
//   });
//
// The server is shared by every test of the run (and two workers run at once):
// never assume an organization's exact contents; make your own data with
// `api` and `uniqueName()`.
import { test as base, expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { z } from 'zod';
import type { $ZodType, output } from 'zod/v4/core';
import {
  CredentialCreatedSchema,
  CredentialListSchema,
  CredentialSchema,
  OrganizationListSchema,
  ServiceAccountListSchema,
  ServiceAccountSchema,
  TokenResponseSchema,
  type CredentialCreate,
  type CredentialUpdate,
  type ServiceAccountCreate,
  type ServiceAccountUpdate,
} from '../src/api/schemas';
import { DEMO_PERSON, type DemoPersonName } from '../server/demo-people';
import { ROUTES } from '../src/lib/paths';

export { expect };

/** The seeded demo people (the server's demo data; tokens are stable), by first name. */
export const DEMO_PEOPLE = DEMO_PERSON;
export type DemoPerson = DemoPersonName;

/** Same key as src/api/session.ts (not imported: that module pulls in React). */
export const SESSION_STORAGE_KEY = 'sac.session';

let nameCounter = 0;
/** A name no other test (or earlier run) uses: `prefix w1 lq3x9a-4 k2f`. */
export function uniqueName(prefix = 'e2e'): string {
  const worker = process.env.TEST_WORKER_INDEX ?? '0';
  const random = Math.random().toString(36).slice(2, 5);
  return `${prefix} w${worker} ${Date.now().toString(36)}-${++nameCounter} ${random}`;
}

function tokenOf(who: DemoPerson | { token: string }): string {
  return typeof who === 'string' ? DEMO_PEOPLE[who].token : who.token;
}

// ---------- signing in ----------

/**
 * Signs in through the sign-in page's one-click demo buttons, like a person
 * would, and waits until the console has left the sign-in page.
 */
export async function signInAs(page: Page, who: DemoPerson, options: { returnTo?: string } = {}): Promise<void> {
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  await page.goto(`${ROUTES.signIn}${query}`);
  await page.getByRole('button', { name: `Sign in as ${DEMO_PEOPLE[who].name}` }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * Puts a bearer token where the console keeps it, then opens `path`: the
 * fast way in when the sign-in page is not what the test is about. Pass a
 * demo person or any `{ token }` (an expired or made-up one, say).
 */
export async function signInWithToken(page: Page, who: DemoPerson | { token: string }, path = '/'): Promise<void> {
  // Any same-origin document gives access to the origin's localStorage; the
  // favicon is tiny and runs none of the console's code.
  await page.goto('/favicon.svg');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [SESSION_STORAGE_KEY, JSON.stringify({ token: tokenOf(who) })] as const,
  );
  await page.goto(path);
}

/** A storage state with the person's token, for `browser.newContext({ storageState })`. */
export function sessionStorageState(baseURL: string, who: DemoPerson | { token: string }) {
  return {
    cookies: [],
    origins: [
      {
        origin: new URL(baseURL).origin,
        localStorage: [{ name: SESSION_STORAGE_KEY, value: JSON.stringify({ token: tokenOf(who) }) }],
      },
    ],
  };
}

// ---------- the API over HTTP ----------

type Org = string;

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

/**
 * The real server's API as one demo person (or any token), for setting up
 * and checking data without the UI. Service accounts it creates are deleted
 * when the test ends (see the `api` fixture).
 */
export class Api {
  constructor(
    readonly request: APIRequestContext,
    readonly token: string,
    private readonly created: { org: Org; id: string; token: string }[] = [],
  ) {}

  /** The same connection as someone else, e.g. `api.as('vera')`. */
  as(who: DemoPerson | { token: string }): Api {
    return new Api(this.request, tokenOf(who), this.created);
  }

  get auth() {
    return { Authorization: `Bearer ${this.token}` };
  }

  private async parse<S extends $ZodType>(what: string, response: APIResponse, status: number, schema: S) {
    if (response.status() !== status) throw new ApiCallError(response.status(), await response.text(), what);
    return z.parse(schema, await response.json()) as output<S>;
  }

  private async expectStatus(what: string, response: APIResponse, status: number) {
    if (response.status() !== status) throw new ApiCallError(response.status(), await response.text(), what);
  }

  private saPath(org: Org, id?: string) {
    const base = `/api/organizations/${encodeURIComponent(org)}/service-accounts`;
    return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
  }

  private credPath(org: Org, serviceAccountId: string, id?: string) {
    const base = `${this.saPath(org, serviceAccountId)}/credentials`;
    return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
  }

  async organizations() {
    const res = await this.request.get('/api/organizations', { headers: this.auth });
    return this.parse('GET /organizations', res, 200, OrganizationListSchema);
  }

  async listServiceAccounts(org: Org, params: { limit?: number; after?: string; before?: string } = {}) {
    const res = await this.request.get(this.saPath(org), {
      headers: this.auth,
      params: { ...params, 'expand[]': 'permissions' },
    });
    return this.parse('GET service-accounts', res, 200, ServiceAccountListSchema);
  }

  async getServiceAccount(org: Org, id: string) {
    const res = await this.request.get(this.saPath(org, id), { headers: this.auth, params: { 'expand[]': 'permissions' } });
    return this.parse('GET service-account', res, 200, ServiceAccountSchema);
  }

  async createServiceAccount(org: Org, body: Partial<ServiceAccountCreate> = {}) {
    const data = { name: uniqueName('e2e sa'), ...body };
    const res = await this.request.post(this.saPath(org), { headers: this.auth, data });
    const serviceAccount = await this.parse('POST service-accounts', res, 201, ServiceAccountSchema);
    this.created.push({ org, id: serviceAccount.id, token: this.token });
    return serviceAccount;
  }

  async updateServiceAccount(org: Org, id: string, body: ServiceAccountUpdate) {
    const res = await this.request.patch(this.saPath(org, id), { headers: this.auth, data: body });
    return this.parse('PATCH service-account', res, 200, ServiceAccountSchema);
  }

  async deleteServiceAccount(org: Org, id: string) {
    const res = await this.request.delete(this.saPath(org, id), { headers: this.auth });
    await this.expectStatus('DELETE service-account', res, 204);
  }

  async listCredentials(org: Org, serviceAccountId: string, params: { limit?: number; after?: string; before?: string } = {}) {
    const res = await this.request.get(this.credPath(org, serviceAccountId), {
      headers: this.auth,
      params: { ...params, 'expand[]': 'permissions' },
    });
    return this.parse('GET credentials', res, 200, CredentialListSchema);
  }

  async getCredential(org: Org, serviceAccountId: string, id: string) {
    const res = await this.request.get(this.credPath(org, serviceAccountId, id), {
      headers: this.auth,
      params: { 'expand[]': 'permissions' },
    });
    return this.parse('GET credential', res, 200, CredentialSchema);
  }

  /** Creates a credential; the answer is the only place its `client_secret` ever appears. */
  async createCredential(org: Org, serviceAccountId: string, body: Partial<CredentialCreate> = {}) {
    const data = { name: uniqueName('e2e credential'), ...body };
    const res = await this.request.post(this.credPath(org, serviceAccountId), { headers: this.auth, data });
    return this.parse('POST credentials', res, 201, CredentialCreatedSchema);
  }

  async updateCredential(org: Org, serviceAccountId: string, id: string, body: CredentialUpdate) {
    const res = await this.request.patch(this.credPath(org, serviceAccountId, id), { headers: this.auth, data: body });
    return this.parse('PATCH credential', res, 200, CredentialSchema);
  }

  async deleteCredential(org: Org, serviceAccountId: string, id: string) {
    const res = await this.request.delete(this.credPath(org, serviceAccountId, id), { headers: this.auth });
    await this.expectStatus('DELETE credential', res, 204);
  }

  /**
   * What a real client does with a credential: the client-credentials grant
   * at POST /api/service-account-token. A 200 counts as a use (sets
   * `last_used_at`). Returns the status and, on success, the parsed token.
   */
  async exchangeToken(clientId: string, clientSecret: string) {
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const res = await this.request.post('/api/service-account-token', {
      headers: { Authorization: `Basic ${basic}` },
      form: { grant_type: 'client_credentials' },
    });
    const status = res.status();
    const token = status === 200 ? TokenResponseSchema.parse(await res.json()) : undefined;
    return { status, token, body: token ? undefined : await res.text() };
  }

  /** Deletes what createServiceAccount made (with its credentials); gone already is fine. */
  async cleanUp(): Promise<void> {
    for (const { org, id, token } of this.created.splice(0).reverse()) {
      const owner = this.as({ token });
      const res = await owner.request.delete(owner.saPath(org, id), { headers: owner.auth });
      if (![204, 404].includes(res.status())) {
        console.warn(`cleanup: DELETE service account ${id} answered ${res.status()}`);
      }
    }
  }
}

// ---------- fixtures ----------

type Fixtures = {
  /** `test.use({ signedInAs: 'vera' })`: every page of the test starts with that person's token stored. */
  signedInAs: DemoPerson | undefined;
  /** The API as Ada (org_admin in acme); `api.as('oscar')` for someone else. */
  api: Api;
};

export const test = base.extend<Fixtures>({
  signedInAs: [undefined, { option: true }],

  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await use(page);
    if (errors.length > 0) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
  },

  storageState: async ({ signedInAs, storageState, baseURL }, use) => {
    if (!signedInAs || !baseURL) return use(storageState);
    await use(sessionStorageState(baseURL, signedInAs));
  },

  api: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL });
    const api = new Api(request, DEMO_PEOPLE.ada.token);
    await use(api);
    await api.cleanUp();
    await request.dispose();
  },
});
