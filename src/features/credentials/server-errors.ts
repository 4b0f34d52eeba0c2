import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client';

/** The vendor may report a field as `name`, `body.name` or `/name`; the form knows only `name`. */
function fieldKey(field: string): string {
  return field.split(/[./]/).filter(Boolean).pop() ?? field;
}

/** A sentence for errors that belong to no field, shown at the top of the form. */
export function formErrorMessage(error: unknown, action: string): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `You are not allowed to ${action}. ${error.message}`.trim();
    if (error.status === 404) return `This no longer exists: ${error.message}`;
    if (error.status >= 500) {
      return `The server failed to ${action}. Try again${error.requestId ? ` (request ${error.requestId})` : ''}.`;
    }
    return error.message;
  }
  return `Could not ${action}: the server could not be reached. Check your connection and try again.`;
}

/**
 * Puts the server's field errors onto the form's fields. Returns true when every reported
 * problem landed on a field, so the caller knows whether a form-level message is still needed.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly FieldPath<T>[],
  setError: UseFormSetError<T>,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set<string>(fields);
  let placed = 0;
  let first = true;
  for (const detail of error.details ?? []) {
    const key = fieldKey(detail.field);
    if (!known.has(key)) continue;
    setError(key as FieldPath<T>, { type: 'server', message: detail.message }, { shouldFocus: first });
    first = false;
    placed += 1;
  }
  // A duplicate name (the API's only 409) belongs to the name field even without details.
  if (placed === 0 && error.status === 409 && known.has('name')) {
    setError('name' as FieldPath<T>, { type: 'server', message: error.message }, { shouldFocus: true });
    return true;
  }
  return placed > 0 && placed === (error.details?.length ?? 0);
}
