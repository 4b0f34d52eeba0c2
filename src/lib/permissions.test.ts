import { describe, expect, it } from 'vitest';
import { can, deniedReason, permissionGate } from './permissions';

describe('can', () => {
  const perms = {
    service_accounts: { read: true, update: false, delete: false },
    service_account_credentials: { read: true, create: true, update: true, delete: true },
  };

  it('is allowed when the map grants the action', () => {
    expect(can(perms, 'service_account_credentials', 'create')).toBe('allowed');
  });

  it('is denied when the map says false', () => {
    expect(can(perms, 'service_accounts', 'update')).toBe('denied');
  });

  it('is unknown when the map is missing', () => {
    expect(can(undefined, 'service_accounts', 'create')).toBe('unknown');
    expect(can(null, 'service_accounts', 'create')).toBe('unknown');
  });

  it('is unknown when the resource key or the action name is missing', () => {
    expect(can(perms, 'organizations', 'read')).toBe('unknown');
    expect(can(perms, 'service_accounts', 'create')).toBe('unknown');
    expect(can({}, 'service_accounts', 'read')).toBe('unknown');
  });
});

describe('deniedReason', () => {
  it('names the missing permission', () => {
    expect(deniedReason('service_account_credentials', 'create')).toBe(
      'You need service_account_credentials.create',
    );
  });
});

describe('permissionGate', () => {
  it('pairs the decision with its reason', () => {
    expect(permissionGate({ service_accounts: { delete: false } }, 'service_accounts', 'delete')).toEqual({
      decision: 'denied',
      reason: 'You need service_accounts.delete',
    });
  });
});
