import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_POLICY,
  DAY_MS,
  credentialAgeDays,
  credentialStatus,
  daysSinceLastUse,
  describeCredentialStatus,
  effectiveWindows,
  isRotationDue,
  rotationDueAt,
} from './credential-status';

const now = new Date('2026-06-15T12:00:00.000Z');
const ago = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY_MS - extraMs).toISOString();
const created = ago(400);

describe('credentialStatus with last use', () => {
  it('is active when used just now', () => {
    expect(credentialStatus({ created_at: created, last_used_at: now.toISOString() }, now)).toBe('active');
  });

  it('is active at exactly 30 days and idle one millisecond later', () => {
    expect(credentialStatus({ created_at: created, last_used_at: ago(30) }, now)).toBe('active');
    expect(credentialStatus({ created_at: created, last_used_at: ago(30, 1) }, now)).toBe('idle');
  });

  it('is idle at exactly 90 days and stale one millisecond later', () => {
    expect(credentialStatus({ created_at: created, last_used_at: ago(90) }, now)).toBe('idle');
    expect(credentialStatus({ created_at: created, last_used_at: ago(90, 1) }, now)).toBe('stale');
  });

  it('is idle between the thresholds', () => {
    expect(credentialStatus({ created_at: created, last_used_at: ago(45) }, now)).toBe('idle');
  });

  it('treats a last use in the future (clock skew) as used now', () => {
    const future = new Date(now.getTime() + 5 * 60_000).toISOString();
    expect(credentialStatus({ created_at: created, last_used_at: future }, now)).toBe('active');
    expect(daysSinceLastUse({ created_at: created, last_used_at: future }, now)).toBe(0);
  });

  it('ignores the age of a credential that has been used', () => {
    expect(credentialStatus({ created_at: ago(1000), last_used_at: ago(1) }, now)).toBe('active');
  });
});

describe('credentialStatus when never used', () => {
  it.each([null, undefined])('accepts last_used_at = %s', (lastUsed) => {
    expect(credentialStatus({ created_at: ago(1), last_used_at: lastUsed }, now)).toBe('new');
  });

  it('accepts a missing last_used_at field', () => {
    expect(credentialStatus({ created_at: ago(1) }, now)).toBe('new');
  });

  it('is new up to exactly 7 days and stale after', () => {
    expect(credentialStatus({ created_at: ago(7) }, now)).toBe('new');
    expect(credentialStatus({ created_at: ago(7, 1) }, now)).toBe('stale');
  });

  it('is new when created in the future (clock skew)', () => {
    expect(credentialStatus({ created_at: new Date(now.getTime() + DAY_MS).toISOString() }, now)).toBe('new');
  });

  it('treats an unparsable last_used_at as never used instead of crashing', () => {
    expect(credentialStatus({ created_at: ago(20), last_used_at: 'not a date' }, now)).toBe('stale');
  });
});

describe('custom policy', () => {
  it('honours a lowered stale threshold', () => {
    const policy = { ...CREDENTIAL_POLICY, staleAfterDays: 60 };
    expect(credentialStatus({ created_at: created, last_used_at: ago(61) }, now, policy)).toBe('stale');
    expect(credentialStatus({ created_at: created, last_used_at: ago(61) }, now)).toBe('idle');
  });

  it('reports stale when the stale threshold is below the active window', () => {
    const policy = { ...CREDENTIAL_POLICY, staleAfterDays: 10 };
    expect(credentialStatus({ created_at: created, last_used_at: ago(11) }, now, policy)).toBe('stale');
    expect(credentialStatus({ created_at: created, last_used_at: ago(9) }, now, policy)).toBe('active');
  });
});

describe('isRotationDue', () => {
  it('is not due at exactly the rotation age and due just after', () => {
    expect(isRotationDue({ created_at: ago(90) }, now)).toBe(false);
    expect(isRotationDue({ created_at: ago(90, 1) }, now)).toBe(true);
  });

  it('is not due for a young credential or one created in the future', () => {
    expect(isRotationDue({ created_at: ago(3) }, now)).toBe(false);
    expect(isRotationDue({ created_at: new Date(now.getTime() + DAY_MS).toISOString() }, now)).toBe(false);
  });

  it('uses the policy rotation age', () => {
    expect(isRotationDue({ created_at: ago(31) }, now, { ...CREDENTIAL_POLICY, rotationAgeDays: 30 })).toBe(true);
  });
});

describe('helpers', () => {
  it('computes the age in days', () => {
    expect(credentialAgeDays({ created_at: ago(12) }, now)).toBe(12);
  });

  it('describes every status with its thresholds', () => {
    expect(describeCredentialStatus('active')).toMatchObject({ label: 'Active', tone: 'success' });
    expect(describeCredentialStatus('active').description).toContain('30 days');
    expect(describeCredentialStatus('idle').description).toBe('Last used more than 30 days and at most 90 days ago.');
    expect(describeCredentialStatus('stale', { ...CREDENTIAL_POLICY, staleAfterDays: 120 }).description).toContain(
      'more than 120 days',
    );
    expect(describeCredentialStatus('new')).toMatchObject({ label: 'New', tone: 'neutral' });
  });
});

describe('status definitions agree with the counting rules', () => {
  // For each threshold, the day counts that credentialStatus puts into a status must be what
  // that status's description says: no "Idle = between 30 and 7 days ago".
  for (const staleAfterDays of [7, 29, 30, 31, 90]) {
    it(`with the stale threshold at ${staleAfterDays} days`, () => {
      const policy = { ...CREDENTIAL_POLICY, staleAfterDays };
      const { activeDays, idleEmpty } = effectiveWindows(policy);
      const active = describeCredentialStatus('active', policy).description;
      const idle = describeCredentialStatus('idle', policy).description;
      expect(active).toBe(`Used within the last ${activeDays} days.`);
      for (let days = 1; days <= 100; days++) {
        const status = credentialStatus({ created_at: ago(200), last_used_at: ago(days) }, now, policy);
        if (days <= activeDays) expect(status).toBe('active');
        else if (days <= staleAfterDays) expect(status).toBe('idle');
        else expect(status).toBe('stale');
      }
      if (staleAfterDays <= 30) {
        expect(idleEmpty).toBe(true);
        expect(activeDays).toBe(staleAfterDays);
        expect(idle).toMatch(/^None/);
        expect(idle).not.toContain('between');
      } else {
        expect(idle).toBe(`Last used more than 30 days and at most ${staleAfterDays} days ago.`);
      }
    });
  }
});

describe('rotationDueAt', () => {
  it('is the creation time plus the rotation age', () => {
    expect(rotationDueAt({ created_at: '2026-01-01T00:00:00.000Z' })?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(rotationDueAt({ created_at: 'nonsense' })).toBeNull();
  });
});
