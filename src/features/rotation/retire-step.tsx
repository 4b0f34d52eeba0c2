import { useId, useState } from 'react';
import type { Credential } from '../../api/schemas';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-parts';
import { GatedButton } from '../../components/permission-gate';
import { formatDuration } from '../../lib/duration';
import type { RotationState } from '../../lib/rotation';
import { formatRelativeTime, parseTimestamp } from '../../lib/time-format';
import type { Gate } from '../../lib/permissions';

export interface RetireStepProps {
  old: Credential;
  /** The old credential's name, with the end of its client ID when the replacement has the same name. */
  oldName: string;
  state: RotationState;
  now: Date;
  /** service_account_credentials.delete on the old credential. */
  gate: Gate;
  pending: boolean;
  /** Why the last revoke failed; both credentials still exist. */
  error: string | null;
  onRevoke: () => void;
}

function prematureReason(old: Credential, state: RotationState, now: Date): string {
  if (!state.replacementUsed) return 'No client has used the new credential yet.';
  const quiet = `It has been quiet for ${formatDuration(state.quietForMs)} of the ${formatDuration(state.windowMs)} observation window.`;
  if (!state.oldUsedSinceReplacement) return `The old credential has not been used since the replacement was created. ${quiet}`;
  const used = parseTimestamp(old.last_used_at);
  return `The old credential was used ${used ? formatRelativeTime(used, now) : 'recently'}, after the replacement was created. ${quiet}`;
}

/** Revokes (deletes) the old credential: offered plainly once it is safe, behind an explicit acknowledgement before. */
export function RetireStep({ old, oldName, state, now, gate, pending, error, onRevoke }: RetireStepProps) {
  const [acknowledged, setAcknowledged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const checkboxId = useId();
  const safe = state.safeToRevoke;
  const blocked = !safe && !acknowledged;

  return (
    <div className="rotation-retire">
      {safe ? (
        <p className="rotation-safe" role="status">
          <strong>Safe to revoke.</strong> The new credential is in use and the old one has not been used for{' '}
          {formatDuration(state.quietForMs)}: the whole {formatDuration(state.windowMs)} observation window has passed.
        </p>
      ) : (
        <div className="rotation-warning" role="note">
          <p>
            <strong>Revoking now would break clients still using the old credential.</strong>{' '}
            {prematureReason(old, state, now)} Any client still configured with{' '}
            <code className="mono">{old.client_id}</code> will fail to get tokens.
          </p>
          <label className="rotation-checkbox" htmlFor={checkboxId}>
            <input
              id={checkboxId}
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
            />
            I understand that clients still using the old credential will stop working
          </label>
        </div>
      )}
      <FormError>{error}</FormError>
      <div>
        <GatedButton
          variant="danger"
          {...gate}
          aria-disabled={blocked || undefined}
          loading={pending}
          onClick={() => setConfirming(true)}
        >
          {safe ? 'Revoke old credential' : 'Revoke old credential anyway'}
        </GatedButton>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Revoke “${oldName}”?`}
        confirmLabel={error ? 'Try again' : 'Revoke'}
        pending={pending}
        error={error}
        onConfirm={onRevoke}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The credential <code className="mono">{old.client_id}</code> will be deleted. Clients using it can no longer
          get tokens. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
