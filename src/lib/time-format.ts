const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatter(locale: string | undefined) {
  const key = locale ?? '';
  let rtf = relativeFormatters.get(key);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormatters.set(key, rtf);
  }
  return rtf;
}

/**
 * "3 hours ago", "yesterday", "2 years ago". Amounts are truncated rather than rounded so
 * "used 3 hours ago" never overstates recency-based staleness the other way round.
 * Anything under a minute (either direction, to absorb clock skew) is "just now".
 */
export function formatRelativeTime(date: Date, now: Date, locale?: string): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return 'just now';
  const sign = diff < 0 ? -1 : 1;
  const rtf = relativeFormatter(locale);
  const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < HOUR
      ? [abs / MINUTE, 'minute']
      : abs < DAY
        ? [abs / HOUR, 'hour']
        : abs < MONTH
          ? [abs / DAY, 'day']
          : abs < YEAR
            ? [abs / MONTH, 'month']
            : [abs / YEAR, 'year'];
  return rtf.format(sign * Math.floor(amount), unit);
}

const absoluteFormatter = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'long',
});

/** Local date and time with the time zone, e.g. "Nov 30, 2026, 3:55:39 AM UTC". */
export function formatAbsoluteTime(date: Date): string {
  return absoluteFormatter.format(date);
}

/** Accepts what the API sends (an RFC 3339 string) and returns null for absent or unparsable values. */
export function parseTimestamp(value: string | Date | null | undefined): Date | null {
  if (value == null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const integerFormatter = new Intl.NumberFormat();
export function formatCount(n: number): string {
  return integerFormatter.format(n);
}
