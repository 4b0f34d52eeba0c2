import { formatAbsoluteTime, formatRelativeTime, parseTimestamp } from '../lib/time-format';
import { cx } from './cx';
import { useNow } from './use-now';

export type RelativeTimeProps = {
  /** An RFC 3339 string from the API, a Date, or nothing (never happened). */
  date: string | Date | null | undefined;
  /** Text when there is no date, e.g. "Never used". */
  never?: string;
  className?: string;
};

/**
 * "3 hours ago" for the eye; the absolute time in a tooltip and, for screen readers, in the
 * text itself (a title attribute alone is not reliably announced).
 */
export function RelativeTime({ date, never = 'Never', className }: RelativeTimeProps) {
  const now = useNow();
  const parsed = parseTimestamp(date);
  if (!parsed) return <span className={cx('relative-time relative-time--never', className)}>{never}</span>;
  const absolute = formatAbsoluteTime(parsed);
  return (
    <time className={cx('relative-time', className)} dateTime={parsed.toISOString()} title={absolute}>
      <span>{formatRelativeTime(parsed, new Date(now))}</span>
      <span className="visually-hidden"> ({absolute})</span>
    </time>
  );
}
