// Rotation has no API of its own: it is "create a replacement, wait for clients to switch,
// delete the old one". The link between old and replacement is kept in the replacement's
// description (a final marker line), so any browser can see a rotation in progress and
// resume it, without local storage.
import { DESCRIPTION_MAX, NAME_MAX } from '../api/schemas';

export interface RotationMarker {
  credentialId: string;
  /** Absent only when the marker had to be shortened to fit the description limit. */
  clientId: string | null;
}

const MARKER_PREFIX = 'Replaces credential ';
const MARKER_LINE = /^Replaces credential (\S+)(?: \((.*)\))?$/;
const ELLIPSIS = '…';

export function formatRotationMarker(old: { id: string; client_id: string }): string {
  return `${MARKER_PREFIX}${old.id} (${old.client_id})`;
}

/** Reads the marker from the last non-empty line of a description, or null when there is none. */
export function parseRotationMarker(description: string | null | undefined): RotationMarker | null {
  if (!description) return null;
  const lines = description.trimEnd().split(/\r?\n/);
  const last = lines[lines.length - 1]?.trim();
  const match = last ? MARKER_LINE.exec(last) : null;
  if (!match?.[1]) return null;
  return { credentialId: match[1], clientId: match[2] ?? null };
}

/** The description without its trailing marker line (and the blank line before it). */
export function stripRotationMarker(description: string | null | undefined): string {
  if (!description) return '';
  if (!parseRotationMarker(description)) return description;
  const lines = description.trimEnd().split(/\r?\n/);
  lines.pop();
  return lines.join('\n').trimEnd();
}

/**
 * The description as the person sees and edits it, and the marker line kept verbatim, so an
 * edit dialog can change the one and put back the other: the link between old and replacement
 * is never editable text.
 */
export function splitRotationMarker(description: string | null | undefined): { text: string; marker: string | null } {
  if (!parseRotationMarker(description)) return { text: description ?? '', marker: null };
  const lines = description!.trimEnd().split(/\r?\n/);
  const marker = lines.pop()!.trim();
  return { text: lines.join('\n').trimEnd(), marker };
}

/** The inverse of splitRotationMarker: the person's text, then the marker as the last line. */
export function joinRotationMarker(text: string, marker: string | null): string {
  const body = text.trimEnd();
  if (!marker) return text;
  return body ? `${body}\n\n${marker}` : marker;
}

/** How much of the description is left for the person's text once the marker (and "\n\n") is kept. */
export function descriptionRoomBeside(marker: string | null, maxLength: number = DESCRIPTION_MAX): number {
  return marker ? Math.max(0, maxLength - marker.length - 2) : maxLength;
}

const ROTATED_SUFFIX = / \(rotated \d{4}-\d{2}-\d{2}\)$/;

/**
 * The name proposed for a replacement: the old name plus " (rotated YYYY-MM-DD)" (UTC), so old
 * and new never look alike. A suffix from an earlier rotation is replaced, not stacked; the old
 * name is shortened if needed to fit NAME_MAX.
 */
export function proposeReplacementName(oldName: string, now: Date, maxLength: number = NAME_MAX): string {
  const suffix = ` (rotated ${now.toISOString().slice(0, 10)})`;
  const base = oldName.replace(ROTATED_SUFFIX, '').trimEnd();
  return `${[...base].slice(0, Math.max(0, maxLength - suffix.length)).join('').trimEnd()}${suffix}`;
}

/**
 * The description a replacement credential is created with: the old one's own text (without
 * any marker it carried from an earlier rotation) followed by the marker line. The carried-over
 * text is shortened, never the marker, so the result fits DESCRIPTION_MAX.
 */
