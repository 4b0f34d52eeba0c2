import type { ReactNode } from 'react';
import type { Credential } from '../../api/schemas';
import { RelativeTime } from '../../components/relative-time';
import { LAST_USED_EXPLANATION } from '../../lib/credential-status';
import { formatDuration } from '../../lib/duration';
import type { RotationState } from '../../lib/rotation';
import { formatRelativeTime, parseTimestamp } from '../../lib/time-format';
import { RotationRoleBadge } from '../credentials';
import { ROTATION_POLL_MS } from './use-rotation';

export function usageSummary(old: Credential, replacement: Credential, now: Date): string {
  const describe = (c: Credential) => {
    const used = parseTimestamp(c.last_used_at);
    return used ? `used ${formatRelativeTime(used, now)}` : 'never used';
  };
  return `old: ${describe(old)} · new: ${describe(replacement)}`;
}

/** What the person should know now, in one sentence; it changes only when the stage does (a live region). */
export function stageMessage(state: RotationState): string {
  switch (state.stage) {
    case 'awaiting-replacement-use':
      return 'Waiting for a client to use the new credential. Configure your clients with the new client ID and secret.';
    case 'observing':
      return state.oldUsedSinceReplacement
        ? 'The new credential is in use, but the old one has been used since the replacement was created: some clients have not switched yet, or have only just switched.'
        : 'The new credential is in use. Waiting for the old one to stay unused for the whole observation window.';
    case 'safe-to-revoke':
      return 'The new credential is in use and the old one has stayed unused for the whole observation window.';
    default:
      return '';
  }
}

/** "old credential quiet for 2 h 10 min of the 24 h window", and what that means. */
export function countdownText(state: RotationState, now: Date): string {
  const quiet = `Old credential quiet for ${formatDuration(state.quietForMs)} of the ${formatDuration(state.windowMs)} window`;
  const since = state.oldUsedSinceReplacement ? 'since its last use' : 'since the replacement was created';
  if (state.safeToRevoke) return `${quiet} (${since}): the window has passed.`;
  const left = state.windowEndsAt ? formatDuration(state.windowEndsAt.getTime() - now.getTime()) : null;
  const whenUsed = state.replacementUsed
    ? `safe to revoke in ${left} if it stays unused`
    : `the window ends in ${left}, and the new credential must also be used`;
  return `${quiet} (${since}); ${whenUsed}. A use of the old credential starts the window again.`;
}

export interface SwitchStepProps {
  old: Credential;
  replacement: Credential;
  state: RotationState;
  now: Date;
  /** When the credentials were last read from the API (ms since the epoch). */
  checkedAt: number;
  /** The observation window's control. */
  windowControl: ReactNode;
  /** Uses per hour of both credentials, when the server offers usage history. */
  usage?: ReactNode;
  /** Names that tell the two apart even when they are the same, and each one's page. */
  names: { old: string; replacement: string };
  paths: { old: string; replacement: string };
}

/** Old and new side by side, refreshed while this step is open, so the person sees clients move over. */
export function SwitchStep({ old, replacement, state, now, checkedAt, windowControl, usage, names, paths }: SwitchStepProps) {
  const progress = Math.min(state.quietForMs, state.windowMs);
  return (
    <div className="rotation-switch">
      <p>
        Update every client that uses <code className="mono">{old.client_id}</code> to the new client ID and secret.
        You can leave this page and come back: the service account page shows that this rotation is in progress.
      </p>
      <div className="rotation-compare">
        <CredentialCard
          heading="Old credential"
          credential={old}
          badge={
            <RotationRoleBadge
              role={{ kind: 'being-replaced', partner: replacement }}
              partnerName={names.replacement}
              partnerPath={paths.replacement}
            />
          }
        />
        <CredentialCard
          heading="New credential"
          credential={replacement}
          badge={<RotationRoleBadge role={{ kind: 'replacement', partner: old }} partnerName={names.old} partnerPath={paths.old} />}
        />
      </div>
      {usage}
      <p className="rotation-summary" role="status" aria-live="polite">
        <strong>{usageSummary(old, replacement, now)}</strong>
        <span> — {stageMessage(state)}</span>
      </p>
      {windowControl}
      <div className="rotation-countdown">
        <progress
          className="rotation-countdown__bar"
          max={state.windowMs}
          value={progress}
          aria-label="Quiet time of the old credential"
          aria-valuetext={`${formatDuration(progress)} of ${formatDuration(state.windowMs)}`}
        />
        <p className="rotation-countdown__text" data-testid="rotation-countdown">
          {countdownText(state, now)}
        </p>
      </div>
      <p className="muted rotation-note">
        Checks every {ROTATION_POLL_MS / 1000} seconds; last checked <RelativeTime date={new Date(checkedAt)} />.{' '}
        {LAST_USED_EXPLANATION}
      </p>
    </div>
  );
}

function CredentialCard({ heading, credential, badge }: { heading: string; credential: Credential; badge: ReactNode }) {
  return (
    <section className="card rotation-card" aria-label={heading}>
      <h3 className="card__header">
        {heading} {badge}
      </h3>
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
