import { useId, useMemo, useState, type ReactNode } from 'react';
import type { OrgCredentialsProgress, OrgServiceAccount } from '../../api/org-credentials';
import { Field, TextInput } from '../../components/field';
import { ProgressBar } from '../../components/progress-bar';
import { SearchField } from '../../components/search-field';
import {
  CREDENTIAL_STATUSES,
  describeCredentialStatus,
  type CredentialPolicy,
  type CredentialStatus,
} from '../../lib/credential-status';
import { formatCount } from '../../lib/time-format';
import type { StatusTotals } from './review-rows';
import {
  activeFilterCount,
  parseStaleDays,
  STALE_DAYS_MAX,
  STALE_DAYS_MIN,
  type ReviewSearch,
} from './review-search';

export function LoadProgress({ progress, label }: { progress: OrgCredentialsProgress | undefined; label: string }) {
  const listed = progress?.serviceAccountsListed ?? 0;
  const loaded = progress?.serviceAccountsLoaded ?? 0;
  const credentials = formatCount(progress?.credentialsLoaded ?? 0);
  const listing = !progress || progress.phase === 'service-accounts';
  // While the listing runs the total is not known yet: say so rather than show a bar that jumps back.
  const text = listing
    ? `Loaded the credentials of ${formatCount(loaded)} of the ${formatCount(listed)} service accounts listed so far (${credentials} credentials)`
    : `Loaded the credentials of ${formatCount(loaded)} of ${formatCount(listed)} service accounts (${credentials} credentials), ${formatCount(listed - loaded)} remaining`;
  return (
    <div className="review-progress">
      <ProgressBar
        label={label}
        value={listing ? undefined : loaded}
        max={Math.max(listed, 1)}
        valueText={text}
      />
      <p className="muted">{text}</p>
    </div>
  );
}

const count = (n: number | undefined) => (n === undefined ? '…' : formatCount(n));

/**
 * The totals double as filters: one box pressed at a time, like tabs over the table. "Rotation
 * due" cuts across the statuses, so pressing it clears the status and the other way round.
 */
export function StatusTotalsBar({
  totals,
  policy,
  status,
  rotationDue,
  onChange,
}: {
  /** Undefined while the counts load. */
  totals: StatusTotals | undefined;
  policy: CredentialPolicy;
  status: CredentialStatus | null;
  rotationDue: boolean;
  onChange: (next: Pick<ReviewSearch, 'status' | 'rotationDue'>) => void;
}) {
  return (
    <ul className="review-totals" aria-label="Totals by status">
      <li>
        <button
          type="button"
          className="review-total"
          aria-pressed={status === null && !rotationDue}
          onClick={() => onChange({ status: null, rotationDue: false })}
        >
          <span className="review-total__count">{count(totals?.all)}</span> All
        </button>
      </li>
      {CREDENTIAL_STATUSES.map((s) => {
        const { label, description, tone } = describeCredentialStatus(s, policy);
        return (
          <li key={s}>
            <button
              type="button"
              className={`review-total review-total--${tone}`}
              aria-pressed={status === s && !rotationDue}
              title={description}
              onClick={() => onChange({ status: status === s && !rotationDue ? null : s, rotationDue: false })}
            >
              <span className="review-total__count">{count(totals?.[s])}</span> {label}
            </button>
          </li>
        );
      })}
      <li>
        <button
          type="button"
          className="review-total review-total--warning"
          aria-pressed={rotationDue}
          title={`Older than ${policy.rotationAgeDays} days: due to be replaced by a new credential.`}
          onClick={() => onChange({ status: null, rotationDue: !rotationDue })}
        >
          <span className="review-total__count">{count(totals?.rotationDue)}</span> Rotation due
        </button>
      </li>
    </ul>
  );
}

