import type { UseFormSetError } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { applyServerErrors, formErrorMessage, type ServerErrorTarget } from './form-errors';
import { NAME_DESCRIPTION_FIELDS, type NameDescriptionInput } from './name-description-schema';

type SetError = UseFormSetError<NameDescriptionInput>;

const target = (setError: SetError): ServerErrorTarget<NameDescriptionInput> => ({
  fields: NAME_DESCRIPTION_FIELDS,
  setError,
  action: 'create a service account',
  duplicateNameMessage: 'A service account with this name already exists',
});

describe('applyServerErrors', () => {
  it('puts a 409 on the name field with the duplicate-name sentence, and no form-level message', () => {
    const setError = vi.fn<SetError>();
    const message = applyServerErrors(new ApiError({ status: 409, code: 'conflict', message: 'Conflict' }), target(setError));
    expect(message).toBeNull();
    expect(setError).toHaveBeenCalledWith(
      'name',
      { type: 'server', message: 'A service account with this name already exists' },
      { shouldFocus: true },
    );
    expect(setError).toHaveBeenCalledTimes(1);
  });

  it('maps 400 details onto fields, whatever prefix the server gives the field', () => {
    const setError = vi.fn<SetError>();
    const error = new ApiError({
      status: 400,
      code: 'invalid_request',
      message: 'Invalid',
      details: [
        { field: 'body.description', message: 'Too long' },
        { field: '/name', message: 'Bad name' },
      ],
    });
    expect(applyServerErrors(error, target(setError))).toBeNull();
    expect(setError).toHaveBeenCalledWith('description', { type: 'server', message: 'Too long' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith('name', { type: 'server', message: 'Bad name' }, { shouldFocus: false });
    expect(setError).toHaveBeenCalledTimes(2);
  });

  it('adds a form-level message when a detail belongs to no field', () => {
    const setError = vi.fn<SetError>();
    const error = new ApiError({
      status: 400,
      code: 'invalid_request',
      message: 'Unknown field colour',
      details: [{ field: 'colour', message: 'Not allowed' }],
    });
    expect(applyServerErrors(error, target(setError))).toBe('Unknown field colour');
    expect(setError).toHaveBeenCalledWith('root.server', { type: 'server', message: 'Unknown field colour' });
  });

  it('falls back to a form-level message that says what was refused', () => {
    const setError = vi.fn<SetError>();
    const error = new ApiError({ status: 403, code: 'permission_denied', message: 'You need service_accounts.create' });
    const message = applyServerErrors(error, target(setError));
    expect(message).toBe('You are not allowed to create a service account. You need service_accounts.create');
    expect(setError).toHaveBeenCalledWith('root.server', { type: 'server', message });
  });
});

describe('formErrorMessage', () => {
  const action = 'save the credential';
  it('says the thing is gone on a 404', () => {
    expect(formErrorMessage(new ApiError({ status: 404, code: 'not_found', message: 'x' }), action)).toBe(
      'Could not save the credential: it no longer exists. It may have been deleted by someone else.',
    );
  });
  it('gives the request id of a server failure', () => {
    const error = new ApiError({ status: 503, code: 'unavailable', message: 'down', requestId: 'req-1' });
    expect(formErrorMessage(error, action)).toBe('The server failed to save the credential. Try again in a moment. (Request ID req-1)');
  });
  it('says the server could not be reached on a network failure', () => {
    const error = new ApiError({ status: 0, code: 'network_error', message: 'Failed to fetch' });
    expect(formErrorMessage(error, action)).toMatch(/^Could not save the credential: the server could not be reached/);
  });
  it('passes the server’s own sentence through for other client errors', () => {
    expect(formErrorMessage(new ApiError({ status: 422, code: 'invalid', message: 'Name is reserved' }), action)).toBe('Name is reserved');
  });
  it('does not show the text of an unknown error', () => {
    expect(formErrorMessage(new TypeError('x is undefined'), action)).toBe('Could not save the credential. Try again.');
  });
});
