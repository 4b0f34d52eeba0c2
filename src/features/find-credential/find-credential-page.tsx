import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useExtension } from '../../api/capabilities';
import { findCredentialQueries, type FindCredentialState } from '../../api/find-credential';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { QueryErrorState } from '../../components/error-state';
import { ProgressBar } from '../../components/progress-bar';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { credentialPath, credentialReviewPath } from '../../lib/paths';
import { useOrgParam } from '../../lib/route-params';
import { formatCount } from '../../lib/time-format';
import './find-credential.css';

/** Route component for ROUTES.findCredential (`?client_id=…`). */
export function FindCredentialPage() {
  useDocumentTitle('Find a credential');
  const org = useOrgParam();
  const [params] = useSearchParams();
  const clientId = (params.get('client_id') ?? '').trim();
  const indexed = useExtension('org_credentials');

  return (
    <div className="page find-credential-page">
      <PageHeader
        title="Find a credential"
        description={
          <>
            Client ID <code className="mono">{clientId || '(none)'}</code>
          </>
        }
      />
      {!clientId ? (
        <EmptyState title="No client ID" description="Type or paste a client ID into the search field in the header." />
      ) : indexed === undefined ? (
        <ProgressBar label="Finding the credential" />
      ) : (
        <FindResult key={`${clientId}|${indexed}`} org={org} clientId={clientId} indexed={indexed} />
      )}
    </div>
  );
}

function FindResult({ org, clientId, indexed }: { org: string; clientId: string; indexed: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = findCredentialQueries.byClientId(org, clientId, indexed);
  const [cancelled, setCancelled] = useState<FindCredentialState | null>(null);
  const query = useQuery({ ...options, enabled: cancelled === null });
  const found = query.data?.found;

  useEffect(() => {
    if (found) void navigate(credentialPath(org, found.service_account.id, found.id), { replace: true });
  }, [found, navigate, org]);

  if (query.isError && !cancelled) {
    return <QueryErrorState title="Could not search the credentials" query={query} />;
  }
  const state = cancelled ?? query.data;
  const progress = state?.progress;
  const scanned = progress
    ? `Searched the credentials of ${formatCount(progress.serviceAccountsLoaded)} of ${formatCount(
        progress.serviceAccountsListed,
      )}${progress.phase === 'service-accounts' ? '+' : ''} service accounts`
    : undefined;

  if (cancelled || (state?.done && !state.found)) {
    return (
      <EmptyState
        title={cancelled ? 'Search cancelled' : 'No credential has this client ID'}
        description={
          cancelled
            ? `${scanned ?? 'Stopped'} before finding it.`
            : `No credential in this organization has the client ID ${clientId}. It may have been revoked already.`
        }
        action={
          <>
            {cancelled && <Button onClick={() => setCancelled(null)}>Search again</Button>}
            <Link to={credentialReviewPath(org, { q: clientId })}>Search the credential review for it</Link>
          </>
        }
      />
    );
  }
  return (
    <div className="review-progress">
      <ProgressBar
        label="Finding the credential"
        value={progress && progress.phase !== 'service-accounts' ? progress.serviceAccountsLoaded : undefined}
        max={Math.max(progress?.serviceAccountsListed ?? 1, 1)}
        valueText={scanned}
      />
      <p className="muted" role="status">
        {found ? 'Found it, opening…' : indexed ? 'Searching…' : `${scanned ?? 'Listing service accounts'}…`}
      </p>
      {!indexed && (
        <div>
          <Button
            onClick={() => {
              setCancelled(query.data ?? { found: null, done: false });
              void queryClient.cancelQueries({ queryKey: options.queryKey });
            }}
          >
            Cancel
          </Button>
        </div>
      )}
    </div>
  );
}
