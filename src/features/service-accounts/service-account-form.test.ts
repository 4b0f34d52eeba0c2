import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import {
  applyServerError,
  DUPLICATE_NAME_MESSAGE,
  ServiceAccountFormSchema,
  toCreateBody,
  toUpdateBody,
} from './service-account-form';

describe('ServiceAccountFormSchema', () => {
  it('trims the name and requires it', () => {
    expect(ServiceAccountFormSchema.parse({ name: '  ci  ', description: '' })).toEqual({ name: 'ci', description: '' });
    expect(ServiceAccountFormSchema.safeParse({ name: '   ', description: '' }).success).toBe(false);
  });

  it('limits the description to 1024 characters', () => {
    expect(ServiceAccountFormSchema.safeParse({ name: 'a', description: 'x'.repeat(1025) }).success).toBe(false);
  });
});

describe('request bodies', () => {
  it('omits an empty description on create', () => {
    expect(toCreateBody({ name: 'ci', description: '' })).toEqual({ name: 'ci' });
  });

  it('sends only changed fields on update, and "" to clear the description', () => {
    const current = { name: 'ci', description: 'old' };
    expect(toUpdateBody({ name: 'ci', description: 'old' }, current)).toBeNull();
    expect(toUpdateBody({ name: 'ci2', description: 'old' }, current)).toEqual({ name: 'ci2' });
    expect(toUpdateBody({ name: 'ci', description: '' }, current)).toEqual({ description: '' });
    expect(toUpdateBody({ name: 'ci', description: '' }, { name: 'ci', description: null })).toBeNull();
  });
});

describe('applyServerError', () => {
  it('puts a 409 on the name field', () => {
    const setError = vi.fn();
    applyServerError(new ApiError({ status: 409, code: 'conflict', message: 'Conflict' }), setError, 'create');
    expect(setError).toHaveBeenCalledWith('name', { type: 'server', message: DUPLICATE_NAME_MESSAGE }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledTimes(1);
  });

  it('maps 400 details onto fields', () => {
    const setError = vi.fn();
    const error = new ApiError({
      status: 400,
      code: 'invalid_request',
      message: 'Invalid',
      details: [{ field: 'body.description', message: 'Too long' }],
    });
    applyServerError(error, setError, 'update');
    expect(setError).toHaveBeenCalledWith('description', { type: 'server', message: 'Too long' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledTimes(1);
  });

  it('falls back to a form-level message', () => {
    const setError = vi.fn();
    applyServerError(new ApiError({ status: 403, code: 'permission_denied', message: 'No' }), setError, 'create');
    expect(setError).toHaveBeenCalledWith('root.server', {
      type: 'server',
      message: 'You are not allowed to create a service account (you need service_accounts.create).',
    });
  });
});
