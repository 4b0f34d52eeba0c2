import { cx } from './cx';

export type ProgressBarProps = {
  /** Omit for an indeterminate bar (no aria-valuenow). */
  value?: number;
  max?: number;
  label: string;
  /** Human wording for screen readers, e.g. "2,000 of about 10,000". */
  valueText?: string;
  className?: string;
};

export function ProgressBar({ value, max = 100, label, valueText, className }: ProgressBarProps) {
  const determinate = value !== undefined && max > 0;
  const clamped = determinate ? Math.min(Math.max(value, 0), max) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={determinate ? max : undefined}
      aria-valuenow={determinate ? clamped : undefined}
      aria-valuetext={valueText}
      className={cx('progress', !determinate && 'progress--indeterminate', className)}
    >
      <span className="progress__bar" style={determinate ? { width: `${(clamped / max) * 100}%` } : undefined} />
    </div>
  );
}
