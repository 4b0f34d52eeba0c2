import { useEffect, useRef } from 'react';
import type { Path } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import {
  cancelPendingSessionEnd,
  completePendingSessionEnd,
  pendingSessionEndKind,
  registerLeaveGuard,
} from '../../lib/leave-guard';
import { useNavigationBlocker } from '../../lib/navigation-router';

export type SecretLeaveGuardProps = {
  /** True while the secret is on screen and not yet confirmed as stored. */
  active: boolean;
  credentialName: string;
};

const moves = (from: Path, to: Path) => from.pathname !== to.pathname || from.search !== to.search;

/**
 * Every way out of a page holding an unstored one-time secret asks first: Back and Forward,
 * links, the organization switcher (the navigation's blocker), sign-out and a 401 (which go
 * through the leave guard, see lib/leave-guard), and reload or closing the tab (the browser's
 * own beforeunload prompt, the only one a page may show then).
 */
export function SecretLeaveGuard({ active, credentialName }: SecretLeaveGuardProps) {
  const blocker = useNavigationBlocker(({ currentLocation, nextLocation }) => active && moves(currentLocation, nextLocation));
  // Once the person chose to stay after their session ended, a later 401 (a poll) does not ask again.
  const stayedAfterExpiry = useRef(false);
  const blocked = blocker !== null;
  const sessionEnd = blocked ? pendingSessionEndKind() : null;

  useEffect(() => {
    if (!active) return;
    const release = registerLeaveGuard();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      release();
    };
  }, [active]);

  useEffect(() => {
    if (!blocked) return;
    if (!active || (sessionEnd === 'expired' && stayedAfterExpiry.current)) {
      cancelPendingSessionEnd();
      blocker?.reset();
    }
  }, [active, blocked, blocker, sessionEnd]);

  function stay() {
    if (sessionEnd === 'expired') stayedAfterExpiry.current = true;
    cancelPendingSessionEnd();
    blocker?.reset();
  }

  function leave() {
    // A session end is finished by forgetting the session: the route guard then goes to sign-in.
    if (completePendingSessionEnd()) blocker?.reset();
    else blocker?.proceed();
  }

  const texts =
    sessionEnd === 'expired'
      ? {
          title: 'Your session has ended',
          body: 'Signing in again means leaving this page.',
          confirm: 'Leave and sign in',
        }
      : sessionEnd === 'signed-out'
        ? { title: 'Sign out without storing the secret?', body: 'Signing out leaves this page.', confirm: 'Sign out anyway' }
        : { title: 'Leave without storing the secret?', body: 'Leaving this page closes the dialog.', confirm: 'Leave anyway' };

  return (
    <ConfirmDialog
      open={blocked && active}
      title={texts.title}
      confirmLabel={texts.confirm}
      cancelLabel="Stay"
      onConfirm={leave}
      onCancel={stay}
    >
      <p>
        {texts.body} The client secret of <strong>{credentialName}</strong> is shown only in this dialog: once it is
        closed, nobody can see it again and clients would need a new credential.
      </p>
    </ConfirmDialog>
  );
}
