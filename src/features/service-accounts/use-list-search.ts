import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseListSearch, toSearchParams } from './list-search';
import type { ListSearch } from './list-search';

/** The list page's URL state, and navigation helpers that keep it consistent. */
export function useListSearch() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = useMemo(() => parseListSearch(searchParams), [searchParams]);

  const update = useCallback(
    (next: Partial<ListSearch>, options: { replace?: boolean } = {}) => {
      setSearchParams(toSearchParams(next), { replace: options.replace, preventScrollReset: true });
    },
    [setSearchParams],
  );

  return {
    search,
    goToPage: (cursor: { after: string } | { before: string }) => update({ limit: search.limit, q: search.q, ...cursor }),
    firstPage: () => update({ limit: search.limit }),
    setPageSize: (limit: number) => update({ limit }),
    // Typing replaces the history entry rather than adding one per keystroke; cursors reset.
    setQuery: (q: string) => update({ limit: search.limit, q }, { replace: true }),
  };
}
