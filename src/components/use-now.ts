import { useSyncExternalStore } from 'react';

const MINUTE = 60_000;

/**
 * One shared clock for every relative time on the page (a table of 1,000 rows must not run
 * 1,000 timers). Ticks on the minute while anything is subscribed.
 */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, MINUTE);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot() {
  // Before anything subscribes, the module-level value may be arbitrarily old. Rounding to
  // the minute keeps consecutive reads identical, as useSyncExternalStore requires.
  if (!timer) now = Math.floor(Date.now() / MINUTE) * MINUTE;
  return now;
}

/** Milliseconds since the epoch, refreshed every minute. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
