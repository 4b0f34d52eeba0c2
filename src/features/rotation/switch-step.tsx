import type { Credential } from '../../api/schemas';
import { RelativeTime } from '../../components/relative-time';
import { LAST_USED_EXPLANATION } from '../../lib/credential-status';
import type { RotationState } from '../../lib/rotation';
import { formatRelativeTime, parseTimestamp } from '../../lib/time-format';
import { ROTATION_POLL_MS } from './use-rotation';

export function usageSummary(old: Credential, replacement: Credential, now: Date): string {
  const describe = (c: Credential) => {
    const used = parseTimestamp(c.last_used_at);
    return used ? `used ${formatRelativeTime(used, now)}` : 'never used';
  };
  return `old: ${describe(old)} · new: ${describe(replacement)}`;
}

const STAGE_MESSAGES: Record<RotationState['stage'], string> = {
  'not-started': '',
  'awaiting-replacement-use':
    'Waiting for a client to use the new credential. Configure your clients with the new client ID and secret.',
  'clients-switching':
    'The new credential is in use, but the old one has been used since the replacement was created: some clients have not switched yet.',
  'safe-to-revoke':
    'The new credential is in use and the old one has not been used since the replacement was created.',
  completed: '',
};

export interface SwitchStepProps {
  old: Credential;
  replacement: Credential;
  state: RotationState;
  now: Date;
  /** When the credentials were last read from the API (ms since the epoch). */
  checkedAt: number;
}

/** Old and new side by side, refreshed while this step is open, so the person sees clients move over. */
export function SwitchStep({ old, replacement, state, now, checkedAt }: SwitchStepProps) {
  return (
    <div className="rotation-switch">
      <p>
        Update every client that uses <code className="mono">{old.client_id}</code> to the new client ID and secret.
        You can leave this page and come back: the service account page shows that this rotation is in progress.
      </p>
      <div className="rotation-compare">
        <CredentialCard heading="Old credential" credential={old} />
        <CredentialCard heading="New credential" credential={replacement} />
      </div>
      <p className="rotation-summary" role="status" aria-live="polite">
        <strong>{usageSummary(old, replacement, now)}</strong>
        <span> — {STAGE_MESSAGES[state.stage]}</span>
      </p>
      <p className="muted rotation-note">
        Checks every {ROTATION_POLL_MS / 1000} seconds; last checked <RelativeTime date={new Date(checkedAt)} />.{' '}
        {LAST_USED_EXPLANATION}
      </p>
    </div>
  );
}

function CredentialCard({ heading, credential }: { heading: string; credential: Credential }) {
  return (
    <section className="card rotation-card" aria-label={heading}>
      <h3 className="card__header">{heading}</h3>
      <dl className="details card__body">
        <dt>Name</dt>
        <dd>{credential.name}</dd>
        <dt>Client ID</dt>
        <dd>
          <code className="mono">{credential.client_id}</code>
        </dd>
        <dt>Created</dt>
        <dd>
          <RelativeTime date={credential.created_at} />
        </dd>
        <dt>Last used</dt>
        <dd>
          <RelativeTime date={credential.last_used_at} never="Never used" />
        </dd>
      </dl>
    </section>
  );
}
