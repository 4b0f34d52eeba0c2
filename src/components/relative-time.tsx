import { useDeferredValue } from 'react';
import { absoluteTimesReady, formatAbsoluteTime, formatRelativeTime, parseTimestamp } from '../lib/time-format';
import { cx } from './cx';
import { useNow } from './use-now';
import { useTimeZone } from './use-time-zone';

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
 * absolute time is visible too.
 */
export function RelativeTime({ date, never = 'Never', showAbsolute = false, className }: RelativeTimeProps) {
  const now = useNow();
  const zone = useTimeZone();
  // The absolute time needs Intl, whose first use costs 15-30 ms (ICU loads its data). Until a page
  // has made one, the tooltip and screen-reader text follow in a second render just after the rows
  // are on screen, so the first page's rows do not wait for it (issue 13). Shown on screen, it is not deferred.
  const withAbsolute = useDeferredValue(true, showAbsolute || absoluteTimesReady() ? undefined : false);
  const parsed = parseTimestamp(date);
  if (!parsed) return <span className={cx('relative-time relative-time--never', className)}>{never}</span>;
  const absolute = withAbsolute ? formatAbsoluteTime(parsed, zone) : undefined;
  return (
    <time
      className={cx('relative-time', showAbsolute && 'relative-time--full', className)}
      dateTime={parsed.toISOString()}
      title={showAbsolute ? undefined : absolute}
    >
      <span>{formatRelativeTime(parsed, new Date(now))}</span>
      {showAbsolute ? (
        <span className="relative-time__absolute"> ({absolute})</span>
      ) : (
        absolute !== undefined && <span className="visually-hidden"> ({absolute})</span>
      )}
    </time>
  );
}
