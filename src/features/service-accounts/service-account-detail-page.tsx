import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ServiceAccount } from '../../api/schemas';
import { serviceAccountQueries } from '../../api/service-accounts';
import { CopyButton } from '../../components/copy-button';
import { GatedButton } from '../../components/permission-gate';
import { QueryState } from '../../components/query-state';
import { RelativeTime } from '../../components/relative-time';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../components/use-document-title';
import { serviceAccountsPath } from '../../lib/paths';
import { permissionGate } from '../../lib/permissions';
import { LazyDeleteServiceAccountDialog, LazyServiceAccountFormDialog, usePreloadDialogs } from './lazy-dialogs';
import './service-accounts.css';

export type ServiceAccountDetailPageProps = {
  org: string;
  serviceAccountId: string;
  /** Slots other features fill (composed by the route module, so this feature does not import them). */
  renderBanner?: (serviceAccount: ServiceAccount) => ReactNode;
  renderCredentials?: (serviceAccount: ServiceAccount) => ReactNode;
  renderActivity?: (serviceAccount: ServiceAccount) => ReactNode;
};

export function ServiceAccountDetailPage({ org, serviceAccountId, ...slots }: ServiceAccountDetailPageProps) {
  const query = useQuery(serviceAccountQueries.detail(org, serviceAccountId));
  useDocumentTitle(query.data?.name ?? 'Service account');

  return (
    <QueryState
      query={query}
      pending={<SkeletonText lines={4} label="Loading service account…" />}
      errorTitle="Could not load the service account"
      notFound={{
        title: 'Service account not found',
        message: 'It may have been deleted, or it belongs to another organization.',
        action: <Link to={serviceAccountsPath(org)}>Back to service accounts</Link>,
      }}
    >
      {(serviceAccount) => <ServiceAccountDetail org={org} serviceAccount={serviceAccount} {...slots} />}
    </QueryState>
  );
}

function ServiceAccountDetail({
  org,
  serviceAccount: sa,
  renderBanner,
  renderCredentials,
  renderActivity,
}: Omit<ServiceAccountDetailPageProps, 'serviceAccountId'> & { serviceAccount: ServiceAccount }) {
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  usePreloadDialogs();

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link to={serviceAccountsPath(org)}>Service accounts</Link>
          </li>
          <li aria-current="page">{sa.name}</li>
        </ol>
      </nav>

      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{sa.name}</h1>
          {sa.description && <p className="page-header__description">{sa.description}</p>}
        </div>
        <div className="page-header__actions">
          <GatedButton
            {...permissionGate(sa.permissions, 'service_accounts', 'update')}
            onClick={() => setEditing(true)}
          >
            Edit
          </GatedButton>
          <GatedButton
            variant="danger"
            {...permissionGate(sa.permissions, 'service_accounts', 'delete')}
            onClick={() => setDeleting(true)}
          >
            Delete
          </GatedButton>
        </div>
      </header>

      {renderBanner?.(sa)}

      <section className="card" aria-labelledby="sa-details-title">
        <div className="card__header">
          <h2 id="sa-details-title">Details</h2>
        </div>
        <div className="card__body">
          <dl className="details">
            <dt>ID</dt>
            <dd>
              <code className="sa-detail__id" id="sa-detail-id">
                {sa.id}
              </code>
              <CopyButton text={sa.id} label="Copy ID" onCopyFailed={() => selectText('sa-detail-id')} />
            </dd>
            <dt>Description</dt>
            <dd>{sa.description || <span className="muted">No description</span>}</dd>
            <dt>Created</dt>
            <dd>
              <RelativeTime date={sa.created_at} showAbsolute />
            </dd>
            <dt>Updated</dt>
            <dd>
              <RelativeTime date={sa.updated_at} showAbsolute />
            </dd>
          </dl>
        </div>
      </section>

      {renderCredentials?.(sa)}
      {renderActivity?.(sa)}

      {editing && (
        <LazyServiceAccountFormDialog mode="edit" org={org} open serviceAccount={sa} onClose={() => setEditing(false)} />
      )}
      <LazyDeleteServiceAccountDialog
        org={org}
        serviceAccount={deleting ? sa : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => void navigate(serviceAccountsPath(org), { replace: true })}
      />
    </div>
  );
}

/** After a refused clipboard write, select the text so Ctrl+C works straight away. */
function selectText(elementId: string) {
  const element = document.getElementById(elementId);
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
