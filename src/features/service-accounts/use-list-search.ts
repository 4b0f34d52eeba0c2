import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseListSearch } from './list-search';
import { toSearchParams } from './list-search-changes';
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
    goToPage: (cursor: { after: string } | { before: string }) =>
      update({ limit: search.limit, q: search.q, sort: search.sort, dir: search.dir, ...cursor }),
    firstPage: () => update({ limit: search.limit, q: search.q, sort: search.sort, dir: search.dir }),
    setPageSize: (limit: number) => update({ limit, q: search.q, sort: search.sort, dir: search.dir }),
    // Typing replaces the history entry rather than adding one per keystroke; cursors reset.
    setQuery: (q: string) => update({ limit: search.limit, q, sort: search.sort, dir: search.dir }, { replace: true }),
    setSort: (sort: Pick<ListSearch, 'sort' | 'dir'>) => update({ limit: search.limit, q: search.q, ...sort }, { replace: true }),
  };
}
