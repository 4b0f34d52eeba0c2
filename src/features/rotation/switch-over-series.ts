// The numbers behind the switch-over chart, and the same story in one sentence. Pure, so the
// wording can be tested without a DOM.
import type { UsageBucket } from '../../lib/rotation';

const HOUR = 3_600_000;

export interface HourPoint {
  /** Start of the hour (ms since the epoch). */
  start: number;
  old: number;
  replacement: number;
}

function countsByHour(items: readonly UsageBucket[] | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { start, count } of items ?? []) {
    const t = Date.parse(start);
    if (!Number.isNaN(t)) counts.set(t, (counts.get(t) ?? 0) + count);
  }
  return counts;
}

/** One point per hour from `start` to the current hour, with 0 for hours the server left out. */
export function hourlySeries(
  start: number,
  now: number,
  old: readonly UsageBucket[] | null,
  replacement: readonly UsageBucket[] | null,
): HourPoint[] {
  const oldCounts = countsByHour(old);
  const newCounts = countsByHour(replacement);
  const first = Math.floor(start / HOUR) * HOUR;
  const last = Math.floor(now / HOUR) * HOUR;
  const points: HourPoint[] = [];
  for (let t = first; t <= last; t += HOUR) {
    points.push({ start: t, old: oldCounts.get(t) ?? 0, replacement: newCounts.get(t) ?? 0 });
  }
  return points;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the chart shows, in words: who is in use since the hour the replacement was created, and when the
 * old credential was last used if clients have moved off it. `formatHour` renders an hour's start.
 */
export function describeSwitchOver(
  points: readonly HourPoint[],
  replacementCreated: number,
  formatHour: (start: number) => string,
): string {
  const since = points.filter((p) => p.start + HOUR > replacementCreated);
  const oldUses = since.reduce((n, p) => n + p.old, 0);
  const newUses = since.reduce((n, p) => n + p.replacement, 0);
  const current = points[points.length - 1]?.start;
  if (oldUses === 0 && newUses === 0) return 'Neither credential has been used since the hour the replacement was created.';
  if (newUses === 0) {
    return `Only the old credential is in use: ${plural(oldUses, 'use')} since the hour the replacement was created, none of the new one yet.`;
  }
  if (oldUses === 0) {
    return `Clients use only the new credential: ${plural(newUses, 'use')} since the hour the replacement was created, none of the old one.`;
  }
  const lastOld = Math.max(...since.filter((p) => p.old > 0).map((p) => p.start));
  const newAfter = since.filter((p) => p.start > lastOld).reduce((n, p) => n + p.replacement, 0);
  if (lastOld !== current && newAfter > 0) {
    return `Clients have switched over: the old credential was last used in the hour from ${formatHour(lastOld)} (${plural(oldUses, 'use')} since the hour the replacement was created); since then only the new one, ${plural(newAfter, 'use')}.`;
  }
  return `Both credentials are in use: since the hour the replacement was created, the old one ${plural(oldUses, 'time')} (most recently in the hour from ${formatHour(lastOld)}) and the new one ${plural(newUses, 'time')}.`;
}
