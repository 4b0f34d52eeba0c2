import { useId } from 'react';
import type { ReactNode } from 'react';
import { Button } from './button';

export const PAGE_SIZE_OPTIONS = [10, 25, 50, 100] as const;

export type PaginationProps = {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
  pageSizeOptions?: readonly number[];
  /** e.g. "25 service accounts on this page" */
  summary?: ReactNode;
  /** Names the navigation landmark, e.g. "Service accounts pages". */
  label?: string;
  /** While the next page loads, keep the controls but mark them busy. */
  busy?: boolean;
};

/** Cursor pagination: previous/next only, because keyset cursors have no page numbers. */
export function Pagination({
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  pageSize,
  onPageSizeChange,
  pageSizeOptions = PAGE_SIZE_OPTIONS,
  summary,
  label = 'Pagination',
  busy = false,
}: PaginationProps) {
  const selectId = useId();
  const options = pageSizeOptions.includes(pageSize)
    ? pageSizeOptions
    : [...pageSizeOptions, pageSize].sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={label}>
      <div className="pagination__summary" aria-live="polite">
        {summary}
      </div>
      <div className="pagination__size">
        <label htmlFor={selectId}>Rows per page</label>
        <select
          id={selectId}
          className="select select--sm"
          value={pageSize}
          onChange={(e) => onPageSizeChange(Number(e.target.value))}
        >
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="pagination__buttons">
        <Button size="sm" onClick={onPrevious} aria-disabled={!hasPrevious || busy || undefined}>
          <span aria-hidden="true">‹ </span>Previous
        </Button>
        <Button size="sm" onClick={onNext} aria-disabled={!hasNext || busy || undefined}>
          Next<span aria-hidden="true"> ›</span>
        </Button>
      </div>
    </nav>
  );
}
