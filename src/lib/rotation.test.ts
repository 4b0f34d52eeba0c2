import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX } from '../api/schemas';
import {
  buildReplacementDescription,
  deriveRotationState,
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

describe('deriveRotationState', () => {
  const replacementCreated = 60; // minutes ago

  it('is not started without a replacement', () => {
    expect(deriveRotationState({ old: cred({ id: OLD_ID }), replacement: null }, now).stage).toBe('not-started');
  });

  it('awaits the replacement’s first use', () => {
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID, last_used_at: at(1) }),
        replacement: cred({ id: NEW_ID, created_at: at(replacementCreated) }),
      },
      now,
    );
    expect(state).toEqual({
      stage: 'awaiting-replacement-use',
      replacementUsed: false,
      oldUsedSinceReplacement: true,
      safeToRevoke: false,
    });
  });

  it('is still switching while the old one is used after the replacement was created', () => {
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID, last_used_at: at(2) }),
        replacement: cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) }),
      },
      now,
    );
    expect(state.stage).toBe('clients-switching');
    expect(state.safeToRevoke).toBe(false);
  });

  it('is safe once the replacement is used and the old one has been quiet since it was created', () => {
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID, last_used_at: at(replacementCreated + 1) }),
        replacement: cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) }),
      },
      now,
    );
    expect(state).toEqual({
      stage: 'safe-to-revoke',
      replacementUsed: true,
      oldUsedSinceReplacement: false,
      safeToRevoke: true,
    });
  });

  it('is safe when the old one was never used', () => {
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID }),
        replacement: cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) }),
      },
      now,
    );
    expect(state.stage).toBe('safe-to-revoke');
  });

  it('counts an old use at exactly the replacement’s creation instant as a use since', () => {
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID, last_used_at: at(replacementCreated) }),
        replacement: cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) }),
      },
      now,
    );
    expect(state.stage).toBe('clients-switching');
  });

  it('does not crash on timestamps in the future (clock skew)', () => {
    const future = new Date(now.getTime() + 10 * 60_000).toISOString();
    const state = deriveRotationState(
      {
        old: cred({ id: OLD_ID, last_used_at: future }),
        replacement: cred({ id: NEW_ID, created_at: future, last_used_at: future }),
      },
      now,
    );
    expect(state.stage).toBe('clients-switching');
  });

  it('is completed when the old credential is gone', () => {
    const state = deriveRotationState(
      { old: null, replacement: cred({ id: NEW_ID, created_at: at(replacementCreated), last_used_at: at(5) }) },
      now,
    );
    expect(state.stage).toBe('completed');
    expect(state.replacementUsed).toBe(true);
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

  it('handles chained rotations', () => {
    const c = cred({ id: 'c', created_at: at(5), description: marker('new1') });
    const pairs = findRotationsInProgress([old, replacementA, c]);
    expect(pairs.map((p) => `${p.old.id}->${p.replacement.id}`)).toEqual(['old1->new1', 'new1->c']);
  });
});
