import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { credentialQueries } from '../../api/credentials';
import type { ListParams } from '../../api/pagination';
import { LIMIT_MAX, type Credential, type Permissions, type ServiceAccount } from '../../api/schemas';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { QueryErrorState } from '../../components/error-state';
import { Pagination } from '../../components/pagination';
import { GatedButton, PermissionGate } from '../../components/permission-gate';
import { TableSkeleton } from '../../components/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/table';
import { useNow } from '../../components/use-now';
import { distinctCredentialNames } from '../../lib/credential-names';
import { LAST_USED_EXPLANATION } from '../../lib/credential-status';
import { rotationRoles } from '../../lib/rotation';
import { credentialPath, rotateCredentialPath } from '../../lib/paths';
import { ClientId } from './client-id';
import { CreateCredentialDialog } from './create-credential-dialog';
import { createCredentialGate, deleteCredentialGate, rotateCredentialGate } from './credential-permissions';
import { CredentialStatusBadge, CredentialTimeCells, RotationDueBadge } from './credential-usage';
import { DeleteCredentialDialog } from './delete-credential-dialog';
import { RotationRoleBadge } from './rotation-role-badge';
import './credentials.css';

export const CREDENTIALS_PAGE_SIZE = 25;

export type CredentialsPanelProps = {
  /** The `:org` URL segment (label or id). */
  org: string;
  /** Its `permissions` (service_account_credentials.create) gate the create and rotate actions. */
  serviceAccount: Pick<ServiceAccount, 'id' | 'name' | 'permissions'>;
};

