import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX } from '../api/schemas';
import {
  buildReplacementDescription,
  deriveRotationState,
  longestGapBetweenUses,
  observationWindow,
  joinRotationMarker,
  proposeReplacementName,
  rotationRoles,
  splitRotationMarker,
  findReplacement,
  findRotationsInProgress,
  formatRotationMarker,
  parseRotationMarker,
  stripRotationMarker,
  type RotationCredential,
} from './rotation';

const OLD_ID = 'ab3def8hij2klm9opq5rst7uvw';
const NEW_ID = 'zz3def8hij2klm9opq5rst7uvw';
const now = new Date('2026-06-15T12:00:00.000Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();

function cred(overrides: Partial<RotationCredential> & { id: string }): RotationCredential {
  return { client_id: `client-${overrides.id}`, created_at: at(60 * 24 * 100), last_used_at: null, ...overrides };
}

describe('rotation marker', () => {
  const old = { id: OLD_ID, client_id: 'cid_123', description: 'Nightly billing export' };

  it('formats a final line naming the old id and client_id', () => {
    expect(formatRotationMarker(old)).toBe(`Replaces credential ${OLD_ID} (cid_123)`);
    expect(buildReplacementDescription(old)).toBe(`Nightly billing export\n\nReplaces credential ${OLD_ID} (cid_123)`);
  });

  it('round-trips through parse', () => {
    expect(parseRotationMarker(buildReplacementDescription(old))).toEqual({ credentialId: OLD_ID, clientId: 'cid_123' });
  });

  it('is only the marker when the old description is empty', () => {
    expect(buildReplacementDescription({ ...old, description: null })).toBe(`Replaces credential ${OLD_ID} (cid_123)`);
    expect(buildReplacementDescription({ ...old, description: '' })).toBe(`Replaces credential ${OLD_ID} (cid_123)`);
  });

  it('does not stack markers when a replacement is rotated again', () => {
    const first = buildReplacementDescription(old);
    const second = buildReplacementDescription({ id: NEW_ID, client_id: 'cid_456', description: first });
    expect(second).toBe(`Nightly billing export\n\nReplaces credential ${NEW_ID} (cid_456)`);
  });

  it('truncates the carried-over text, never the marker, to fit 1024 characters', () => {
    const long = 'x'.repeat(DESCRIPTION_MAX);
    const description = buildReplacementDescription({ ...old, description: long });
    expect(description).toHaveLength(DESCRIPTION_MAX);
    expect(description.endsWith(`\n\nReplaces credential ${OLD_ID} (cid_123)`)).toBe(true);
    expect(description).toContain('x…\n\n');
    expect(parseRotationMarker(description)?.credentialId).toBe(OLD_ID);
  });

  it('keeps a description that fits exactly', () => {
    const marker = formatRotationMarker(old);
    const body = 'y'.repeat(DESCRIPTION_MAX - marker.length - 2);
    expect(buildReplacementDescription({ ...old, description: body })).toBe(`${body}\n\n${marker}`);
  });

  it('drops the client_id when the marker alone would not fit', () => {
    const description = buildReplacementDescription({ id: OLD_ID, client_id: 'c'.repeat(2000), description: 'd' });
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(parseRotationMarker(description)).toEqual({ credentialId: OLD_ID, clientId: null });
  });

  it('finds no marker in ordinary descriptions or one that is not on the last line', () => {
    expect(parseRotationMarker(undefined)).toBeNull();
    expect(parseRotationMarker(null)).toBeNull();
    expect(parseRotationMarker('Used by the exporter')).toBeNull();
    expect(parseRotationMarker(`Replaces credential ${OLD_ID} (cid)\nmore text after`)).toBeNull();
  });

  it('tolerates trailing whitespace and CRLF line ends', () => {
    expect(parseRotationMarker(`text\r\nReplaces credential ${OLD_ID} (cid)\r\n  `)?.credentialId).toBe(OLD_ID);
  });

  it('strips the marker and the blank line before it', () => {
    expect(stripRotationMarker(buildReplacementDescription(old))).toBe('Nightly billing export');
    expect(stripRotationMarker('plain')).toBe('plain');
    expect(stripRotationMarker(null)).toBe('');
  });
});

describe('editing around the marker', () => {
  const marker = `Replaces credential ${OLD_ID} (cid_123)`;

  it('splits the person’s text from the marker and joins them back unchanged', () => {
    const description = `Nightly export\nsecond line\n\n${marker}`;
    expect(splitRotationMarker(description)).toEqual({ text: 'Nightly export\nsecond line', marker });
    expect(joinRotationMarker('Nightly export\nsecond line', marker)).toBe(description);
  });

  it('keeps the marker when the text is cleared, and leaves descriptions without one alone', () => {
    expect(joinRotationMarker('', marker)).toBe(marker);
    expect(splitRotationMarker(marker)).toEqual({ text: '', marker });
    expect(splitRotationMarker('just text')).toEqual({ text: 'just text', marker: null });
    expect(splitRotationMarker(null)).toEqual({ text: '', marker: null });
    expect(joinRotationMarker('just text  ', null)).toBe('just text  ');
  });
});

describe('the replacement’s proposed name', () => {
  const day = new Date('2026-12-01T23:30:00Z');

  it('adds the rotation date', () => {
    expect(proposeReplacementName('walk-cred-B', day)).toBe('walk-cred-B (rotated 2026-12-01)');
  });

  it('replaces the suffix of an earlier rotation instead of stacking it', () => {
    expect(proposeReplacementName('walk-cred-B (rotated 2026-01-05)', day)).toBe('walk-cred-B (rotated 2026-12-01)');
  });

  it('shortens a long name to fit 255 characters', () => {
    const name = proposeReplacementName('n'.repeat(255), day);
    expect(name).toHaveLength(255);
    expect(name.endsWith(' (rotated 2026-12-01)')).toBe(true);
  });
});

describe('the safe-to-revoke rule', () => {
  const W = 60; // minutes
  const windowMs = W * 60_000;
  const replacementCreated = 3 * 60; // minutes ago
  const future = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

  type Row = {
    case: string;
    oldLastUsed: string | null;
    replacementLastUsed: string | null;
    replacementCreatedAt?: string;
    stage: string;
    safe: boolean;
    quietForMinutes: number;
  };
  // Minutes are "ago" relative to `now`; the replacement was created 3 h ago unless the row says otherwise.
  const rows: Row[] = [
    { case: 'replacement unused, old quiet for longer than W', oldLastUsed: at(200), replacementLastUsed: null, stage: 'awaiting-replacement-use', safe: false, quietForMinutes: 180 },
    { case: 'replacement used, old still in use', oldLastUsed: at(1), replacementLastUsed: at(2), stage: 'observing', safe: false, quietForMinutes: 1 },
    { case: 'old quiet for less than W', oldLastUsed: at(W - 1), replacementLastUsed: at(5), stage: 'observing', safe: false, quietForMinutes: W - 1 },
    { case: 'old quiet for exactly W', oldLastUsed: at(W), replacementLastUsed: at(5), stage: 'safe-to-revoke', safe: true, quietForMinutes: W },
    { case: 'old quiet for more than W', oldLastUsed: at(W + 1), replacementLastUsed: at(5), stage: 'safe-to-revoke', safe: true, quietForMinutes: W + 1 },
    { case: 'old last used before the replacement existed: quiet counts from its creation', oldLastUsed: at(500), replacementLastUsed: at(5), stage: 'safe-to-revoke', safe: true, quietForMinutes: 180 },
    { case: 'old never used: quiet counts from the replacement’s creation', oldLastUsed: null, replacementLastUsed: at(5), stage: 'safe-to-revoke', safe: true, quietForMinutes: 180 },
    { case: 'old never used, replacement created less than W ago', oldLastUsed: null, replacementLastUsed: at(5), replacementCreatedAt: at(W - 10), stage: 'observing', safe: false, quietForMinutes: W - 10 },
    { case: 'old used at exactly the replacement’s creation counts as a use since', oldLastUsed: at(W + 30), replacementLastUsed: at(5), replacementCreatedAt: at(W + 30), stage: 'safe-to-revoke', safe: true, quietForMinutes: W + 30 },
    { case: 'clock skew: the old one used "in the future" counts as just now', oldLastUsed: future(10), replacementLastUsed: at(5), stage: 'observing', safe: false, quietForMinutes: 0 },
    { case: 'clock skew: everything "in the future"', oldLastUsed: future(10), replacementLastUsed: future(10), replacementCreatedAt: future(10), stage: 'observing', safe: false, quietForMinutes: 0 },
  ];

  it.each(rows)('$case → $stage', (row) => {
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID, last_used_at: row.oldLastUsed }),
        replacement: cred({ id: NEW_ID, created_at: row.replacementCreatedAt ?? at(replacementCreated), last_used_at: row.replacementLastUsed }),
      },
      now,
      windowMs,
    );
    expect(state.stage).toBe(row.stage);
    expect(state.safeToRevoke).toBe(row.safe);
    expect(state.quietForMs).toBe(row.quietForMinutes * 60_000);
    expect(state.windowMs).toBe(windowMs);
    expect(state.windowEndsAt?.getTime()).toBe(now.getTime() - row.quietForMinutes * 60_000 + windowMs);
  });

  it('restarts the countdown when the old credential is used again after a quiet period', () => {
    const replacement = cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) });
    const quiet = deriveRotationState({ old: cred({ id: OLD_ID, last_used_at: at(W + 20) }), replacement }, now, windowMs);
    expect(quiet.safeToRevoke).toBe(true);
    const usedAgain = deriveRotationState({ old: cred({ id: OLD_ID, last_used_at: at(2) }), replacement }, now, windowMs);
    expect(usedAgain).toMatchObject({ stage: 'observing', safeToRevoke: false, oldUsedSinceReplacement: true, quietForMs: 2 * 60_000 });
    expect(usedAgain.windowEndsAt?.toISOString()).toBe(new Date(now.getTime() + (W - 2) * 60_000).toISOString());
  });

  it('becomes safe by itself: the same data, a later clock', () => {
    const pair = {
      old: cred({ id: OLD_ID, last_used_at: at(10) }),
      replacement: cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) }),
    };
    const before = deriveRotationState(pair, now, windowMs);
    expect(before.safeToRevoke).toBe(false);
    const after = deriveRotationState(pair, before.windowEndsAt!, windowMs);
    expect(after.safeToRevoke).toBe(true);
  });

  it('uses a one-hour window by default', () => {
    const pair = { old: cred({ id: OLD_ID, last_used_at: at(59) }), replacement: cred({ id: NEW_ID, created_at: at(180), last_used_at: at(5) }) };
    expect(deriveRotationState(pair, now).safeToRevoke).toBe(false);
    expect(deriveRotationState(pair, new Date(now.getTime() + 60_000)).safeToRevoke).toBe(true);
  });

  it('is not started without a replacement, and completed once the old credential is gone', () => {
    expect(deriveRotationState({ old: cred({ id: OLD_ID }), replacement: null }, now).stage).toBe('not-started');
    const done = deriveRotationState({ old: null, replacement: cred({ id: NEW_ID, last_used_at: at(5) }) }, now);
    expect(done).toMatchObject({ stage: 'completed', replacementUsed: true, safeToRevoke: false });
  });
});

