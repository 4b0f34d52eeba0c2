import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capabilityQueries } from '../api/capabilities';
import { readUrl } from '../api/request-url';
import { earlyReads } from './early-reads';
import { matchPage } from './page-match';
import { pageData, prefetchOrgData, prefetchShellData } from './page-data';

// The boot script's reads must be exactly requests the page then makes (else an early answer is
// wasted and the page asks again), and for the pages it covers, all of them.
let sent: string[];

beforeEach(() => {
  sent = [];
  // Requests stay in flight: only what is asked for matters here.
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Promise<Response>(() => undefined);
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

/** What early-start.ts asks for when the console opens on `url` (the extensions as the page says). */
async function pageRequests(url: string, extensions: readonly string[] | undefined): Promise<string[]> {
  const { pathname, search } = new URL(url, 'http://localhost');
  const page = matchPage(pathname)!;
  const queryClient = new QueryClient();
  if (extensions) queryClient.setQueryData(capabilityQueries.all(), extensions);
  prefetchShellData(queryClient);
  if (page.params.org) prefetchOrgData(queryClient, page.params.org);
  pageData[page.name]?.(queryClient, page.params, new URLSearchParams(search));
  // Some pages load their request code first (the review, the activity).
  await vi.dynamicImportSettled();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return [...sent];
}

function bootRequests(url: string, extensions: readonly string[] | undefined): string[] {
  const { pathname, search } = new URL(url, 'http://localhost');
  return earlyReads(matchPage(pathname)!, new URLSearchParams(search), extensions).map(readUrl);
}

const ALL = ['org_credentials', 'service_account_query', 'usage', 'audit_events'];
const SA = '/orgs/acme/service-accounts/sa_1';

describe('earlyReads', () => {
  it.each([
    ['the list, with the server search', '/orgs/acme/service-accounts', ALL],
    ['a searched, sorted later page', '/orgs/acme/service-accounts?q=deploy&sort=name&dir=asc&limit=50&after=c1', ALL],
    ['the list without the extension', '/orgs/acme/service-accounts?limit=10', []],
    ['a service account', SA, ALL],
    ['a credential', `${SA}/credentials/cred_1`, ALL],
    ['a rotation', `${SA}/credentials/cred_1/rotate`, []],
    ['an id or label that needs escaping', '/orgs/a%20b%2Fc/service-accounts/sa%3F1', ALL],
    ['the home page', '/', ALL],
  ])('sends exactly what %s then asks for', async (_, url, extensions) => {
    const early = bootRequests(url, extensions);
    expect(early.length).toBeGreaterThan(0);
    expect(new Set(early)).toEqual(new Set(await pageRequests(url, extensions)));
  });

  it.each([
    ['the list before discovery has answered', '/orgs/acme/service-accounts', undefined],
    ['the review', '/orgs/acme/credentials', ALL],
    ['the activity', '/orgs/acme/activity', ALL],
    ['finding a credential', '/orgs/acme/find-credential', ALL],
  ])('sends only requests %s asks for (the rest is its own)', async (_, url, extensions) => {
    const early = bootRequests(url, extensions);
    const page = await pageRequests(url, extensions);
    expect(early.length).toBeGreaterThan(0);
    for (const request of early) expect(page).toContain(request);
  });

  it('sends nothing for the sign-in page', () => {
    expect(bootRequests('/sign-in', ALL)).toEqual([]);
  });
});
