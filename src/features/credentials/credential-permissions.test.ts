import { describe, expect, it } from 'vitest';
import {
  createCredentialGate,
  deleteCredentialGate,
  editCredentialGate,
  rotateCredentialGate,
} from './credential-permissions';

const perms = (granted: Record<string, boolean>) => ({ service_account_credentials: granted });

describe('credential action gates', () => {
  it('reads create from the collection map and edit/delete from the item map', () => {
    expect(createCredentialGate(perms({ create: false }))).toEqual({
      decision: 'denied',
      reason: 'Only organization admins and service account operators can create credentials.',
      permission: 'service_account_credentials.create',
    });
    expect(editCredentialGate(perms({ update: true })).decision).toBe('allowed');
    expect(deleteCredentialGate(perms({ delete: false })).reason).toBe('Only organization admins and service account operators can delete credentials.');
  });

  it('treats a missing map as unknown, and a map still loading as pending', () => {
    expect(createCredentialGate(undefined).decision).toBe('unknown');
    expect(createCredentialGate(undefined, { pending: true }).decision).toBe('pending');
    expect(deleteCredentialGate({}).decision).toBe('unknown');
  });
});

describe('rotateCredentialGate', () => {
  it('is allowed only when both create and delete are allowed', () => {
    expect(rotateCredentialGate(perms({ create: true }), perms({ delete: true })).decision).toBe('allowed');
  });

  it('names the one missing right', () => {
    expect(rotateCredentialGate(perms({ create: true }), perms({ delete: false }))).toEqual({
      decision: 'denied',
      reason: 'Only organization admins and service account operators can rotate credentials.',
      permission: 'service_account_credentials.delete',
    });
    expect(rotateCredentialGate(perms({ create: false }), perms({ delete: true }))).toEqual({
      decision: 'denied',
      reason: 'Only organization admins and service account operators can rotate credentials.',
      permission: 'service_account_credentials.create',
    });
  });

  it('names both when both are missing', () => {
    expect(rotateCredentialGate(perms({ create: false }), perms({ delete: false })).permission).toBe(
      'service_account_credentials.create and service_account_credentials.delete',
    );
  });

  it('lets a denial win over an unknown half, and is unknown otherwise', () => {
    expect(rotateCredentialGate(undefined, perms({ delete: false })).decision).toBe('denied');
    expect(rotateCredentialGate(undefined, perms({ delete: true })).decision).toBe('unknown');
    expect(rotateCredentialGate(perms({ create: true }), undefined).decision).toBe('unknown');
    expect(rotateCredentialGate(undefined, perms({ delete: true }), { pending: true }).decision).toBe('pending');
  });
});
