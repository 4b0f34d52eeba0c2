// The one loop that reads every page of a keyset-paged list. Each page's cursor leads to the
// next; a cursor seen before would loop forever, so the walk stops there rather than trust it
// (and at `maxPages` where a caller wants a hard cap as well).
import type { PageInfo } from './schemas';

export interface WalkOptions {
  /** Stop after this many pages even if the server says there are more. */
  maxPages?: number;
  /** Checked before and after each request, so an abort stops the walk between pages. */
  signal?: AbortSignal;
}

/** Yields every page, first to last: `fetchPage(undefined)`, then `fetchPage(end_cursor)`, … */
export async function* walkPages<P extends { page_info: Pick<PageInfo, 'has_next_page' | 'end_cursor'> }>(
  fetchPage: (after: string | undefined) => Promise<P>,
  { maxPages = Number.POSITIVE_INFINITY, signal }: WalkOptions = {},
): AsyncGenerator<P, void, undefined> {
  const seen = new Set<string>();
  let after: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    signal?.throwIfAborted();
    const page = await fetchPage(after);
    signal?.throwIfAborted();
    yield page;
    const next = page.page_info.end_cursor;
    if (!page.page_info.has_next_page || !next || seen.has(next)) return;
    seen.add(next);
    after = next;
  }
}
