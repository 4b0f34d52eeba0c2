import type { ReactNode } from 'react';

/** A page-level "this does not exist" message with a way back. */
export function NotFoundState({ title, message, action }: { title: string; message?: ReactNode; action?: ReactNode }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <p className="muted">404</p>
      <h1 id="not-found-title">{title}</h1>
      {message && <p>{message}</p>}
      {action}
    </section>
  );
}
