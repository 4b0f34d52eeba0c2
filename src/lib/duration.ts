// Durations as people read them ("2 h 10 min") and as a URL keeps them ("24h", "7d").
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = { s: SECOND, m: MINUTE, h: HOUR, d: DAY } as const;

/**
 * "45 s", "12 min", "2 h 10 min", "24 h", "3 days 4 h": the two largest units, truncated, so a
 * countdown never claims more time has passed than has.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  if (total < MINUTE) return `${total / SECOND} s`;
  if (total < HOUR) {
    const minutes = Math.floor(total / MINUTE);
    const seconds = Math.floor((total % MINUTE) / SECOND);
    return seconds && minutes < 10 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  }
  // Up to two days in hours: "24 h" and "36 h" read better than "1 day" and "1 day 12 h".
  if (total < 2 * DAY) {
    const hours = Math.floor(total / HOUR);
    const minutes = Math.floor((total % HOUR) / MINUTE);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const dayWord = days === 1 ? 'day' : 'days';
  return hours ? `${days} ${dayWord} ${hours} h` : `${days} ${dayWord}`;
}

/** "30s", "15m", "24h", "7d" → milliseconds; anything else (or zero) → null. */
export function parseDuration(value: string | null | undefined): number | null {
  const match = value ? /^(\d{1,6})([smhd])$/.exec(value.trim()) : null;
  if (!match) return null;
  const ms = Number(match[1]) * UNITS[match[2] as keyof typeof UNITS];
  return ms > 0 ? ms : null;
}

/** The inverse of parseDuration, in the largest unit that divides the value exactly (hours up to two days, as shown). */
export function serializeDuration(ms: number): string {
  if (ms >= 2 * DAY && ms % DAY === 0) return `${ms / DAY}d`;
  for (const unit of ['h', 'm'] as const) {
    if (ms % UNITS[unit] === 0) return `${ms / UNITS[unit]}${unit}`;
  }
  return `${Math.max(1, Math.round(ms / SECOND))}s`;
}
