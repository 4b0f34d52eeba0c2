// The console's navigation: react-router's declarative <Router> over this store (navigation-router.tsx)
// instead of its data router, which was ~18 KB gzip of the first page's JavaScript and ~8 ms of
// main-thread work before the first row (issue 13). The store keeps the two things the console
// took from the data router: a page is shown once its code has loaded (the old page stays, with a
// progress bar, meanwhile), and a navigation can be blocked until the person decides (the one-time
// secret's leave guard), Back and Forward included.
import type { Location, NavigateOptions, Navigator, NavigationType, Path, To, UNSAFE_createBrowserHistory } from 'react-router';

export type NavigationHistory = ReturnType<typeof UNSAFE_createBrowserHistory>;

/** Whether leaving `currentLocation` for `nextLocation` must be asked first. */
export type NavigationBlocker = (transition: { currentLocation: Location; nextLocation: Path }) => boolean;

export type BlockedNavigation = {
  /** Carries out the navigation that was stopped. */
  proceed: () => void;
  /** Forgets it: the person stays. */
  reset: () => void;
};

export type NavigationState = {
  location: Location;
  action: NavigationType;
  /** The next page's code is loading; the current page stays until it has. */
  pending: boolean;
  /** A navigation the blocker stopped, until `proceed` or `reset`. */
  blocked: BlockedNavigation | null;
  /** The navigation asked to keep the scroll position (a filter or page change). */
  preventScrollReset: boolean;
};

/**
 * What must be ready before `next` is shown: a promise to wait for, or nothing. Also the place to
 * start the next page's requests, so they run while its code loads.
 */
export type PrepareNavigation = (next: Path, previous: Path | null) => Promise<unknown> | undefined;

export type NavigationStore = ReturnType<typeof createNavigationStore>;

export function createNavigationStore(history: NavigationHistory, prepare: PrepareNavigation = () => undefined) {
  let state: NavigationState = {
    location: history.location,
    action: history.action,
    pending: false,
    blocked: null,
    preventScrollReset: false,
  };
  const listeners = new Set<() => void>();
  let blocker: NavigationBlocker | null = null;
  // Only the newest navigation is carried out once its page is ready; an older one is dropped.
  let latest = 0;
  // The Back/Forward that puts the URL back after a blocked one must not count as a navigation...
  let undoingPop = false;
  // ...and the one that carries it out after "leave" must not be asked about again.
  let allowedPop = false;
  let preventScrollReset = false;

  function update(patch: Partial<NavigationState>) {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }

  const isBlocked = (next: Path) => blocker !== null && blocker({ currentLocation: state.location, nextLocation: next });

  function block(proceed: () => void) {
    update({
      blocked: {
        proceed: () => {
          update({ blocked: null });
          proceed();
        },
        reset: () => update({ blocked: null }),
      },
    });
  }

  async function whenReady(next: Path, show: () => void) {
    const id = ++latest;
    const wait = prepare(next, state.location);
    if (wait) {
      update({ pending: true });
      // A page whose code failed to load is shown anyway: its route's error boundary says why.
      await wait.catch(() => undefined);
      if (id !== latest) return;
    }
    show();
  }

  function go(kind: 'push' | 'replace', to: To, historyState?: unknown, options?: NavigateOptions) {
    const next = history.encodeLocation(to);
    const carryOut = () =>
      void whenReady(next, () => {
        preventScrollReset = options?.preventScrollReset === true;
        history[kind](to, historyState);
      });
    if (isBlocked(next)) block(carryOut);
    else carryOut();
  }

  history.listen(({ action, location, delta }) => {
    if (action !== 'POP') {
      update({ location, action, pending: false, preventScrollReset });
      preventScrollReset = false;
      return;
    }
    if (undoingPop) {
      undoingPop = false;
      return;
    }
    // The browser has already moved: put it back, and move again if the person chooses to leave.
    if (!allowedPop && delta && isBlocked(location)) {
      undoingPop = true;
      history.go(-delta);
      block(() => {
        allowedPop = true;
        history.go(delta);
      });
      return;
    }
    allowedPop = false;
    void whenReady(location, () => update({ location, action, pending: false, preventScrollReset: false }));
  });

  const navigator: Navigator = {
    createHref: history.createHref,
    createURL: history.createURL,
    encodeLocation: history.encodeLocation,
    go: history.go,
    push: (to, historyState, options) => go('push', to, historyState, options),
    replace: (to, historyState, options) => go('replace', to, historyState, options),
  };

  return {
    navigator,
    get state() {
      return state;
    },
    /** For useSyncExternalStore. */
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Navigates as a link would: `to` with `replace` for a redirect. A number goes back or forward. */
    navigate(to: To | number, options: { replace?: boolean } = {}) {
      if (typeof to === 'number') history.go(to);
      else go(options.replace ? 'replace' : 'push', to);
    },
    /** One blocker at a time (the page on screen's); returns its removal. */
    setBlocker(next: NavigationBlocker) {
      blocker = next;
      return () => {
        if (blocker !== next) return;
        blocker = null;
        if (state.blocked) update({ blocked: null });
      };
    },
  };
}
