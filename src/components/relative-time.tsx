import { useContext } from 'react';
import { formatAbsoluteTime, formatRelativeTime, parseTimestamp } from '../lib/time-format';
import { cx } from './cx';
import { TimeDisplayContext, TimeDisplayProvider } from './time-display';

export type RelativeTimeProps = {
  /** An RFC 3339 string from the API, a Date, or nothing (never happened). */
  date: string | Date | null | undefined;
  /** Text when there is no date, e.g. "Never used". */
  never?: string;
  /**
   * Also show the absolute date and time (with its zone) on screen, after the relative one:
   * for pages about a single item. Lists leave it to the tooltip.
   */
  showAbsolute?: boolean;
  className?: string;
};

/**
 * "3 hours ago" for the eye; the absolute time in a tooltip and, for screen readers, in the
 * text itself (a title attribute alone is not reliably announced). With `showAbsolute`, the
 * absolute time is visible too, at once.
 */
export function RelativeTime(props: RelativeTimeProps) {
  const display = useContext(TimeDisplayContext);
  if (!display) {
    return (
      <TimeDisplayProvider>
        <RelativeTime {...props} />
      </TimeDisplayProvider>
    );
  }
  const { date, never = 'Never', showAbsolute = false, className } = props;
  const parsed = parseTimestamp(date);
  if (!parsed) return <span className={cx('relative-time relative-time--never', className)}>{never}</span>;
  const absolute = showAbsolute || display.absoluteTimes ? formatAbsoluteTime(parsed, display.zone) : undefined;
  return (
    <time
      className={cx('relative-time', showAbsolute && 'relative-time--full', className)}
      dateTime={parsed.toISOString()}
      title={showAbsolute ? undefined : absolute}
    >
      <span>{formatRelativeTime(parsed, new Date(display.now))}</span>
      {showAbsolute ? (
        <span className="relative-time__absolute"> ({absolute})</span>
      ) : (
        absolute !== undefined && <span className="visually-hidden"> ({absolute})</span>
      )}
    </time>
  );
}
