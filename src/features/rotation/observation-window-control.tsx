import { useId } from 'react';
import { formatDuration, serializeDuration } from '../../lib/duration';
import type { ObservationWindow } from '../../lib/rotation';

const HOUR = 3_600_000;
/** Longer windows for clients that run rarely: daily and weekly jobs, monthly reports. */
const PRESETS = [6 * HOUR, 24 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR];

export interface ObservationWindowControlProps {
  observation: ObservationWindow;
  /** The window that applies when nobody chooses one. */
  defaultMs: number;
  /** The person's choice (kept in the URL), or null for the default. */
  chosenMs: number | null;
  onChange: (ms: number | null) => void;
}

/**
 * How long the old credential must stay quiet. The choice lives in the URL (`?window=24h`), so
 * a shared link or a reload keeps it; a value the list does not offer (from a link) is kept too.
 */
export function ObservationWindowControl({ observation, defaultMs, chosenMs, onChange }: ObservationWindowControlProps) {
  const id = useId();
  const hintId = useId();
  const options = [...new Set([...PRESETS, ...(chosenMs === null ? [] : [chosenMs])])]
    .filter((ms) => ms !== defaultMs)
    .sort((a, b) => a - b);
  return (
    <div className="rotation-window">
      <label htmlFor={id} className="rotation-window__label">
        Observation window
      </label>
      <select
        id={id}
        className="select select--sm"
        aria-describedby={hintId}
        value={chosenMs === null || chosenMs === defaultMs ? '' : serializeDuration(chosenMs)}
        onChange={(e) => onChange(e.target.value ? chosenFromValue(e.target.value, options) : null)}
      >
        <option value="">{formatDuration(defaultMs)} (default)</option>
        {options.map((ms) => (
          <option key={ms} value={serializeDuration(ms)}>
            {formatDuration(ms)}
          </option>
        ))}
      </select>
      <p id={hintId} className="muted rotation-window__hint">
        {observation.source === 'usage' && observation.usageGapMs !== null ? (
          <>
            Waiting {formatDuration(observation.ms)}: in the last 14 days the old credential once went{' '}
            {formatDuration(observation.usageGapMs)} between uses, so a client that runs that rarely is waited for.
          </>
        ) : (
          <>
            The old credential must go unused this long. Choose longer for clients that run rarely, such as a daily
            (24 h) or weekly (7 days) job.
          </>
        )}
        {chosenMs !== null && chosenMs < defaultMs && (
          <> Shorter than the default: a client may still hold an access token from the old credential.</>
        )}
      </p>
    </div>
  );
}

function chosenFromValue(value: string, options: number[]): number | null {
  return options.find((ms) => serializeDuration(ms) === value) ?? null;
}
