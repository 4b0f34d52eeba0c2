import { Component, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { Button } from '../components/button';
import { useDocumentTitle } from '../components/use-document-title';
import { NotFoundPage } from './not-found';

function isStaleChunkError(error: unknown): boolean {
  // After a deploy, the old index.html asks for chunks that no longer exist.
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

type CatchErrorsProps = { resetKey: string; fallback: (error: unknown) => ReactNode; children: ReactNode };
type CatchErrorsState = { caught: { error: unknown } | null; resetKey: string };

/** React's error boundary; a new `resetKey` (the next navigation) tries the children again. */
class CatchErrors extends Component<CatchErrorsProps, CatchErrorsState> {
  state: CatchErrorsState = { caught: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<CatchErrorsState> {
    return { caught: { error } };
  }

  static getDerivedStateFromProps(props: CatchErrorsProps, state: CatchErrorsState): Partial<CatchErrorsState> | null {
    return props.resetKey === state.resetKey ? null : { caught: null, resetKey: props.resetKey };
  }

  render() {
    return this.state.caught ? this.props.fallback(this.state.caught.error) : this.props.children;
  }
}

/**
 * Around the pages (its children, or the route's <Outlet />): a page that fails to render or to
 * load shows why instead, until the next navigation. `inMain` for the outermost one, above the
 * layout's <main>.
 */
export function RouteErrorBoundary({ children, inMain = false }: { children?: ReactNode; inMain?: boolean }) {
  const { key } = useLocation();
  const fallback = (error: unknown) =>
    inMain ? (
      <main className="app-main">
        <RouteError error={error} />
      </main>
    ) : (
      <RouteError error={error} />
    );
  return (
    <CatchErrors resetKey={key} fallback={fallback}>
      {children ?? <Outlet />}
    </CatchErrors>
  );
}

/** What a failed page shows: not-found, stale deploy, or an unexpected failure. */
function RouteError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404) {
    return <NotFoundPage />;
  }
  if (isStaleChunkError(error)) {
    return (
      <ErrorPanel
        title="The console was updated"
        message="Part of the page could not be loaded because a newer version is available. Reload to continue."
      />
    );
  }
  // ApiError messages are written for people (the server never leaks internals);
  // anything else is a bug, so show a generic message rather than an internal one.
  const message =
    error instanceof ApiError
      ? error.message
      : 'An unexpected error occurred. Reloading the page usually helps; if it keeps happening, report it.';
  return (
    <ErrorPanel
      title="Something went wrong"
      message={message}
      requestId={error instanceof ApiError ? error.requestId : undefined}
      detail={import.meta.env.DEV && error instanceof Error && !(error instanceof ApiError) ? error.stack : undefined}
    />
  );
}

function ErrorPanel({
  title,
  message,
  requestId,
  detail,
}: {
  title: string;
  message: string;
  requestId?: string;
  detail?: string;
}) {
  useDocumentTitle(title);
  return (
    <section className="route-error" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{title}</h1>
      <p>{message}</p>
      {requestId && (
        <p className="muted">
          Request ID: <code>{requestId}</code>
        </p>
      )}
      <div className="toolbar">
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
        <Link to="/">Go to the start page</Link>
      </div>
      {detail && <pre>{detail}</pre>}
    </section>
  );
}
