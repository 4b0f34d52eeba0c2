import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import { useCreateCredential, useDeleteCredential } from '../../api/credential-mutations';
import type { Credential } from '../../api/schemas';
import { serviceAccountQueries } from '../../api/service-accounts';
import { NotFoundState } from '../../components/not-found-state';
import { QueryErrorState } from '../../components/error-state';
import { SkeletonText } from '../../components/skeleton';
import { useToast } from '../../components/toast';
import { credentialPath, ROUTES, serviceAccountPath, serviceAccountsPath } from '../../lib/paths';
import { distinctCredentialNames } from '../../lib/credential-names';
import { defaultObservationWindow, deriveRotationState, observationWindow } from '../../lib/rotation';
import { useRouteParams } from '../../lib/route-params';
import { CredentialSecretDialog, deleteCredentialGate, rotateCredentialGate, useOneTimeSecret } from '../credentials';
import { ReplaceStep, type ReplaceValues } from './replace-step';
import { RetireStep } from './retire-step';
import { RotationComplete } from './rotation-complete';
import { RotationSteps, type RotationStep } from './rotation-steps';
import { SwitchOverChart } from './switch-over-chart';
import { hourlySeries } from './switch-over-series';
import { SwitchStep } from './switch-step';
import { useSwitchOverUsage } from './use-switch-over-usage';
import { ObservationWindowControl } from './observation-window-control';
import { useChosenWindow, useClockUpdates, useRotationClock, useRotationCredentials } from './use-rotation';
import './rotation.css';

/** Route component for ROUTES.rotateCredential. */
export function RotateCredentialPage() {
  const { org, serviceAccountId, credentialId } = useRouteParams(ROUTES.rotateCredential);
  // Keyed so that moving to another credential's rotation starts with fresh local state.
  return (
    <RotateCredential
      key={`${org}/${serviceAccountId}/${credentialId}`}
      org={org}
      serviceAccountId={serviceAccountId}
      credentialId={credentialId}
    />
  );
}

function errorMessage(error: ApiError): string {
  return error.message;
}

