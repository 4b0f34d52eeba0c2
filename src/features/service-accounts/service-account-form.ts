import type { FieldPath, UseFormSetError } from 'react-hook-form';
import * as z from 'zod/mini';
import { ApiError } from '../../api/client';
import { DescriptionSchema, NameSchema } from '../../api/schemas';
import type { ServiceAccount, ServiceAccountCreate, ServiceAccountUpdate } from '../../api/schemas';

/** The form edits both fields as strings; "" means no description. */
export const ServiceAccountFormSchema = z.object({ name: NameSchema, description: DescriptionSchema });
export type ServiceAccountFormInput = z.input<typeof ServiceAccountFormSchema>;
export type ServiceAccountFormValues = z.output<typeof ServiceAccountFormSchema>;

const FIELDS = ['name', 'description'] as const satisfies readonly FieldPath<ServiceAccountFormInput>[];

export const DUPLICATE_NAME_MESSAGE = 'A service account with this name already exists';

export function formDefaults(serviceAccount?: Pick<ServiceAccount, 'name' | 'description'>): ServiceAccountFormInput {
  return { name: serviceAccount?.name ?? '', description: serviceAccount?.description ?? '' };
}

export function toCreateBody(values: ServiceAccountFormValues): ServiceAccountCreate {
  return values.description ? { name: values.name, description: values.description } : { name: values.name };
}

/**
 * Only what changed, because PATCH replaces each field it names. `null` when nothing
 * changed (the API answers 400 to a PATCH without fields).
 */
export function toUpdateBody(
  values: ServiceAccountFormValues,
  current: Pick<ServiceAccount, 'name' | 'description'>,
): ServiceAccountUpdate | null {
  const body: ServiceAccountUpdate = {};
  if (values.name !== current.name) body.name = values.name;
  if (values.description !== (current.description ?? '')) body.description = values.description;
  return Object.keys(body).length > 0 ? body : null;
}

/** `name`, `body.name`, `/name` → `name`, when it is one of the form's fields. */
function formField(field: string): (typeof FIELDS)[number] | undefined {
  const last = field.split(/[./]/).filter(Boolean).pop();
  return FIELDS.find((f) => f === last);
}

/**
 * Puts a failed save onto the form: a duplicate name (409) and the 400's field details on
 * their fields, anything else as a form-level message. The typed input is left untouched.
 */
export function applyServerError(
  error: unknown,
  setError: UseFormSetError<ServiceAccountFormInput>,
  action: 'create' | 'update',
): void {
  if (error instanceof ApiError) {
    if (error.status === 409) {
      setError('name', { type: 'server', message: DUPLICATE_NAME_MESSAGE }, { shouldFocus: true });
      return;
    }
    const placed = error.details.filter((d) => {
      const field = formField(d.field);
      if (field) setError(field, { type: 'server', message: d.message }, { shouldFocus: true });
      return field !== undefined;
    });
    if (error.status === 400 && placed.length > 0 && placed.length === error.details.length) return;
  }
  setError('root.server', { type: 'server', message: formErrorMessage(error, action) });
}

export function formErrorMessage(error: unknown, action: 'create' | 'update' | 'delete'): string {
  const verb = action === 'create' ? 'create a service account' : `${action} this service account`;
  if (!(error instanceof ApiError)) return `Could not ${verb}. Try again.`;
  if (error.status === 403) {
    return `You are not allowed to ${verb} (you need service_accounts.${action}).`;
  }
  if (error.status === 404) return 'This service account no longer exists. It may have been deleted by someone else.';
  if (error.status === 0) return `Could not ${verb}: ${error.message}`;
  if (error.status >= 500) {
    return `The server failed to ${verb}. Try again in a moment.${error.requestId ? ` (Request ID ${error.requestId})` : ''}`;
  }
  return error.message;
}