/** The credentials of one service account, for its detail page. */
export function CredentialsPanel({ org, serviceAccount }: CredentialsPanelProps) {
  const [page, setPage] = useState<ListParams>({ limit: CREDENTIALS_PAGE_SIZE });
  const query = useQuery({
    ...credentialQueries.list(org, serviceAccount.id, page),
    // Keeps the current rows on screen while the next page loads.
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Credential | null>(null);
  const headingId = useId();
  const helpId = useId();

  // The service account's own map decides create; the list's top-level map is the fallback.
  const collectionPermissions = serviceAccount.permissions ?? query.data?.permissions;
  const createGate = createCredentialGate(collectionPermissions);
  const createButton = (
    <GatedButton variant="primary" {...createGate} onClick={() => setCreating(true)}>
      Create credential
    </GatedButton>
  );

  // Every credential of the account (one request; the rotation banner reads the same), so
  // rotation badges and name collisions are found across pages too.
  const everyCredential = useQuery(credentialQueries.list(org, serviceAccount.id, { limit: LIMIT_MAX })).data?.items;

  const data = query.data;
  const paged = Boolean(page.after || page.before || data?.page_info.has_next_page || data?.page_info.has_prev_page);

  return (
    <section className="card" aria-labelledby={headingId}>
      <header className="card__header">
        <h2 id={headingId}>Credentials</h2>
        {createButton}
      </header>
      <div className="card__body">
        <p id={helpId} className="credential-help">
          {LAST_USED_EXPLANATION}
        </p>
        {query.isPending ? (
          <TableSkeleton columns={6} rows={3} label="Loading credentials…" />
        ) : query.isError && !data ? (
          <QueryErrorState title="Could not load the credentials" query={query} />
        ) : data && data.items.length === 0 && !paged ? (
          <EmptyState
            title="No credentials yet"
            description={`Create a credential so a program can authenticate as ${serviceAccount.name}.`}
            action={createButton}
          />
        ) : data && data.items.length === 0 ? (
          <EmptyState
            title="No credentials on this page"
            action={<Button onClick={() => setPage({ limit: page.limit })}>Back to the first page</Button>}
          />
        ) : data ? (
          <CredentialsTable
            org={org}
            serviceAccountId={serviceAccount.id}
            credentials={data.items}
            everyCredential={everyCredential ?? data.items}
            collectionPermissions={collectionPermissions}
            helpId={helpId}
            busy={query.isPlaceholderData}
            onDelete={setDeleting}
          />
        ) : null}
        {data && paged && (
          <Pagination
            label="Credential pages"
            hasPrevious={data.page_info.has_prev_page && Boolean(data.page_info.start_cursor)}
            hasNext={data.page_info.has_next_page && Boolean(data.page_info.end_cursor)}
            onPrevious={() => setPage({ limit: page.limit, before: data.page_info.start_cursor ?? undefined })}
            onNext={() => setPage({ limit: page.limit, after: data.page_info.end_cursor ?? undefined })}
            pageSize={page.limit}
            onPageSizeChange={(limit) => setPage({ limit })}
            busy={query.isPlaceholderData}
            summary={`${data.items.length} credential${data.items.length === 1 ? '' : 's'} on this page`}
          />
        )}
      </div>
      <CreateCredentialDialog
        org={org}
        serviceAccountId={serviceAccount.id}
        open={creating}
        onClose={() => setCreating(false)}
      />
      <DeleteCredentialDialog
        org={org}
        serviceAccountId={serviceAccount.id}
        credential={deleting}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

function CredentialsTable({
  org,
  serviceAccountId,
  credentials,
  everyCredential,
  collectionPermissions,
  helpId,
  busy,
  onDelete,
}: {
  org: string;
  serviceAccountId: string;
  credentials: Credential[];
  everyCredential: readonly Credential[];
  collectionPermissions: Permissions | undefined;
  helpId: string;
  busy: boolean;
  onDelete: (credential: Credential) => void;
}) {
  const now = new Date(useNow());
  const names = distinctCredentialNames([...new Map([...everyCredential, ...credentials].map((c) => [c.id, c])).values()]);
  const roles = rotationRoles(everyCredential);
  return (
    <Table caption="Credentials" busy={busy} stackOnPhone>
      <THead>
        <Tr>
          <Th>Name</Th>
          <Th>Client ID</Th>
          <Th>Created</Th>
          <Th aria-describedby={helpId}>
            <span className="help-term" title={LAST_USED_EXPLANATION}>
              Last used
            </span>
          </Th>
          <Th>Status</Th>
          <Th className="cell--end">
            <span className="visually-hidden">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {credentials.map((credential) => {
          const rotateGate = rotateCredentialGate(collectionPermissions, credential.permissions);
          const deleteGate = deleteCredentialGate(credential.permissions);
          const rotatePath = rotateCredentialPath(org, serviceAccountId, credential.id);
          const name = names.get(credential.id) ?? credential.name;
          const role = roles.get(credential.id);
          return (
            <Tr key={credential.id}>
              <Td truncate>
                <Link to={credentialPath(org, serviceAccountId, credential.id)} title={credential.name}>
                  {credential.name}
                </Link>
              </Td>
              <Td nowrap label="Client ID">
                <ClientId value={credential.client_id} copyLabel={`Copy client ID of ${name}`} />
              </Td>
              <CredentialTimeCells credential={credential} />
              <Td label="Status">
                <span className="credential-badges">
                  <CredentialStatusBadge credential={credential} now={now} />
                  <RotationRoleBadge
                    role={role}
                    partnerName={role ? (names.get(role.partner.id) ?? role.partner.name) : ''}
                    partnerPath={role ? credentialPath(org, serviceAccountId, role.partner.id) : ''}
                  />
                  <RotationDueBadge credential={{ ...credential, name }} now={now} rotatePath={rotatePath} gate={rotateGate} />
                </span>
              </Td>
              <Td className="cell--end" nowrap>
                <span className="cell-actions">
                  <PermissionGate {...rotateGate}>
                    {(control) => (
                      <Link
                        to={rotatePath}
                        className="btn btn--secondary btn--sm"
                        aria-label={`Rotate ${name}`}
                        {...control}
                      >
                        Rotate
                      </Link>
                    )}
                  </PermissionGate>
                  <GatedButton
                    size="sm"
                    variant="ghost"
                    {...deleteGate}
                    aria-label={`Delete ${name}`}
                    onClick={() => onDelete({ ...credential, name })}
                  >
                    Delete
                  </GatedButton>
                </span>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