describe('the observation window W', () => {
  const HOUR = 3_600_000;

  it('defaults to the larger of the token lifetime and one hour', () => {
    expect(observationWindow({})).toEqual({ ms: HOUR, source: 'default', usageGapMs: null });
    expect(observationWindow({ tokenLifetimeMs: 10 * 60_000 }).ms).toBe(HOUR);
    expect(observationWindow({ tokenLifetimeMs: 4 * HOUR }).ms).toBe(4 * HOUR);
  });

  it('takes the person’s choice', () => {
    expect(observationWindow({ chosenMs: 24 * HOUR })).toEqual({ ms: 24 * HOUR, source: 'chosen', usageGapMs: null });
  });

  it('is at least the longest gap between the old credential’s uses (usage history)', () => {
    expect(observationWindow({ chosenMs: 6 * HOUR, usageGapMs: 25 * HOUR })).toEqual({ ms: 25 * HOUR, source: 'usage', usageGapMs: 25 * HOUR });
    expect(observationWindow({ usageGapMs: 25 * HOUR }).ms).toBe(25 * HOUR);
    expect(observationWindow({ chosenMs: 7 * 24 * HOUR, usageGapMs: 25 * HOUR }).source).toBe('chosen');
  });

  describe('longest gap between uses, from hourly buckets', () => {
    const hour = (hoursAgo: number, count = 1) => ({ start: new Date(Date.UTC(2026, 5, 15, 11) - hoursAgo * HOUR).toISOString(), count });

    it('waits for a nightly job: one use a day gives a gap of a day and an hour', () => {
      const nightly = [hour(24 * 3), hour(24 * 2), hour(24)];
      expect(longestGapBetweenUses(nightly, now)).toBe(25 * HOUR);
    });

    it('finds the longest of several gaps, in any order, ignoring empty buckets', () => {
      expect(longestGapBetweenUses([hour(2), hour(50), hour(40, 0), hour(10)], now)).toBe(41 * HOUR);
    });

    it('sees no gap in continuous use (adjacent hours) or a single use', () => {
      expect(longestGapBetweenUses([hour(3), hour(2), hour(1), hour(0)], now)).toBeNull();
      expect(longestGapBetweenUses([hour(5)], now)).toBeNull();
      expect(longestGapBetweenUses([], now)).toBeNull();
    });

    it('looks at the last 14 days only', () => {
      expect(longestGapBetweenUses([hour(24 * 20), hour(24 * 13), hour(24 * 12)], now)).toBe(25 * HOUR);
    });
  });
});

