import type { ReactNode } from 'react';

/**
 * The one "this does not exist" page (unknown routes, organizations, service accounts and
 * credentials look the same), always with a way back.
 */
export function NotFoundState({
  title,
  message,
  action,
  children,
}: {
  title: string;
  message?: ReactNode;
  /** The way back, e.g. a link to the list the thing would have been in. */
  action: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <p className="not-found__code muted">Not found (404)</p>
      <h1 id="not-found-title" className="not-found__title">
        {title}
      </h1>
      {message && <p className="not-found__message">{message}</p>}
      {children}
      <p className="not-found__action">{action}</p>
    </section>
  );
}
