import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { credentialQueries } from '../../api/credentials';
import type { Credential, ServiceAccount } from '../../api/schemas';
import { serviceAccountQueries } from '../../api/service-accounts';
import { GatedButton, PermissionGate } from '../../components/permission-gate';
import { QueryState } from '../../components/query-state';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../components/use-document-title';
import { useNow } from '../../components/use-now';
import { LAST_USED_EXPLANATION } from '../../lib/credential-status';
import { parseRotationMarker, stripRotationMarker } from '../../lib/rotation';
import { rotateCredentialPath, serviceAccountPath, serviceAccountsPath } from '../../lib/paths';
import { ClientId } from './client-id';
import { CreatedBy } from './created-by';
import { CredentialUsageSection } from './credential-usage-section';
import { deleteCredentialGate, editCredentialGate, rotateCredentialGate } from './credential-permissions';
import { CredentialStatusBadge, LastUsed, RotationDue, RotationDueBadge } from './credential-usage';
import { DeleteCredentialDialog } from './delete-credential-dialog';
import { EditCredentialDialog } from './edit-credential-dialog';
import { UseCredential } from './use-credential';
import './credentials.css';

export type CredentialDetailPageProps = {
  /** The route's `:org`, `:serviceAccountId` and `:credentialId`. */
  org: string;
  serviceAccountId: string;
  credentialId: string;
  /** A slot other features fill (the route module composes it), e.g. the credential's activity. */
  renderActivity?: (credential: Credential) => ReactNode;
};

/** Content of ROUTES.credential. */
export function CredentialDetailPage({ org, serviceAccountId, credentialId, renderActivity }: CredentialDetailPageProps) {
  const credentialQuery = useQuery(credentialQueries.detail(org, serviceAccountId, credentialId));
  // Only for the breadcrumb and the create half of the rotate permission; the page works without it.
  const serviceAccountQuery = useQuery(serviceAccountQueries.detail(org, serviceAccountId));
  const backPath = serviceAccountPath(org, serviceAccountId);
  const serviceAccount = serviceAccountQuery.data;
  useDocumentTitle(credentialQuery.data?.name ?? (credentialQuery.isError ? 'Credential not found' : 'Credential'));

  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link to={serviceAccountsPath(org)}>Service accounts</Link>
        </li>
        <li>
          <Link to={backPath}>{serviceAccount?.name ?? 'Service account'}</Link>
        </li>
        <li aria-current="page">{credentialQuery.data?.name ?? 'Credential'}</li>
      </ol>
    </nav>
  );

  return (
    <QueryState
      query={credentialQuery}
      frame={(content) => (
        <div className="page">
          {breadcrumbs}
          {content}
        </div>
      )}
      pending={<SkeletonText lines={6} label="Loading credential…" />}
      errorTitle="Could not load the credential"
      notFound={{
        title: 'Credential not found',
        message: 'It may have been deleted, or the link is wrong.',
        action: <Link to={backPath}>Back to the service account</Link>,
      }}
    >
      {(credential) => (
        <CredentialDetail
          org={org}
          serviceAccountId={serviceAccountId}
          credential={credential}
          serviceAccount={serviceAccount}
          serviceAccountPending={serviceAccountQuery.isPending}
          breadcrumbs={breadcrumbs}
          renderActivity={renderActivity}
        />
      )}
    </QueryState>
  );
}

function CredentialDetail({
  org,
  serviceAccountId,
  credential,
  serviceAccount,
  serviceAccountPending,
  breadcrumbs,
  renderActivity,
}: {
  org: string;
  serviceAccountId: string;
  credential: Credential;
  serviceAccount: ServiceAccount | undefined;
  /** Its map decides the create half of rotating: until it arrives, Rotate is not offered as allowed. */
  serviceAccountPending: boolean;
  breadcrumbs: ReactNode;
  renderActivity: CredentialDetailPageProps['renderActivity'];
}) {
  const navigate = useNavigate();
  const now = new Date(useNow());
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // The rotation marker is shown as a link, not as raw text in the description.
  const replaces = parseRotationMarker(credential.description);

  const editGate = editCredentialGate(credential.permissions);
  const deleteGate = deleteCredentialGate(credential.permissions);
  const rotateGate = rotateCredentialGate(serviceAccount?.permissions, credential.permissions, {
    pending: serviceAccountPending,
  });
  const rotatePath = rotateCredentialPath(org, serviceAccountId, credential.id);

  return (
    <div className="page">
      {breadcrumbs}
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{credential.name}</h1>
          <p className="page-header__description">Credential of {serviceAccount?.name ?? 'a service account'}</p>
        </div>
        <div className="page-header__actions">
          <GatedButton {...editGate} onClick={() => setEditing(true)}>
            Edit
          </GatedButton>
          <PermissionGate {...rotateGate}>
            {(control) => (
              <Link to={rotatePath} className="btn btn--secondary" {...control}>
                Rotate
              </Link>
            )}
          </PermissionGate>
          <GatedButton variant="danger" {...deleteGate} onClick={() => setDeleting(true)}>
            Delete
          </GatedButton>
        </div>
      </header>

      <section className="card" aria-label="Details">
        <div className="card__body">
          <dl className="details">
            <dt>Name</dt>
            <dd>{credential.name}</dd>
            <dt>Description</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>
              {stripRotationMarker(credential.description) || <span className="muted">No description</span>}
            </dd>
            {replaces && (
              <>
                <dt>Replaces</dt>
                <dd>
                  <Link to={rotateCredentialPath(org, serviceAccountId, replaces.credentialId)}>
                    {replaces.clientId ?? replaces.credentialId}
                  </Link>{' '}
                  <span className="muted">(created by a rotation; the link opens it)</span>
                </dd>
              </>
            )}
            <dt>ID</dt>
            <dd>
              <code className="mono">{credential.id}</code>
            </dd>
            <dt>Client ID</dt>
            <dd>
              <ClientId value={credential.client_id} copyLabel="Copy client ID" />
            </dd>
            <dt>Created</dt>
            <dd>
              <CreatedBy org={org} credentialId={credential.id} createdAt={credential.created_at} />
            </dd>
            <dt>Last used</dt>
            <dd>
              <LastUsed credential={credential} showAbsolute />
              <span className="credential-help">{LAST_USED_EXPLANATION}</span>
            </dd>
            <dt>Status</dt>
            <dd>
              <CredentialStatusBadge credential={credential} now={now} />
            </dd>
            <dt>Rotation due</dt>
            <dd className="credential-rotation-due">
              <RotationDue credential={credential} now={now} />
              <RotationDueBadge credential={credential} now={now} rotatePath={rotatePath} gate={rotateGate} />
            </dd>
          </dl>
        </div>
      </section>

      <div className="card">
        <div className="card__body">
          <UseCredential clientId={credential.client_id} />
        </div>
      </div>
      <CredentialUsageSection org={org} serviceAccountId={serviceAccountId} credentialId={credential.id} />
      {renderActivity?.(credential)}

      <EditCredentialDialog
        org={org}
        serviceAccountId={serviceAccountId}
        credential={credential}
        open={editing}
        onClose={() => setEditing(false)}
      />
      <DeleteCredentialDialog
        org={org}
        serviceAccountId={serviceAccountId}
        credential={deleting ? credential : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => void navigate(serviceAccountPath(org, serviceAccountId), { replace: true })}
      />
    </div>
  );
}
