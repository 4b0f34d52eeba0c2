// While something on screen cannot be recovered once the page is left (a one-time client
// secret), leaving is asked first by the navigation's blocker. Ending the session would
// unmount the page without a navigation to block, so the two ways the app ends a session
// (sign-out, a 401) go through here: with no guard up they end it at once, as before; with
// one up they only navigate, and the guard ends the session if the person chooses to leave.

let guards = 0;
export type SessionEndKind = 'signed-out' | 'expired';

let pendingSessionEnd: { kind: SessionEndKind; end: () => void } | null = null;

/** Marks the page as guarded until the returned function is called. */
export function registerLeaveGuard(): () => void {
  guards += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    guards -= 1;
    if (guards === 0) pendingSessionEnd = null;
  };
}

export function isLeaveGuarded(): boolean {
  return guards > 0;
}

/**
 * `end` forgets the session; `leave` navigates to sign-in. Unguarded: both, now. Guarded: only
 * `leave`, which the guard blocks; `end` waits for the guard's decision.
 */
export function requestSessionEnd(kind: SessionEndKind, end: () => void, leave: () => void) {
  if (guards === 0) {
    end();
    leave();
    return;
  }
  pendingSessionEnd = { kind, end };
  leave();
}

/** Whether the navigation the guard is asking about ends the session, and why. */
export function pendingSessionEndKind(): SessionEndKind | null {
  return pendingSessionEnd?.kind ?? null;
}

/** The person chose to leave: end the session now (the route guard then goes to sign-in). */
export function completePendingSessionEnd(): boolean {
  const pending = pendingSessionEnd;
  pendingSessionEnd = null;
  pending?.end();
  return pending !== null;
}

/** The person chose to stay: the session goes on. */
export function cancelPendingSessionEnd() {
  pendingSessionEnd = null;
}
