import { describe, expect, it } from 'vitest';
import { distinctCredentialNames } from './credential-names';

describe('distinctCredentialNames', () => {
  it('keeps unique names as they are', () => {
    const names = distinctCredentialNames([
      { id: 'a', name: 'billing', client_id: 'sac_aaaaaa111111' },
      { id: 'b', name: 'export', client_id: 'sac_bbbbbb222222' },
    ]);
    expect([...names.values()]).toEqual(['billing', 'export']);
  });

  it('adds the end of the client ID when names collide, ignoring case and spaces', () => {
    const names = distinctCredentialNames([
      { id: 'a', name: 'walk-cred-B', client_id: 'sac_aaaaaa111111' },
      { id: 'b', name: 'Walk-cred-B ', client_id: 'sac_bbbbbb222222' },
      { id: 'c', name: 'other', client_id: 'sac_cccccc333333' },
    ]);
    expect(names.get('a')).toBe('walk-cred-B (…111111)');
    expect(names.get('b')).toBe('Walk-cred-B  (…222222)');
    expect(names.get('c')).toBe('other');
  });

  it('falls back to the whole client ID when the ends collide too', () => {
    const names = distinctCredentialNames([
      { id: 'a', name: 'x', client_id: 'sac_a_123456' },
      { id: 'b', name: 'x', client_id: 'sac_b_123456' },
    ]);
    expect(names.get('a')).toBe('x (sac_a_123456)');
    expect(names.get('b')).toBe('x (sac_b_123456)');
  });
});