export function buildReplacementDescription(
  old: { id: string; client_id: string; description?: string | null },
  maxLength: number = DESCRIPTION_MAX,
): string {
  let marker = formatRotationMarker(old);
  if (marker.length > maxLength) marker = `${MARKER_PREFIX}${old.id}`;
  const body = stripRotationMarker(old.description);
  if (!body) return marker;
  const room = maxLength - marker.length - 2; // "\n\n" between body and marker
  if (room <= ELLIPSIS.length) return marker;
  const kept = body.length <= room ? body : `${body.slice(0, room - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
  return `${kept}\n\n${marker}`;
}

export interface RotationCredential {
  id: string;
  client_id: string;
  created_at: string;
  last_used_at?: string | null;
  description?: string | null;
}

const HOUR = 3_600_000;

/** Hourly usage buckets (the `usage` extension) are kept this long, so gaps are looked for in it. */
export const USAGE_HISTORY_MS = 14 * 24 * HOUR;

/**
 * The shortest observation window: an hour, or an access token's lifetime if that is longer,
 * since a client may keep using a token it got from the old credential that long without
 * touching the credential again.
 */
export function defaultObservationWindow(tokenLifetimeMs: number = HOUR): number {
  return Math.max(tokenLifetimeMs, HOUR);
}

export interface ObservationWindow {
  /** How long the old credential must be quiet before revoking it is safe. */
  ms: number;
  /** What decided it: nobody chose, the person chose, or the old credential's own usage history. */
  source: 'default' | 'chosen' | 'usage';
  /** The longest gap between the old credential's uses in its recent history, when known. */
  usageGapMs: number | null;
}

/**
 * The window W: the person's choice (else the default), but never shorter than the longest gap
 * between the old credential's past uses, so a nightly or weekly job is waited for.
 */
export function observationWindow({
  chosenMs = null,
  tokenLifetimeMs,
  usageGapMs = null,
}: {
  chosenMs?: number | null;
  tokenLifetimeMs?: number;
  usageGapMs?: number | null;
}): ObservationWindow {
  const base = chosenMs ?? defaultObservationWindow(tokenLifetimeMs);
  if (usageGapMs !== null && usageGapMs > base) return { ms: usageGapMs, source: 'usage', usageGapMs };
  return { ms: base, source: chosenMs === null ? 'default' : 'chosen', usageGapMs };
}

export interface UsageBucket {
  start: string;
  count: number;
}

/**
 * The longest time between two uses, from hourly usage buckets (of the last 14 days): for used
 * hours that are not next to each other, from the start of one to the end of the next (the most
 * the uses in them can be apart, so a job is never under-estimated). Used hours next to each
 * other are continuous use, finer than the buckets can tell. Null when there is no gap to measure.
 */
export function longestGapBetweenUses(
  buckets: readonly UsageBucket[],
  now: Date,
  { bucketMs = HOUR, historyMs = USAGE_HISTORY_MS }: { bucketMs?: number; historyMs?: number } = {},
): number | null {
  const from = now.getTime() - historyMs;
  const starts = buckets
    .filter((b) => b.count > 0)
    .map((b) => time(b.start))
    .filter((t): t is number => t !== null && t >= from - bucketMs)
    .sort((a, b) => a - b);
  let longest: number | null = null;
  for (let i = 1; i < starts.length; i++) {
    const apart = starts[i]! - starts[i - 1]!;
    if (apart <= bucketMs) continue;
    longest = Math.max(longest ?? 0, apart + bucketMs);
  }
  return longest;
}

export type RotationStage =
  /** No replacement exists yet (step 1). */
  | 'not-started'
  /** A replacement exists but nobody has used it yet (step 2). */
  | 'awaiting-replacement-use'
  /** The replacement is in use; the old one has not yet been quiet for the whole window (step 2). */
  | 'observing'
  /** The replacement is in use and the old one has been quiet for the whole window (step 3). */
  | 'safe-to-revoke'
  /** The old credential is gone and its replacement exists. */
  | 'completed';

export interface RotationState {
  stage: RotationStage;
  replacementUsed: boolean;
  /** The old credential was used at or after the moment the replacement was created. */
  oldUsedSinceReplacement: boolean;
  /** Since when the old credential has been quiet: its last use, or the replacement's creation if later. */
  quietSince: Date | null;
  /** How long it has been quiet (0 for a use "in the future", from a server clock ahead of ours). */
  quietForMs: number;
  /** The observation window W the quiet time is measured against. */
  windowMs: number;
  /** When the window ends if the old credential stays quiet. */
  windowEndsAt: Date | null;
  safeToRevoke: boolean;
}

function time(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * Where a rotation stands, from API data only. Safe to revoke means both: the replacement has
 * been used, AND the old credential has been quiet for the window W, counted from its last use
 * or, if it was not used after the replacement was created, from the replacement's creation.
 * A use of the old one at exactly the creation instant counts as "after", to err on the side of
 * not breaking clients; quiet for exactly W is enough. `now` clamps timestamps from a server
 * clock that runs ahead of ours (such a use counts as "just now").
 */
export function deriveRotationState(
  { old, replacement }: { old: RotationCredential | null | undefined; replacement: RotationCredential | null | undefined },
  now: Date,
  windowMs: number = defaultObservationWindow(),
): RotationState {
  const notYet = {
    replacementUsed: false,
    oldUsedSinceReplacement: false,
    quietSince: null,
    quietForMs: 0,
    windowMs,
    windowEndsAt: null,
    safeToRevoke: false,
  };
  if (!replacement) return { stage: 'not-started', ...notYet };
  const replacementUsed = time(replacement.last_used_at) !== null;
  if (!old) return { stage: 'completed', ...notYet, replacementUsed };

  const nowMs = now.getTime();
  const replacementCreated = Math.min(time(replacement.created_at) ?? nowMs, nowMs);
  const oldUsedRaw = time(old.last_used_at);
  const oldUsed = oldUsedRaw === null ? null : Math.min(oldUsedRaw, nowMs);
  const oldUsedSinceReplacement = oldUsed !== null && oldUsed >= replacementCreated;
  const quietSince = oldUsedSinceReplacement ? oldUsed : replacementCreated;
  const quietForMs = nowMs - quietSince;
  const safeToRevoke = replacementUsed && quietForMs >= windowMs;
  const stage: RotationStage = !replacementUsed ? 'awaiting-replacement-use' : safeToRevoke ? 'safe-to-revoke' : 'observing';
  return {
    stage,
    replacementUsed,
    oldUsedSinceReplacement,
    quietSince: new Date(quietSince),
    quietForMs,
    windowMs,
    windowEndsAt: new Date(quietSince + windowMs),
    safeToRevoke,
  };
}

function newestFirst(a: RotationCredential, b: RotationCredential): number {
  return (time(b.created_at) ?? 0) - (time(a.created_at) ?? 0);
}

/**
 * The replacement of `oldId` among `credentials` (one service account's), newest first if
 * someone started the rotation twice.
 */
export function findReplacement<C extends RotationCredential>(oldId: string, credentials: readonly C[]): C | null {
  const matches = credentials.filter((c) => c.id !== oldId && parseRotationMarker(c.description)?.credentialId === oldId);
  return matches.sort(newestFirst)[0] ?? null;
}

export interface RotationPair<C extends RotationCredential = RotationCredential> {
  old: C;
  replacement: C;
}

/**
 * Rotations not yet finished: both the old credential and its replacement still exist.
 * One pair per old credential (its newest replacement), oldest rotation first.
 */
export function findRotationsInProgress<C extends RotationCredential>(credentials: readonly C[]): RotationPair<C>[] {
  const byId = new Map(credentials.map((c) => [c.id, c]));
  const pairs = new Map<string, RotationPair<C>>();
  for (const replacement of [...credentials].sort(newestFirst)) {
    const marker = parseRotationMarker(replacement.description);
    if (!marker || marker.credentialId === replacement.id || pairs.has(marker.credentialId)) continue;
    const old = byId.get(marker.credentialId);
    if (old) pairs.set(old.id, { old, replacement });
  }
  return [...pairs.values()].sort((a, b) => newestFirst(b.replacement, a.replacement));
}

export type RotationRole<C> =
  /** This credential is the old one of a rotation in progress; `partner` is its replacement. */
  | { kind: 'being-replaced'; partner: C }
  /** This credential replaces `partner`, which still exists. */
  | { kind: 'replacement'; partner: C };

/**
 * For lists: which credentials are the two halves of a rotation in progress, each with the
 * other half, so old and new are told apart and link to each other. A replacement whose old
 * credential is gone (or whose marker another client removed) has no role: it is just a credential.
 */
export function rotationRoles<C extends RotationCredential>(credentials: readonly C[]): Map<string, RotationRole<C>> {
  const roles = new Map<string, RotationRole<C>>();
  for (const { old, replacement } of findRotationsInProgress(credentials)) {
    // A credential that is both (a chain of rotations) is first of all being replaced.
    roles.set(old.id, { kind: 'being-replaced', partner: replacement });
    if (!roles.has(replacement.id)) roles.set(replacement.id, { kind: 'replacement', partner: old });
  }
  return roles;
}
