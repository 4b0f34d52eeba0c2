import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { useNavigationState } from '../lib/navigation-router';
import { safeDecode } from './page-match';

const STORAGE_KEY = 'sac:scroll-positions';
const MAX_SAVED = 100;

/** Scroll position per history entry (location.key), kept over a reload for the session. */
const positions: Record<string, number> = readPositions();
let currentKey = '';

function readPositions(): Record<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    return saved && typeof saved === 'object' ? (saved as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * What the browser does between documents, between the console's pages: Back and Forward return
 * to where the person was on that entry, a new page starts at the top (or at its #fragment), and
 * a filter or page change that asks to (preventScrollReset) keeps the position.
 */
export function ScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const { preventScrollReset } = useNavigationState();

  useEffect(() => {
    const browserRestoration = window.history.scrollRestoration;
    window.history.scrollRestoration = 'manual';
    // Scroll events come a frame late: they are counted for the entry on screen then.
    const record = () => {
      positions[currentKey] = window.scrollY;
    };
    const save = () => {
      try {
        // The latest entries are enough: a long session would otherwise grow this without end.
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(Object.entries(positions).slice(-MAX_SAVED))));
      } catch {
        // Storage full or denied: positions are kept for this document only.
      }
    };
    window.addEventListener('scroll', record, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      window.history.scrollRestoration = browserRestoration;
      window.removeEventListener('scroll', record);
      window.removeEventListener('pagehide', save);
    };
  }, []);

  useLayoutEffect(() => {
    currentKey = location.key;
    const saved = positions[location.key];
    // A fragment link's entry (key "default", see app/start.ts) goes to its fragment instead.
    if (navigationType === 'POP' && saved !== undefined && location.key !== 'default') {
      window.scrollTo(0, saved);
      return;
    }
    const target = location.hash && document.getElementById(safeDecode(location.hash.slice(1)));
    if (target) target.scrollIntoView();
    else if (!preventScrollReset) window.scrollTo(0, 0);
    // Only a new entry moves the page: the flags belong to the navigation that brought it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);

  return null;
}
