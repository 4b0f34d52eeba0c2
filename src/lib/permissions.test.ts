import { describe, expect, it } from 'vitest';
import { can, deniedReason, permissionGate, roleFromPermissions, rolesAllowing } from './permissions';

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
  it('says in plain words which roles may do it, from the role table', () => {
    expect(deniedReason('service_account_credentials', 'create')).toBe(
      'Only organization admins and service account operators can create credentials.',
    );
    expect(deniedReason('service_accounts', 'create')).toBe('Only organization admins can create service accounts.');
    expect(deniedReason('service_accounts', 'update')).toBe('Only organization admins can edit service accounts.');
  });

  it('lists the roles the table grants', () => {
    expect(rolesAllowing([['service_accounts', 'read']])).toEqual(['org_admin', 'sa_operator', 'org_viewer']);
    expect(rolesAllowing([['service_accounts', 'delete']])).toEqual(['org_admin']);
  });
});

describe('permissionGate', () => {
  it('pairs the decision with its reason and the raw key', () => {
    expect(permissionGate({ service_accounts: { delete: false } }, 'service_accounts', 'delete')).toEqual({
      decision: 'denied',
      reason: 'Only organization admins can delete service accounts.',
      permission: 'service_accounts.delete',
    });
  });

  it('is pending while the map is loading, whatever the (absent) map says', () => {
    expect(permissionGate(undefined, 'service_accounts', 'create', { pending: true }).decision).toBe('pending');
    expect(permissionGate(undefined, 'service_accounts', 'create').decision).toBe('unknown');
  });
});

describe('roleFromPermissions', () => {
  const viewer = {
    organizations: { read: true },
    service_accounts: { read: true, create: false, update: false, delete: false },
    service_account_credentials: { read: true, create: false, update: false, delete: false },
  };

  it('recognises the role whose grants the organization map matches exactly', () => {
    expect(roleFromPermissions(viewer)).toBe('org_viewer');
    expect(
      roleFromPermissions({
        ...viewer,
        service_account_credentials: { read: true, create: true, update: true, delete: true },
      }),
    ).toBe('sa_operator');
  });

  it('is unknown for a missing map or one no role matches', () => {
    expect(roleFromPermissions(undefined)).toBeUndefined();
    expect(roleFromPermissions({ ...viewer, service_accounts: { read: false } })).toBeUndefined();
  });
});
