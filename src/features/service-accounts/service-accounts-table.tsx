import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ServiceAccountWithSummary } from '../../api/org-credential-schemas';
import type { ServiceAccount } from '../../api/schemas';
import { GatedButton } from '../../components/permission-gate';
import { RelativeTime } from '../../components/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/table';
import { serviceAccountPath } from '../../lib/paths';
import { permissionGate } from '../../lib/permissions';
import { formatCount } from '../../lib/time-format';
import type { ListSort } from './list-search';

/** Lets another feature (the credential review) add a "Last activity" column without this one knowing how. */
export type LastActivityColumn = {
  header?: ReactNode;
  render: (serviceAccount: ServiceAccount) => ReactNode;
};

/** With the server's `service_account_query`: sortable columns. */
export type TableSort = {
  sort: ListSort;
  dir: 'asc' | 'desc';
  onSort: (sort: ListSort) => void;
};

export type ServiceAccountsTableProps = {
  org: string;
  serviceAccounts: ServiceAccountWithSummary[];
  /** Sortable Name, Created and Last used headers (only when the server sorts). */
  sort?: TableSort;
  /** Credentials and Last used columns from each row's credential_summary. */
  summary?: boolean;
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
  sort,
  summary,
}: ServiceAccountsTableProps) {
  const header = (key: ListSort, label: string) => {
    if (!sort) return label;
    const active = sort.sort === key;
    return (
      <button type="button" className="sort-button" onClick={() => sort.onSort(key)}>
        <span className="visually-hidden">Sort by </span>
        {label}
        <span aria-hidden="true" className="sort-button__icon">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    );
  };
  const ariaSort = (key: ListSort) =>
    sort?.sort === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const rowActions = [
    { action: 'update', label: 'Edit', run: onEdit },
    { action: 'delete', label: 'Delete', run: onDelete },
  ] as const;
  return (
    <Table caption={caption} busy={busy} stickyHeader stackOnPhone>
      <THead>
        <Tr>
          <Th width="22%" className="sa-table__name" aria-sort={ariaSort('name')}>
            {header('name', 'Name')}
          </Th>
          <Th>Description</Th>
          <Th width="9rem" aria-sort={ariaSort('created_at')}>
            {header('created_at', 'Created')}
          </Th>
          <Th width="9rem">Updated</Th>
          {summary && (
            <Th width="7rem" align="end">
              Credentials
            </Th>
          )}
          {summary && (
            <Th width="10rem" aria-sort={ariaSort('last_used_at')}>
              {header('last_used_at', 'Last used')}
            </Th>
          )}
          {lastActivity && !summary && <Th width="10rem">{lastActivity.header ?? 'Last activity'}</Th>}
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
            {summary && (
              <Td align="end" nowrap label="Credentials">
                {sa.credential_summary ? formatCount(sa.credential_summary.count) : <span className="muted">—</span>}
              </Td>
            )}
            {summary && (
              <Td nowrap label="Last used">
                {!sa.credential_summary ? (
                  <span className="muted">—</span>
                ) : sa.credential_summary.count === 0 ? (
                  <span className="muted">No credentials</span>
                ) : (
                  <RelativeTime date={sa.credential_summary.last_used_at} never="Never used" />
                )}
              </Td>
            )}
            {lastActivity && !summary && (
              <Td nowrap label={typeof lastActivity.header === 'string' ? lastActivity.header : 'Last activity'}>
                {lastActivity.render(sa)}
              </Td>
            )}
            <Td align="end" nowrap>
              <span className="cell-actions">
                {rowActions.map(({ action, label, run }) => (
                  <GatedButton
                    key={action}
                    size="sm"
                    variant="ghost"
                    aria-label={`${label} ${sa.name}`}
                    {...permissionGate(sa.permissions, 'service_accounts', action)}
                    onClick={() => run(sa)}
                  >
                    {label}
                  </GatedButton>
                ))}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
