const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * The interface is written in English, so dates are too: a browser set to German must not
 * put "vor 9 Tagen" into an English sentence. The time zone is still the browser's (or UTC).
 */
export const UI_LOCALE = 'en';
/** English with day-month-year dates ("3 Mar 2027"), unambiguous for readers on both sides of the Atlantic. */
const DATE_LOCALE = 'en-GB';

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatter(locale: string = UI_LOCALE) {
  const key = locale;
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
export function formatRelativeTime(date: Date, now: Date, locale: string = UI_LOCALE): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return 'just now';
  const sign = diff < 0 ? -1 : 1;
  const [amount, unit]: [number, EnglishUnit] =
    abs < HOUR
      ? [abs / MINUTE, 'minute']
      : abs < DAY
        ? [abs / HOUR, 'hour']
        : abs < MONTH
          ? [abs / DAY, 'day']
          : abs < YEAR
            ? [abs / MONTH, 'month']
            : [abs / YEAR, 'year'];
  const value = sign * Math.floor(amount);
  return locale === UI_LOCALE ? formatEnglishRelative(value, unit) : relativeFormatter(locale).format(value, unit);
}

type EnglishUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';
const ENGLISH_NEIGHBOURS: Partial<Record<EnglishUnit, [string, string]>> = {
  day: ['yesterday', 'tomorrow'],
  month: ['last month', 'next month'],
  year: ['last year', 'next year'],
};

/**
 * What Intl.RelativeTimeFormat('en', { numeric: 'auto' }) says for a non-zero whole amount, written
 * out: the first Intl object of a page costs 15-30 ms (ICU loads its data), and every row of the
 * first page shows relative times (issue 13). time-format.test.ts compares the two.
 */
function formatEnglishRelative(value: number, unit: EnglishUnit): string {
  const neighbours = ENGLISH_NEIGHBOURS[unit];
  if (neighbours && Math.abs(value) === 1) return neighbours[value < 0 ? 0 : 1];
  const count = Math.abs(value);
  const amount = `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
  return value < 0 ? `${amount} ago` : `in ${amount}`;
}

/** Where times are shown: the browser's time zone, or UTC (a setting kept in the browser). */
export type TimeZoneChoice = 'local' | 'utc';

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether absolute times are cheap to format: a date formatter (and so ICU's data) exists. */
export function absoluteTimesReady(): boolean {
  return dateTimeFormatters.size > 0;
}

function dateTimeFormatter(zone: TimeZoneChoice, withTime: boolean): Intl.DateTimeFormat {
  const key = `${zone}:${withTime}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALE, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'long' } : {}),
      timeZone: zone === 'utc' ? 'UTC' : undefined,
    });
    dateTimeFormatters.set(key, formatter);
  }
  return formatter;
}

/** Date and time with its zone, e.g. "30 Nov 2026, 03:55:39 UTC". */
export function formatAbsoluteTime(date: Date, zone: TimeZoneChoice = 'local'): string {
  return dateTimeFormatter(zone, true).format(date);
}

/** The date alone, e.g. "3 Mar 2027". */
export function formatDate(date: Date, zone: TimeZoneChoice = 'local'): string {
  return dateTimeFormatter(zone, false).format(date);
}

/** "5 days" / "1 day": a whole number of days, for "in 12 days" and "overdue by 5 days". */
export function formatDays(days: number): string {
  const whole = Math.floor(days);
  return `${formatCount(whole)} day${whole === 1 ? '' : 's'}`;
}

/** Accepts what the API sends (an RFC 3339 string) and returns null for absent or unparsable values. */
export function parseTimestamp(value: string | Date | null | undefined): Date | null {
  if (value == null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

let numberFormatter: Intl.NumberFormat | undefined;
/** "1,234" (UI_LOCALE's grouping). */
export function formatCount(n: number): string {
  // Integers are grouped by hand: the first Intl.NumberFormat costs ~10 ms (ICU's number data),
  // and the service-account list, the first page, shows counts in every row (issue 13).
  if (Number.isSafeInteger(n)) return (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  numberFormatter ??= new Intl.NumberFormat(UI_LOCALE);
  return numberFormatter.format(n);
}
