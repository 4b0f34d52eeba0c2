import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';

/**
 * A sentence for a failed save or delete that belongs to no field, shown above the form (and in
 * the toast). `action` is a verb phrase: "create the credential", "delete this service account".
 */
export function formErrorMessage(error: unknown, action: string): string {
  if (!(error instanceof ApiError)) return `Could not ${action}. Try again.`;
  if (error.status === 0) return `Could not ${action}: the server could not be reached. Check your connection and try again.`;
  if (error.status === 403) return `You are not allowed to ${action}. ${error.message}`.trim();
  if (error.status === 404) return `Could not ${action}: it no longer exists. It may have been deleted by someone else.`;
  if (error.status >= 500) {
    return `The server failed to ${action}. Try again in a moment.${error.requestId ? ` (Request ID ${error.requestId})` : ''}`;
  }
  return error.message;
}

/** The vendor may report a field as `name`, `body.name` or `/name`; the form knows only `name`. */
function fieldKey(field: string): string {
  return field.split(/[./]/).filter(Boolean).pop() ?? field;
}

export interface ServerErrorTarget<T extends FieldValues> {
  /** The form's fields a server detail may point at. */
  fields: readonly FieldPath<T>[];
  setError: UseFormSetError<T>;
  /** Verb phrase for the form-level message, e.g. "create the credential". */
  action: string;
  /** What a 409 (the API's only conflict: a name already taken) says on the name field. */
  duplicateNameMessage?: string;
}

/**
 * Puts a failed save onto the form, leaving the typed input untouched: a duplicate name (409)
 * and the field details of a 400 on their fields, anything else as a form-level message.
 * Returns that form-level message, or null when every problem landed on a field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  { fields, setError, action, duplicateNameMessage }: ServerErrorTarget<T>,
): string | null {
  if (error instanceof ApiError) {
    const known = new Set<string>(fields);
    if (error.status === 409 && known.has('name')) {
      setError('name' as FieldPath<T>, { type: 'server', message: duplicateNameMessage ?? error.message }, { shouldFocus: true });
      return null;
    }
    let placed = 0;
    for (const detail of error.details ?? []) {
      const key = fieldKey(detail.field);
      if (!known.has(key)) continue;
      setError(key as FieldPath<T>, { type: 'server', message: detail.message }, { shouldFocus: placed === 0 });
      placed += 1;
    }
    if (placed > 0 && placed === error.details.length) return null;
  }
  const message = formErrorMessage(error, action);
  setError('root.server', { type: 'server', message });
  return message;
}
