// Changing the list's state: back into the URL, and the next sort. Only the list page does this;
// reading the state (list-search.ts) is also the boot script's, in the first page's few KB.
import { DEFAULT_PAGE_SIZE, type ListSearch, type ListSort } from './list-search';

/** Only non-default values are written, to keep URLs short. */
export function toSearchParams(search: Partial<ListSearch>): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.limit && search.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(search.limit));
  if (search.sort) params.set('sort', search.sort);
  if (search.dir) params.set('dir', search.dir);
  if (search.after) params.set('after', search.after);
  else if (search.before) params.set('before', search.before);
  return params;
}

/** A column's sort button: the same column flips direction; another starts A→Z / oldest first (newest first for dates). */
export function toggleListSort(search: ListSearch, sort: ListSort): Pick<ListSearch, 'sort' | 'dir'> {
  const current = search.sort ?? 'created_at';
  const dir = search.dir ?? 'desc';
  if (current === sort) return { sort, dir: dir === 'asc' ? 'desc' : 'asc' };
  return { sort, dir: sort === 'name' ? 'asc' : 'desc' };
}
