import { Button } from '../../components/button';
import { ProgressBar } from '../../components/progress-bar';
import { formatCount } from '../../lib/time-format';

/** A walk through every matching page, for "select all matching" or the CSV export. */
export interface Collecting {
  kind: 'select' | 'export';
  loaded: number;
  /** The expected count, from the stats; undefined when unknown. */
  total: number | undefined;
  error?: unknown;
}

const LABELS = { select: 'Selecting all matching credentials', export: 'Exporting credentials' } as const;

export function CollectProgress({ collecting, onCancel }: { collecting: Collecting; onCancel: () => void }) {
  const { kind, loaded, total, error } = collecting;
  const text = error
    ? `${LABELS[kind]} failed: ${error instanceof Error ? error.message : 'unknown error'}`
    : `${LABELS[kind]}: ${formatCount(loaded)}${total === undefined ? '' : ` of ${formatCount(total)}`}`;
  return (
    <div className="review-progress review-collect" role="group" aria-label={LABELS[kind]}>
      {!error && (
        <ProgressBar
          label={LABELS[kind]}
          value={total === undefined ? undefined : loaded}
          max={Math.max(total ?? 0, 1)}
          valueText={text}
        />
      )}
      <div className="toolbar">
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : 'status'}>
          {text}
        </p>
        <Button size="sm" onClick={onCancel}>
          {error ? 'Dismiss' : 'Cancel'}
        </Button>
      </div>
    </div>
  );
}
