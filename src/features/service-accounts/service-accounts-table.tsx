import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ServiceAccount } from '../../api/schemas';
import { GatedButton } from '../../components/permission-gate';
import { RelativeTime } from '../../components/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/table';
import { serviceAccountPath } from '../../lib/paths';
import { permissionGate } from '../../lib/permissions';

/** Lets another feature (the credential review) add a "Last activity" column without this one knowing how. */
export type LastActivityColumn = {
  header?: ReactNode;
  render: (serviceAccount: ServiceAccount) => ReactNode;
};

export type ServiceAccountsTableProps = {
  org: string;
  serviceAccounts: ServiceAccount[];
  caption: string;
  lastActivity?: LastActivityColumn;
  onEdit: (serviceAccount: ServiceAccount) => void;
  onDelete: (serviceAccount: ServiceAccount) => void;
  busy?: boolean;
};

export function ServiceAccountsTable({
  org,
  serviceAccounts,
  caption,
  lastActivity,
  onEdit,
  onDelete,
  busy,
}: ServiceAccountsTableProps) {
  return (
    <Table caption={caption} busy={busy} stickyHeader stackOnPhone>
      <THead>
        <Tr>
          <Th width="22%" className="sa-table__name">
            Name
          </Th>
          <Th>Description</Th>
          <Th width="9rem">Created</Th>
          <Th width="9rem">Updated</Th>
          {lastActivity && <Th width="10rem">{lastActivity.header ?? 'Last activity'}</Th>}
          <Th align="end" width="1%">
            <span className="visually-hidden">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {serviceAccounts.map((sa) => (
          <Tr key={sa.id}>
            <Td>
              <Link to={serviceAccountPath(org, sa.id)} className="sa-name">
                {sa.name}
              </Link>
            </Td>
            <Td truncate label="Description" title={sa.description || undefined}>
              {sa.description ? sa.description : <span className="muted">—</span>}
            </Td>
            <Td nowrap label="Created">
              <RelativeTime date={sa.created_at} />
            </Td>
            <Td nowrap label="Updated">
              <RelativeTime date={sa.updated_at} />
            </Td>
            {lastActivity && (
              <Td nowrap label={typeof lastActivity.header === 'string' ? lastActivity.header : 'Last activity'}>
                {lastActivity.render(sa)}
              </Td>
            )}
            <Td align="end" nowrap>
              <span className="cell-actions">
                <GatedButton
                  size="sm"
                  variant="ghost"
                  aria-label={`Edit ${sa.name}`}
                  {...permissionGate(sa.permissions, 'service_accounts', 'update')}
                  onClick={() => onEdit(sa)}
                >
                  Edit
                </GatedButton>
                <GatedButton
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete ${sa.name}`}
                  {...permissionGate(sa.permissions, 'service_accounts', 'delete')}
                  onClick={() => onDelete(sa)}
                >
                  Delete
                </GatedButton>
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
