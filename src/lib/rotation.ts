// Rotation has no API of its own: it is "create a replacement, wait for clients to switch,
// delete the old one". The link between old and replacement is kept in the replacement's
// description (a final marker line), so any browser can see a rotation in progress and
// resume it, without local storage.
import { DESCRIPTION_MAX } from '../api/schemas';

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

export type RotationStage =
  /** No replacement exists yet (step 1). */
  | 'not-started'
  /** A replacement exists but nobody has used it yet (step 2). */
  | 'awaiting-replacement-use'
  /** The replacement is in use, but so is the old one (step 2). */
  | 'clients-switching'
  /** The replacement is in use and the old one has not been used since it was created (step 3). */
  | 'safe-to-revoke'
  /** The old credential is gone and its replacement exists. */
  | 'completed';

export interface RotationState {
  stage: RotationStage;
  replacementUsed: boolean;
  /** The old credential was used at or after the moment the replacement was created. */
  oldUsedSinceReplacement: boolean;
  safeToRevoke: boolean;
}

function time(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * Where a rotation stands, from API data only. Safe to revoke means: the replacement has been
 * used AND the old credential has not been used since the replacement was created. A use at
 * exactly the creation instant counts as "since", to err on the side of not breaking clients.
 * `now` clamps timestamps from a server clock that runs ahead of ours.
 */
export function deriveRotationState(
  { old, replacement }: { old: RotationCredential | null | undefined; replacement: RotationCredential | null | undefined },
  now: Date,
): RotationState {
  const notYet = { replacementUsed: false, oldUsedSinceReplacement: false, safeToRevoke: false };
  if (!replacement) return { stage: 'not-started', ...notYet };
  const replacementUsed = time(replacement.last_used_at) !== null;
  if (!old) return { stage: 'completed', ...notYet, replacementUsed };

  const nowMs = now.getTime();
  const replacementCreated = Math.min(time(replacement.created_at) ?? nowMs, nowMs);
  const oldUsed = time(old.last_used_at);
  const oldUsedSinceReplacement = oldUsed !== null && Math.min(oldUsed, nowMs) >= replacementCreated;

  const safeToRevoke = replacementUsed && !oldUsedSinceReplacement;
  const stage: RotationStage = !replacementUsed
    ? 'awaiting-replacement-use'
    : oldUsedSinceReplacement
      ? 'clients-switching'
      : 'safe-to-revoke';
  return { stage, replacementUsed, oldUsedSinceReplacement, safeToRevoke };
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
