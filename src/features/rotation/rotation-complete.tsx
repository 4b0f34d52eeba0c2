import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Credential } from '../../api/schemas';
import { parseRotationMarker } from '../../lib/rotation';

export interface RotationCompleteProps {
  replacement: Credential;
  replacementPath: string;
  accountLink: ReactNode;
}

/** The old credential is gone and its replacement exists. */
export function RotationComplete({ replacement, replacementPath, accountLink }: RotationCompleteProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The revoke dialog that led here has just vanished: give focus a sensible place to land.
  useEffect(() => headingRef.current?.focus(), []);
  const oldClientId = parseRotationMarker(replacement.description)?.clientId;
  return (
    <section className="page rotation-page" aria-labelledby="rotation-complete-title">
      <h1 id="rotation-complete-title" ref={headingRef} tabIndex={-1}>
        Rotation complete
      </h1>
      <p>
        The old credential{oldClientId && <> (<code className="mono">{oldClientId}</code>)</>} has been revoked: it
        can no longer get tokens. <strong>{replacement.name}</strong> (
        <code className="mono">{replacement.client_id}</code>) replaces it.
      </p>
      <p className="toolbar">
        <Link to={replacementPath}>View the new credential</Link>
        <span>Back to {accountLink}</span>
      </p>
    </section>
  );
}
