import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { useBulkRevokeCredentials, type RevokeOutcome } from '../../api/org-credentials';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextInput } from '../../components/field';
import { ProgressBar } from '../../components/progress-bar';
import { RelativeTime } from '../../components/relative-time';
import { useToast } from '../../components/toast';
import { mostRecentUse, type ReviewRow } from './review-rows';

export interface BulkRevokeDialogProps {
  org: string;
  /** The credentials to revoke. Mount the dialog only while it is open: it snapshots these. */
  rows: readonly ReviewRow[];
  onClose: () => void;
  /** After every delete settled; the org-wide data already lacks the revoked ones. */
  onFinished: (outcomes: readonly RevokeOutcome[]) => void;
}

const LISTED = 8;
/** Above this many, the person types the number to confirm: one click must not revoke hundreds. */
export const TYPE_TO_CONFIRM_ABOVE = 10;

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function failureText(reason: unknown): string {
  if (isApiError(reason, 404)) return 'already deleted';
  return `failed: ${reason instanceof Error ? reason.message : 'unknown error'}`;
}

function summarize(outcomes: readonly RevokeOutcome[]): string {
  const ok = outcomes.filter((o) => o.result.status === 'fulfilled').length;
  const gone = outcomes.filter((o) => o.result.status === 'rejected' && isApiError(o.result.reason, 404)).length;
  const failed = outcomes.length - ok - gone;
  return [`${ok} revoked`, gone > 0 && `${gone} already deleted`, `${failed} failed`].filter(Boolean).join(', ') + '.';
}

/** Confirm (count and most recent use) → progress → a per-credential report, in one dialog. */
export function BulkRevokeDialog({ org, rows: initialRows, onClose, onFinished }: BulkRevokeDialogProps) {
  const toast = useToast();
  const [rows] = useState(initialRows);
  const [done, setDone] = useState(0);
  const [typed, setTyped] = useState('');
  const mustType = initialRows.length > TYPE_TO_CONFIRM_ABOVE;
  const confirmed = !mustType || typed.trim() === String(initialRows.length);
  const [outcomes, setOutcomes] = useState<readonly RevokeOutcome[] | null>(null);
  const revoke = useBulkRevokeCredentials(org, { onProgress: setDone });
  const doneRef = useRef<HTMLButtonElement>(null);
  // The button that had focus is gone once the report shows: move focus to its replacement.
  useEffect(() => {
    if (outcomes) doneRef.current?.focus();
  }, [outcomes]);
  const byId = new Map(rows.map((r) => [r.credential.id, r]));
  const lastUse = mostRecentUse(rows);
  const count = plural(rows.length, 'credential');

  function start() {
    if (revoke.isPending || outcomes || !confirmed) return;
    revoke.mutate(
      rows.map((r) => ({ id: r.credential.id, serviceAccountId: r.credential.service_account.id })),
      {
        onSuccess: (result) => {
          setOutcomes(result);
          onFinished(result);
          const failed = result.filter((o) => o.result.status === 'rejected' && !isApiError(o.result.reason, 404));
          if (failed.length === 0) toast.success(`Revoked ${count}`);
          else toast.error(`${plural(failed.length, 'credential')} could not be revoked`);
        },
      },
    );
  }

  const title = outcomes
    ? `Revoked ${outcomes.filter((o) => o.result.status === 'fulfilled').length} of ${count}`
    : `Revoke ${count}?`;

  return (
    <Dialog
      open
      title={title}
      size="md"
      onRequestClose={() => {
        if (!revoke.isPending) onClose();
      }}
      data-testid="bulk-revoke-dialog"
    >
      {outcomes ? (
        <>
          <p role="status">{summarize(outcomes)}</p>
          <ul className="bulk-results" aria-label="Result per credential">
            {outcomes.map(({ target, result }) => {
              const row = byId.get(target.id);
              const ok = result.status === 'fulfilled';
              return (
                <li key={target.id} className={ok ? 'bulk-results__ok' : 'bulk-results__failed'}>
                  <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {row?.credential.name} (
                  {row?.credential.service_account.name}): {ok ? 'revoked' : failureText(result.reason)}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <>
          <p>
            Clients using {rows.length === 1 ? 'it' : 'them'} will no longer be able to get tokens. This cannot be
            undone.
          </p>
          <p>
            {lastUse ? (
              <>
                Most recent use among them: <strong><RelativeTime date={lastUse} /></strong>.
              </>
            ) : (
              <>None of them has ever been used, as far as the server has recorded.</>
            )}
          </p>
          <ul className="bulk-list">
            {rows.slice(0, LISTED).map((r) => (
              <li key={r.credential.id}>
                {r.credential.name} ({r.credential.service_account.name})
              </li>
            ))}
            {rows.length > LISTED && <li>and {rows.length - LISTED} more</li>}
          </ul>
          {mustType && (
            <TextInput
              label={`Type ${rows.length} to confirm`}
              inputMode="numeric"
              autoComplete="off"
              value={typed}
              disabled={revoke.isPending}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  start();
                }
              }}
            />
          )}
          {revoke.isPending && (
            <ProgressBar
              label="Revoking credentials"
              value={done}
              max={rows.length}
              valueText={`${done} of ${rows.length}`}
            />
          )}
          {revoke.isError && (
            <div className="form-error" role="alert">
              Could not revoke: {revoke.error.message}
            </div>
          )}
        </>
      )}
      <div className="dialog__footer">
        {outcomes ? (
          <Button ref={doneRef} variant="primary" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose} aria-disabled={revoke.isPending || undefined}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              aria-disabled={!confirmed || undefined}
              title={confirmed ? undefined : `Type ${rows.length} above to confirm`}
              onClick={start}
            >
              Revoke {count}
            </Button>
          </>
        )}
      </div>
    </Dialog>
  );
}