export function ReviewFilters({
  search,
  serviceAccounts,
  onChange,
}: {
  search: ReviewSearch;
  /** Service accounts to filter by, sorted for display; undefined while they load. */
  serviceAccounts: readonly OrgServiceAccount[] | undefined;
  onChange: (next: Partial<ReviewSearch>) => void;
}) {
  // The same elements on every render, so React skips the options (one per service account, maybe
  // 10,000) when only the selection or another filter changed.
  const accountOptions = useMemo(
    () =>
      serviceAccounts?.map((sa) => (
        <option key={sa.id} value={sa.id}>
          {sa.name}
        </option>
      )),
    [serviceAccounts],
  );
  const [open, setOpen] = useState(false);
  const groupId = useId();
  const active = activeFilterCount(search);
  return (
    <div className="review-filters-wrap">
      {/* Phones only (CSS): the filters fold behind one button instead of pushing the table down. */}
      <button
        type="button"
        className="btn btn--secondary btn--sm review-filters-toggle"
        aria-expanded={open}
        aria-controls={groupId}
        onClick={() => setOpen((o) => !o)}
      >
        Filters{active > 0 ? ` (${active} active)` : ''}
      </button>
      <div
        id={groupId}
        className={open ? 'toolbar review-filters review-filters--open' : 'toolbar review-filters'}
        role="group"
        aria-label="Filters"
      >
        <FilterSelect
          label="Status"
          value={search.status}
          allLabel="All statuses"
          onChange={(status) => onChange({ status: status as CredentialStatus | null })}
        >
          {CREDENTIAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {describeCredentialStatus(s).label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label="Service account"
          value={search.serviceAccountId}
          allLabel="All service accounts"
          onChange={(serviceAccountId) => onChange({ serviceAccountId })}
        >
          {/* The chosen one, until the list that names it has loaded. */}
          {!serviceAccounts && search.serviceAccountId && (
            <option value={search.serviceAccountId}>Selected service account</option>
          )}
          {accountOptions}
        </FilterSelect>
        <StaleThreshold value={search.staleAfterDays} onChange={(staleAfterDays) => onChange({ staleAfterDays })} />
      </div>
    </div>
  );
}

/** A filter's select: its first option, "all", is no filter (null). */
function FilterSelect({
  label,
  value,
  allLabel,
  onChange,
  children,
}: {
  label: string;
  value: string | null;
  allLabel: string;
  onChange: (value: string | null) => void;
  children: ReactNode;
}) {
  return (
    <Field label={label}>
      {(control) => (
        <select className="select" {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{allLabel}</option>
          {children}
        </select>
      )}
    </Field>
  );
}

/**
 * A number field whose committed value lives in the URL. It keeps its own draft so that an
 * intermediate entry ("" while retyping) is not forced back to the default under the cursor.
 */
function StaleThreshold({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const [committed, setCommitted] = useState(value);
  // The URL changed from elsewhere (back button, a link): show it.
  if (committed !== value) {
    setCommitted(value);
    if (parseStaleDays(draft) !== value) setDraft(String(value));
  }
  const invalid = parseStaleDays(draft) === null;
  return (
    <TextInput
      label="Stale after (days)"
      type="number"
      inputMode="numeric"
      min={STALE_DAYS_MIN}
      max={STALE_DAYS_MAX}
      step={1}
      className="review-stale-input"
      value={draft}
      error={invalid ? `Enter whole days from ${STALE_DAYS_MIN} to ${STALE_DAYS_MAX}` : undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        const days = parseStaleDays(e.target.value);
        if (days !== null && days !== value) onChange(days);
      }}
      onBlur={() => {
        if (invalid) setDraft(String(value));
      }}
    />
  );
}

/**
 * The text search (`q`). It reports what is typed after a pause; Enter reports at once, so a
 * pasted client_id is found without waiting.
 */
export function ReviewSearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  return (
    <SearchField
      value={value}
      onSearch={onSearch}
      label="Search credentials"
      placeholder="Search by credential name, client ID or service account…"
      className="review-search"
    />
  );
}
