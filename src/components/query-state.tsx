import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Button } from './button';
import { QueryErrorState } from './error-state';
import { NotFoundState } from './not-found-state';

/** The part of a TanStack Query result that QueryState reads. */
export interface QueryStateQuery<T> {
  data: T | undefined;
  error: ApiError | null;
  isFetching: boolean;
  refetch: () => unknown;
}

export type QueryStateProps<T> = {
  query: QueryStateQuery<T>;
  /** Shown while the first load runs (a skeleton). */
  pending: ReactNode;
  /** What failed, e.g. "Could not load the credential". */
  errorTitle: string;
  /**
   * `block`: the ErrorState panel with a Retry (a page or a list). `inline`: one line with a
   * Retry, inside a card that has its own heading.
   */
  errorLook?: 'block' | 'inline';
  /** When the API answers 404: the one not-found look (NotFoundState), with its way back. */
  notFound?: { title: string; message: ReactNode; action: ReactNode };
  /** Wraps the pending and error views, e.g. in the page with its breadcrumbs (data and not-found bring their own). */
  frame?: (content: ReactNode) => ReactNode;
  /** Replaces the error view for errors a page explains better itself; return undefined for the default. */
  renderError?: (error: ApiError) => ReactNode;
  children: (data: T) => ReactNode;
};

/**
 * The one way to show a query's state. Data comes first: once something was loaded, a failed
 * background refetch keeps it on screen (the query client toasts that failure once), so only a
 * first load shows its error or not-found.
 */
export function QueryState<T>({
  query,
  pending,
  errorTitle,
  errorLook = 'block',
  notFound,
  frame = (content) => content,
  renderError,
  children,
}: QueryStateProps<T>) {
  if (query.data !== undefined) return children(query.data);
  if (!query.error) return frame(pending);
  if (notFound && query.error.status === 404) return <NotFoundState {...notFound} />;
  const custom = renderError?.(query.error);
  if (custom !== undefined) return frame(custom);
  if (errorLook === 'inline') {
    return frame(
      <p className="query-state__inline" role="alert">
        {errorTitle}.{' '}
        <Button size="sm" variant="ghost" onClick={() => void query.refetch()} loading={query.isFetching}>
          Retry
        </Button>
      </p>,
    );
  }
  return frame(<QueryErrorState title={errorTitle} query={query} />);
}
