import { createContext, useDeferredValue, useMemo, type ReactNode } from 'react';
import { absoluteTimesReady, type TimeZoneChoice } from '../lib/time-format';
import { useNow } from './use-now';
import { useTimeZone } from './use-time-zone';

/** What every relative time on screen shares: the minute, the zone, and whether to format absolute times yet. */
export type TimeDisplay = {
  now: number;
  zone: TimeZoneChoice;
  /**
   * Absolute times need Intl, whose first use costs 15-30 ms (ICU loads its data). Until a page
   * has made one, tooltips and screen-reader texts follow in a second render just after the
   * first rows are on screen (issue 13).
   */
  absoluteTimes: boolean;
};

export const TimeDisplayContext = createContext<TimeDisplay | null>(null);

/**
 * One clock, one zone setting and one deferred render for all the relative times below it: every
 * table has one (components/table.tsx), and so does the activity list. Each time used to take two
 * store subscriptions and a deferred value of its own: 225 hooks for the 75 times on the
 * service-account list's first page (issue 13). A relative time outside any provider makes its own.
 */
export function TimeDisplayProvider({ children }: { children: ReactNode }) {
  const now = useNow();
  const zone = useTimeZone();
  const absoluteTimes = useDeferredValue(true, absoluteTimesReady() ? undefined : false);
  const display = useMemo(() => ({ now, zone, absoluteTimes }), [now, zone, absoluteTimes]);
  return <TimeDisplayContext value={display}>{children}</TimeDisplayContext>;
}