describe('finding replacements', () => {
  const marker = (id: string) => `carried\n\n${formatRotationMarker({ id, client_id: `client-${id}` })}`;
  const old = cred({ id: 'old1' });
  const replacementA = cred({ id: 'new1', created_at: at(100), description: marker('old1') });
  const replacementB = cred({ id: 'new2', created_at: at(50), description: marker('old1') });
  const orphan = cred({ id: 'new3', created_at: at(10), description: marker('gone') });
  const unrelated = cred({ id: 'other', description: 'nothing to see' });

  it('finds the newest replacement of a credential', () => {
    expect(findReplacement('old1', [old, replacementA, replacementB, unrelated])?.id).toBe('new2');
    expect(findReplacement('other', [old, replacementA, unrelated])).toBeNull();
  });

  it('finds the replacement of a credential that is already gone', () => {
    expect(findReplacement('gone', [orphan, unrelated])?.id).toBe('new3');
  });

  it('lists rotations whose old and replacement both exist, one per old credential', () => {
    const pairs = findRotationsInProgress([unrelated, replacementA, orphan, old, replacementB]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.old.id).toBe('old1');
    expect(pairs[0]?.replacement.id).toBe('new2');
  });

  it('ignores a credential whose marker points at itself', () => {
    const self = cred({ id: 'self', description: marker('self') });
    expect(findRotationsInProgress([self])).toEqual([]);
    expect(findReplacement('self', [self])).toBeNull();
  });

  it('gives both halves of a rotation in progress a role pointing at the other', () => {
    const roles = rotationRoles([unrelated, replacementA, orphan, old, replacementB]);
    expect(roles.get('old1')).toEqual({ kind: 'being-replaced', partner: replacementB });
    expect(roles.get('new2')).toEqual({ kind: 'replacement', partner: old });
    // An older duplicate replacement, an orphan (old one gone) and an unrelated credential have none.
    expect(roles.has('new1')).toBe(false);
    expect(roles.has('new3')).toBe(false);
    expect(roles.has('other')).toBe(false);
  });

  it('shows a removed marker as unrelated credentials, without an error', () => {
    const edited = { ...replacementB, description: 'carried' };
    expect(rotationRoles([old, edited]).size).toBe(0);
    expect(findReplacement('old1', [old, edited])).toBeNull();
  });

  it('handles chained rotations', () => {
    const c = cred({ id: 'c', created_at: at(5), description: marker('new1') });
    const pairs = findRotationsInProgress([old, replacementA, c]);
    expect(pairs.map((p) => `${p.old.id}->${p.replacement.id}`)).toEqual(['old1->new1', 'new1->c']);
  });
});
