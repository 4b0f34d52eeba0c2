import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { useNow } from '../../components/use-now';
import { distinctCredentialNames } from '../../lib/credential-names';
import { rotateCredentialPath } from '../../lib/paths';
import { deriveRotationState, findRotationsInProgress, type RotationStage } from '../../lib/rotation';
import { rotationCredentialsQuery } from './use-rotation';
import './rotation.css';

export interface RotationInProgressBannerProps {
  /** The `:org` URL segment (label or id). */
  org: string;
  serviceAccountId: string;
}

const STAGE_TEXT: Partial<Record<RotationStage, string>> = {
  'awaiting-replacement-use': 'waiting for the new credential’s first use',
  observing: 'the new credential is in use; waiting for the old one to stay unused',
  'safe-to-revoke': 'ready to revoke the old credential',
};

/**
 * For the service account page: rotations started (by anyone, in any browser) and not yet
 * finished, found from the credentials' own data, each with a link back into the flow.
 */
export function RotationInProgressBanner({ org, serviceAccountId }: RotationInProgressBannerProps) {
  const headingId = useId();
  const now = new Date(useNow());
  const { data } = useQuery(rotationCredentialsQuery(org, serviceAccountId));
  const rotations = findRotationsInProgress(data?.items ?? []);
  if (rotations.length === 0) return null;
  const names = distinctCredentialNames(data?.items ?? []);
  return (
    <section className="rotation-banner" aria-labelledby={headingId}>
      <h2 id={headingId} className="rotation-banner__title">
        {rotations.length === 1 ? 'Rotation in progress' : `${rotations.length} rotations in progress`}
      </h2>
      <ul className="rotation-banner__list">
        {rotations.map(({ old, replacement }) => {
          const { stage } = deriveRotationState({ old, replacement }, now);
          return (
            <li key={old.id}>
              <span>
                <strong>{old.name}</strong> (<code className="mono">{old.client_id}</code>) is being replaced by{' '}
                <strong>{replacement.name}</strong> (<code className="mono">{replacement.client_id}</code>):{' '}
                {STAGE_TEXT[stage] ?? stage}.
              </span>{' '}
              <Link
                to={rotateCredentialPath(org, serviceAccountId, old.id)}
                className="btn btn--secondary btn--sm"
                aria-label={`Resume rotation of ${names.get(old.id) ?? old.name}`}
              >
                Resume rotation
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
