import { useMemo } from 'react';
import { Link } from 'react-router';
import type { OrgServiceAccount } from '../../api/org-credentials';
import { Badge } from '../../components/badge';
import { useStagedCount } from '../../components/use-staged-count';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/table';
import { VisuallyHidden } from '../../components/visually-hidden';
import { describeCredentialStatus, LAST_USED_EXPLANATION, type CredentialPolicy } from '../../lib/credential-status';
import { credentialPath, rotateCredentialPath, serviceAccountPath } from '../../lib/paths';
import { distinctCredentialNames } from '../../lib/credential-names';
import { rotationRoles } from '../../lib/rotation';
import {
  deleteCredentialGate,
  CredentialTimeCells,
  RotationDue,
  RotationDueBadge,
  RotationRoleBadge,
  rotateCredentialGate,
} from '../credentials';
import type { ReviewRow } from './review-rows';
import type { ReviewSearch, SortKey } from './review-search';
import { UsesCount } from './uses-count';
import type { UsesCell } from './review-usage';

export interface ReviewTableProps {
  org: string;
  rows: readonly ReviewRow[];
  serviceAccounts: ReadonlyMap<string, OrgServiceAccount>;
  policy: CredentialPolicy;
  now: Date;
  search: ReviewSearch;
  onSort: (sort: SortKey) => void;
  selected: { has: (id: string) => boolean };
  /** Another view is loading: these rows are the previous one's. */
  busy?: boolean;
  onSelectionChange: (ids: readonly string[], selected: boolean) => void;
  helpId: string;
  /** The "Uses (30 days)" column, when the server offers usage (review-usage.ts). */
  uses?: ReadonlyMap<string, UsesCell> | undefined;
}

const revokeGate = (row: ReviewRow) => deleteCredentialGate(row.credential.permissions);

export function canRevoke(row: ReviewRow): boolean {
  return revokeGate(row).decision !== 'denied';
}

export function ReviewTable({
  org,
  rows,
  serviceAccounts,
  policy,
  now,
  search,
  onSort,
  selected,
  onSelectionChange,
  helpId,
  busy,
  uses,
}: ReviewTableProps) {
  const { roles, names } = useRotationLabels(rows);
  // 200 rows a page: the first screenful is rendered (and shown) before the rest.
  const shown = useStagedCount(rows.length);
  const selectable = rows.filter(canRevoke).map((r) => r.credential.id);
  const selectedShown = selectable.filter((id) => selected.has(id)).length;
  const allShownSelected = selectable.length > 0 && selectedShown === selectable.length;

  const sortHeader = (key: SortKey, label: string, extra: { describedBy?: string; title?: string } = {}) => {
    const active = search.sort === key;
    return (
      <Th
        aria-sort={active ? (search.dir === 'asc' ? 'ascending' : 'descending') : undefined}
        aria-describedby={extra.describedBy}
      >
        <button type="button" className="sort-button" title={extra.title} onClick={() => onSort(key)}>
          <VisuallyHidden>Sort by </VisuallyHidden>
          {label}
          <span aria-hidden="true" className="sort-button__icon">
            {active ? (search.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </Th>
    );
  };

  return (
    <Table caption="Credentials of the organization" stickyHeader stackOnPhone busy={busy}>
      <THead>
        <Tr>
          <Th width="2.5rem">
            <input
              type="checkbox"
              aria-label="Select all shown credentials that you may revoke"
              checked={allShownSelected}
              ref={(el) => {
                if (el) el.indeterminate = selectedShown > 0 && !allShownSelected;
              }}
              disabled={selectable.length === 0}
              onChange={(e) => onSelectionChange(selectable, e.target.checked)}
            />
          </Th>
          {sortHeader('service-account', 'Service account')}
          {sortHeader('name', 'Credential')}
          <Th>Client ID</Th>
          {sortHeader('age', 'Created')}
          {sortHeader('last-used', 'Last used', { describedBy: helpId, title: LAST_USED_EXPLANATION })}
          <Th>Status</Th>
          <Th>Rotation</Th>
          {uses && <Th align="end">Uses (30 days)</Th>}
        </Tr>
      </THead>
      <TBody>
        {rows.slice(0, shown).map((row) => {
          const { credential } = row;
          const sa = credential.service_account;
          const revoke = revokeGate(row);
          const revocable = revoke.decision !== 'denied';
          const status = describeCredentialStatus(row.status, policy);
          const name = names.get(credential.id) ?? credential.name;
          const label = `${name} (${sa.name})`;
          const role = roles.get(credential.id);
          return (
            <Tr key={credential.id} aria-selected={selected.has(credential.id) || undefined}>
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Select ${label}`}
                  checked={selected.has(credential.id)}
                  disabled={!revocable}
                  title={revocable ? undefined : revoke.reason}
                  onChange={(e) => onSelectionChange([credential.id], e.target.checked)}
                />
              </Td>
              <Td truncate label="Service account">
                <Link to={serviceAccountPath(org, sa.id)} title={sa.name}>
                  {sa.name}
                </Link>
              </Td>
              <Td truncate label="Credential">
                <Link to={credentialPath(org, sa.id, credential.id)} title={credential.name}>
                  {credential.name}
                </Link>
              </Td>
              <Td nowrap label="Client ID">
                <code className="mono">{credential.client_id}</code>
              </Td>
              <CredentialTimeCells credential={credential} />
              <Td label="Status">
                <span className="credential-badges">
                  <Badge tone={status.tone} title={status.description}>
                    {status.label}
                  </Badge>
                  <RotationRoleBadge
                    role={role}
                    partnerName={role ? (names.get(role.partner.id) ?? role.partner.name) : ''}
                    partnerPath={role ? credentialPath(org, sa.id, role.partner.id) : ''}
                  />
                </span>
              </Td>
              <Td label="Rotation">
                {row.rotationDue ? (
                  <RotationDueBadge
                    credential={{ ...credential, name }}
                    now={now}
                    rotatePath={rotateCredentialPath(org, sa.id, credential.id)}
                    gate={rotateCredentialGate(serviceAccounts.get(sa.id)?.permissions, credential.permissions)}
                  />
                ) : (
                  <span className="muted">
                    Due <RotationDue credential={credential} now={now} />
                  </span>
                )}
              </Td>
              {uses && (
                <Td align="end" nowrap>
                  <UsesCount cell={uses.get(credential.id)} />
                </Td>
              )}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

/**
 * Rotations in progress among the listed rows (old and new both listed) and names that tell
 * same-named credentials of one service account apart.
 */
function useRotationLabels(rows: readonly ReviewRow[]) {
  return useMemo(() => {
    const bySa = new Map<string, ReviewRow['credential'][]>();
    for (const { credential } of rows) {
      const group = bySa.get(credential.service_account.id);
      if (group) group.push(credential);
      else bySa.set(credential.service_account.id, [credential]);
    }
    const names = new Map<string, string>();
    for (const group of bySa.values()) for (const [id, name] of distinctCredentialNames(group)) names.set(id, name);
    return { roles: rotationRoles(rows.map((r) => r.credential)), names };
  }, [rows]);
}
