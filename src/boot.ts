// The console's first script: index.html loads it before the entry, and it is a few KB. For the
// URL the console opens on, it sends the page's reads while the entry (React, the router, ~400 KB)
// is still downloading and evaluating, so that the data's round trip overlaps them (issue 13). The
// entry's requests then claim these answers (api/early-responses.ts). The page's chunk is preloaded
// by the entry (early-start.ts): it arrives before the entry has evaluated all the same.
import { readEmbeddedCapabilities } from './api/embedded-capabilities';
import { sendEarlyRequest } from './api/early-responses';
import { readUrl } from './api/request-url';
import { readStoredToken } from './api/session-storage';
import { earlyReads } from './app/early-reads';
import { matchPage } from './app/page-match';

const page = matchPage(window.location.pathname);
if (page) {
  const token = readStoredToken();
  if (token) {
    const search = new URLSearchParams(window.location.search);
    for (const read of earlyReads(page, search, readEmbeddedCapabilities())) {
      sendEarlyRequest(readUrl(read), token);
    }
  }
}

