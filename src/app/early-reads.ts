// The reads the boot script (src/boot.ts) sends for the URL the console opens on: the same requests
// page-data.ts then starts through TanStack Query (the shell's organizations, the organization, the
// page's own data), which claim these answers instead of asking again (api/early-responses.ts).
// early-reads.test.ts checks the two agree. Free of zod, TanStack Query and React.
import { readRequests } from '../api/read-requests';
import type { ApiGet } from '../api/request-url';
import { listParams, listQuery, parseListSearch } from '../features/service-accounts/list-search';
import type { PageName } from './page-match';

export interface MatchedPage {
  name: PageName;
  params: Readonly<Partial<Record<string, string>>>;
}

/**
 * `extensions`: what the page says the server offers (undefined when it does not say; then a read
 * that depends on them is left to the page). Pages whose first reads need more than this (the
 * review, the activity) start them from the entry, as before.
 */
export function earlyReads(page: MatchedPage, search: URLSearchParams, extensions: readonly string[] | undefined): ApiGet[] {
  // Without a session the guard redirects to sign-in; a request would only 401.
  if (page.name === 'signIn') return [];
  const { org, serviceAccountId = '', credentialId = '' } = page.params;
  const reads = [readRequests.organizations()];
  if (org === undefined) return reads;
  reads.push(readRequests.organization(org));
  switch (page.name) {
    case 'serviceAccounts': {
      if (!extensions) break;
      const list = parseListSearch(search);
      reads.push(
        extensions.includes('service_account_query')
          ? readRequests.queriedServiceAccounts(org, listParams(list), listQuery(list))
          : readRequests.serviceAccounts(org, listParams(list)),
      );
      break;
    }
    case 'serviceAccount':
      reads.push(readRequests.serviceAccount(org, serviceAccountId));
      break;
    case 'credential':
    case 'rotateCredential':
      reads.push(readRequests.serviceAccount(org, serviceAccountId), readRequests.credential(org, serviceAccountId, credentialId));
      break;
  }
  return reads;
}
