import { useCallback, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CredentialCreated } from '../../api/schemas';

/**
 * Holds a create response, the only copy of a client secret, while its dialog shows it.
 *
 * The owner should `reset()` its create mutation as soon as it has handed the response to
 * `show`, so the mutation never keeps it; from then on this hook's state is the one place it lives.
 *
 * `drop` renders twice on purpose. React keeps every component's previous props and hook state on
 * the fiber's alternate, so after one render without the secret the alternate still references it,
 * and would until the owner happens to render again (which may be never). The second render
 * overwrites the alternate, so the secret is garbage as soon as the dialog closes. Call `drop`
 * from an event handler (a dialog's close), as flushSync requires.
 */
export function useOneTimeSecret() {
  const [created, setCreated] = useState<CredentialCreated | null>(null);
  const [, overwritePreviousRender] = useReducer((n: number) => n + 1, 0);
  const drop = useCallback(() => {
    flushSync(() => setCreated(null));
    overwritePreviousRender();
  }, []);
  return { created, show: setCreated, drop };
}
