import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for the new page's heading (pages show skeletons until their data arrives). */
const HEADING_WAIT_MS = 5000;

/**
 * After a page change (a new path; filters and paging only change the query string), moves
 * focus to the new page's <h1> and announces it, so keyboard and screen-reader users start at
 * the top of the new page instead of on <body>. Leaves focus alone when the person has already
 * moved it, or a dialog is open. The first page of a visit is left to the browser.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const first = previous.current === null;
    const changed = previous.current !== pathname;
    previous.current = pathname;
    if (first || !changed) return;

    const focusedAtNavigation = document.activeElement;
    const deadline = performance.now() + HEADING_WAIT_MS;
    let frame = 0;
    const attempt = () => {
      const heading = document.querySelector<HTMLElement>('main h1, .sign-in h1, h1');
      const active = document.activeElement;
      const untouched = !active || active === document.body || active === focusedAtNavigation || !active.isConnected;
      if (!untouched || document.querySelector('dialog[open]')) return;
      if (!heading) {
        if (performance.now() < deadline) frame = requestAnimationFrame(attempt);
        return;
      }
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      // Not scrolled to: the page is where ScrollRestoration put it (Back returns to the position).
      heading.focus({ preventScroll: true });
      setAnnouncement(heading.textContent ?? document.title);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
      {announcement}
    </div>
  );
}
