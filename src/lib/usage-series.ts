// Turns the usage endpoint's sparse buckets (days without uses may be left out) into one
// value per day of a fixed window, and says what they add up to.

const DAY_MS = 86_400_000;

/** The window of the credential page's chart and the review page's "Uses (30 days)" column. */
export const USAGE_DAYS = 30;

/** A bucket as the usage endpoint sends it (src/api/usage-schemas.ts), start RFC 3339. */
export interface UsageBucket {
  start: string;
  count: number;
}

/** One bucket per day from `start` for `days` days, with 0 where the server sent none. */
export function dailySeries(items: readonly UsageBucket[], start: string | Date, days: number): UsageBucket[] {
  const counts = new Map<number, number>();
  for (const item of items) {
    const at = Date.parse(item.start);
    if (Number.isNaN(at)) continue;
    const day = Math.floor(at / DAY_MS) * DAY_MS;
    counts.set(day, (counts.get(day) ?? 0) + item.count);
  }
  const first = Math.floor(new Date(start).getTime() / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => {
    const day = first + i * DAY_MS;
    return { start: new Date(day).toISOString(), count: counts.get(day) ?? 0 };
  });
}

export function totalUses(items: readonly UsageBucket[]): number {
  return items.reduce((sum, item) => sum + item.count, 0);
}

export interface UsageSummary {
  total: number;
  /** Days with at least one use. */
  activeDays: number;
  /** The day with the most uses (the latest of equals); undefined when there were none. */
  busiest?: UsageBucket;
}

export function summarizeDays(series: readonly UsageBucket[]): UsageSummary {
  let busiest: UsageBucket | undefined;
  let activeDays = 0;
  for (const day of series) {
    if (day.count > 0) activeDays += 1;
    if (day.count > 0 && (!busiest || day.count >= busiest.count)) busiest = day;
  }
  return { total: totalUses(series), activeDays, busiest };
}

// Built on first use: an Intl object costs milliseconds, not worth paying when the module loads.
let dayFormatter: Intl.DateTimeFormat | undefined;
let weekdayFormatter: Intl.DateTimeFormat | undefined;

/** "1 Dec" (or "Dec 1", by locale): buckets are UTC days, so they are named in UTC. */
export function formatUsageDay(start: string): string {
  dayFormatter ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return dayFormatter.format(new Date(start));
}

/** "Tue, 1 Dec" (by locale), for tooltips and the table. */
export function formatUsageDayLong(start: string): string {
  weekdayFormatter ??= new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return weekdayFormatter.format(new Date(start));
}

/** "1 use", "1,234 uses". */
export function pluralUses(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'use' : 'uses'}`;
}
