import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Button } from './button';

export type ErrorStateProps = {
  title?: string;
  /** The error to describe; its message is shown, plus a request id when it carries one. */
  error?: unknown;
  children?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
};

function describe(error: unknown): { message?: string; requestId?: string } {
  if (!(error instanceof Error)) return {};
  const requestId = (error as { requestId?: unknown }).requestId;
  return { message: error.message, requestId: typeof requestId === 'string' ? requestId : undefined };
}

export function ErrorState({ title = 'Something went wrong', error, children, onRetry, retrying = false }: ErrorStateProps) {
  const { message, requestId } = describe(error);
  return (
    <div className="error-state" role="alert">
      <h2 className="error-state__title">{title}</h2>
      {message && <p className="error-state__message">{message}</p>}
      {children}
      {requestId && (
        <p className="error-state__meta">
          Request ID: <code>{requestId}</code>
        </p>
      )}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      )}
    </div>
  );
}

/** The part of a TanStack Query result that an error with a retry needs. */
export interface RetryableQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** ErrorState for a failed query: its error, and a Retry that refetches it. */
export function QueryErrorState({ query, ...props }: Omit<ErrorStateProps, 'error' | 'onRetry' | 'retrying'> & { query: RetryableQuery }) {
  return <ErrorState {...props} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
}

/**
 * A list page whose link carries a cursor the server no longer accepts (it answers 400): no
 * Retry (it would fail again), a way to the first page instead. Undefined for any other error,
 * so it fits QueryState's renderError.
 */
export function stalePageLinkState(
  error: ApiError,
  hasCursor: boolean,
  restart: { label: string; onClick: () => void },
): ReactNode | undefined {
  if (!hasCursor || error.status !== 400) return undefined;
  return (
    <ErrorState title="This page link is no longer valid" error={error}>
      <Button variant="primary" onClick={restart.onClick}>
        {restart.label}
      </Button>
    </ErrorState>
  );
}
