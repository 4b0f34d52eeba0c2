import { useSyncExternalStore } from 'react';
import type { TimeZoneChoice } from '../lib/time-format';

/** Kept in the browser (not the account): it is about this screen's reader, not the data. */
export const TIME_ZONE_STORAGE_KEY = 'sac.time-zone';

const listeners = new Set<() => void>();

function read(): TimeZoneChoice {
  try {
    return localStorage.getItem(TIME_ZONE_STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    // Storage blocked (privacy settings): the browser's zone.
    return 'local';
  }
}

let current: TimeZoneChoice | undefined;

// One storage listener for every subscriber: a table may show hundreds of times.
function onStorage(event: StorageEvent) {
  if (event.key !== TIME_ZONE_STORAGE_KEY) return;
  // Another tab changed it.
  current = read();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

function getSnapshot(): TimeZoneChoice {
  current ??= read();
  return current;
}

export function setTimeZoneChoice(zone: TimeZoneChoice) {
  current = zone;
  try {
    if (zone === 'utc') localStorage.setItem(TIME_ZONE_STORAGE_KEY, 'utc');
    else localStorage.removeItem(TIME_ZONE_STORAGE_KEY);
  } catch {
    // Not kept, but still applied for this page.
  }
  listeners.forEach((listener) => listener());
}

/** 'local' (the browser's time zone) or 'utc'; every time on screen follows it. */
export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore(subscribe, getSnapshot, () => 'local');
}