/** A lost connection or a server failure says nothing about whether the create went through. */
function outcomeUnknown(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

function RotateCredential({
  org,
  serviceAccountId,
  credentialId,
}: {
  org: string;
  serviceAccountId: string;
  credentialId: string;
}) {
  const toast = useToast();
  const serviceAccount = useQuery(serviceAccountQueries.detail(org, serviceAccountId));
  const { query, items, old: listedOld, replacement } = useRotationCredentials(org, serviceAccountId, credentialId);
  const [clock, setClock] = useRotationClock();
  const [chosenWindowMs, chooseWindow] = useChosenWindow();
  const create = useCreateCredential(org, serviceAccountId);
  const remove = useDeleteCredential(org, serviceAccountId);
  // The create response, with the only copy of the secret: held just while its dialog is open.
  const { created, show: showSecret, drop: handleSecretClosed } = useOneTimeSecret();
  const [revoking, setRevoking] = useState<Credential | null>(null);
  // isPending only flips after a re-render; the ref stops a second click in the same tick.
  const creatingRef = useRef(false);

  // The delete hides the old credential optimistically; keep showing it until the delete settles.
  const old = listedOld ?? (remove.isPending ? revoking : null);
  // Never older than the data, so a use recorded seconds ago is not mistaken for one in the future.
  const now = new Date(Math.max(clock, query.dataUpdatedAt));
  // With the `usage` extension: the chart of step 2, and W at least the old one's longest gap between uses.
  const usage = useSwitchOverUsage(org, serviceAccountId, listedOld?.id ?? null, replacement, now.getTime());
  const observation = observationWindow({ chosenMs: chosenWindowMs, usageGapMs: usage.usageGapMs });
  const derived = deriveRotationState({ old, replacement }, now, observation.ms);
  // The usage history may still lengthen W: never show "safe" before it has been read.
  const state = usage.pending && derived.safeToRevoke ? { ...derived, stage: 'observing' as const, safeToRevoke: false } : derived;
  useClockUpdates(setClock, observation.ms, state.windowEndsAt);

  if (query.isPending) return <SkeletonText lines={6} label="Loading the rotation…" />;
  if (query.isError && !query.data) {
    if (query.error.status === 404) {
      return (
        <NotFoundState
          title="Service account not found"
          message="It may have been deleted, or you may not have access to it."
          action={<Link to={serviceAccountsPath(org)}>Back to service accounts</Link>}
        />
      );
    }
    return <QueryErrorState title="Could not load the credentials" query={query} />;
  }

  const accountName = serviceAccount.data?.name ?? 'Service account';
  const accountLink = <Link to={serviceAccountPath(org, serviceAccountId)}>{accountName}</Link>;

  if (!old && !replacement) {
    return (
      <NotFoundState
        title="Credential not found"
        message="It may have been deleted without a replacement, or the link is wrong."
        action={<Link to={serviceAccountPath(org, serviceAccountId)}>Back to {accountName}</Link>}
      />
    );
  }

  const collectionPermissions = serviceAccount.data?.permissions ?? query.data?.permissions;

  const rotateGate = rotateCredentialGate(collectionPermissions, listedOld?.permissions);
  const deleteGate = deleteCredentialGate(old?.permissions);

  function handleCreate(values: ReplaceValues) {
    // The form refuses too; this is the last line before a request the server would refuse.
    if (creatingRef.current || rotateGate.decision === 'denied') return;
    creatingRef.current = true;
    create.mutate(values, {
      onSuccess: (result) => {
        showSecret(result);
        // useMutation would keep the response in `data` until reset: the dialog's state is its only home.
        create.reset();
        toast.success(`Replacement “${result.name}” created`);
      },
      onError: (error) => {
        creatingRef.current = false;
        // The replacement may exist anyway: re-read so the page shows it rather than offering a second create.
        if (outcomeUnknown(error)) void query.refetch();
      },
    });
  }

  function handleRevoke() {
    if (!old || remove.isPending || deleteGate.decision === 'denied') return;
    const target = old;
    setRevoking(target);
    remove.mutate(target.id, {
      onSuccess: () => toast.success(`Revoked “${target.name}”: the rotation is complete`),
      onError: (error) => {
        // Already deleted elsewhere: re-read, and the page moves on to "complete".
        if (error.status === 404) void query.refetch();
      },
    });
  }

  const secretDialog = (
    <CredentialSecretDialog
      created={created}
      onClosed={handleSecretClosed}
      title="Replacement credential created"
      intro={
        <p>
          Configure your clients with this client ID and secret. The old credential keeps working until you revoke it.
        </p>
      }
    />
  );

  if (state.stage === 'completed' && replacement) {
    return (
      <>
        <RotationComplete
          replacement={replacement}
          replacementPath={credentialPath(org, serviceAccountId, replacement.id)}
          accountLink={accountLink}
        />
        {secretDialog}
      </>
    );
  }
  if (!old) return null;

  // The old one may be listed no more (a revoke in flight), yet still be on screen.
  const names = distinctCredentialNames(items.some((c) => c.id === old.id) ? items : [...items, old]);
  const current: RotationStep =
    state.stage === 'not-started' ? 1 : state.stage === 'safe-to-revoke' ? 3 : 2;
  const createError = !create.isError
    ? null
    : outcomeUnknown(create.error)
      ? `Could not confirm that the replacement was created: ${errorMessage(create.error)} Try again; if the server did create it, it appears here instead.`
      : `Could not create the replacement: ${errorMessage(create.error)} Nothing was changed.`;
  // This browser's create failed, yet a replacement exists: its secret never reached anyone.
  const secretLost = create.isError && !!replacement && outcomeUnknown(create.error);
  const revokeError =
    remove.isError && remove.error.status !== 404
      ? `Could not revoke the old credential: ${errorMessage(remove.error)} Both credentials still exist.`
      : null;

  return (
    <div className="page rotation-page">
      <header className="page-header">
        <div className="page-header__text">
          <nav className="breadcrumbs" aria-label="Breadcrumbs">
            <ol>
              <li>
                <Link to={serviceAccountsPath(org)}>Service accounts</Link>
              </li>
              <li>{accountLink}</li>
              <li>
                <Link to={credentialPath(org, serviceAccountId, old.id)}>{old.name}</Link>
              </li>
            </ol>
          </nav>
          <h1 className="page-header__title">Rotate “{old.name}”</h1>
          <p className="page-header__description">
            Replace the credential with client ID <code className="mono">{old.client_id}</code> without breaking the
            clients that use it.
          </p>
        </div>
      </header>
      <RotationSteps
        current={current}
        done={{ 1: !!replacement, 2: state.safeToRevoke }}
        steps={{
          1: {
            title: 'Replace',
            content: replacement ? (
              <>
                <p>
                  Created <strong>{replacement.name}</strong> with client ID{' '}
                  <code className="mono">{replacement.client_id}</code>.
                </p>
                {secretLost && (
                  <p className="form-error" role="alert">
                    The connection failed after the server created this replacement, so its secret was never shown.{' '}
                    <Link to={credentialPath(org, serviceAccountId, replacement.id)}>Delete the replacement</Link> and
                    start the rotation again.
                  </p>
                )}
              </>
            ) : (
              <ReplaceStep
                old={old}
                gate={rotateGate}
                pending={create.isPending}
                now={now}
                error={createError}
                onSubmit={handleCreate}
              />
            ),
          },
          2: {
            title: 'Switch clients over',
            content: replacement ? (
              <SwitchStep
                old={old}
                replacement={replacement}
                state={state}
                now={now}
                checkedAt={query.dataUpdatedAt}
                names={{ old: names.get(old.id) ?? old.name, replacement: names.get(replacement.id) ?? replacement.name }}
                paths={{
                  old: credentialPath(org, serviceAccountId, old.id),
                  replacement: credentialPath(org, serviceAccountId, replacement.id),
                }}
                usage={
                  usage.offered && usage.old && usage.replacement ? (
                    <SwitchOverChart
                      points={hourlySeries(usage.start, now.getTime(), usage.old, usage.replacement)}
                      replacementCreated={Date.parse(replacement.created_at)}
                    />
                  ) : null
                }
                windowControl={
                  <ObservationWindowControl
                    observation={observation}
                    defaultMs={defaultObservationWindow()}
                    chosenMs={chosenWindowMs}
                    onChange={chooseWindow}
                  />
                }
              />
            ) : (
              <p className="muted">Once the replacement exists, move your clients to it here.</p>
            ),
          },
          3: {
            title: 'Retire the old credential',
            content: replacement ? (
              <RetireStep
                old={old}
                oldName={names.get(old.id) ?? old.name}
                state={state}
                now={now}
                gate={deleteGate}
                pending={remove.isPending}
                error={revokeError}
                onRevoke={handleRevoke}
              />
            ) : (
              <p className="muted">When no client uses the old credential any more, revoke it here.</p>
            ),
          },
        }}
      />
      {secretDialog}
    </div>
  );
}
