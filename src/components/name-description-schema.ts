import * as z from 'zod/mini';
import { DescriptionSchema, NameSchema } from '../api/schemas';

/**
 * The form behind every name + description entity (service accounts, credentials, a rotation's
 * replacement). It uses the API's own field rules (`/api/openapi.json`), so the server rarely has
 * to reject input. Both fields are strings; "" means no description.
 */
export const NameDescriptionSchema = z.object({ name: NameSchema, description: DescriptionSchema });
export type NameDescriptionInput = z.input<typeof NameDescriptionSchema>;
export type NameDescriptionValues = z.output<typeof NameDescriptionSchema>;

export const NAME_DESCRIPTION_FIELDS = ['name', 'description'] as const;

/** What a description field keeps out of the person's text, e.g. a rotation's link, and how much room that leaves. */
export interface DescriptionRoom {
  max: number;
  /** Why the limit is lower than the API's, for the error message: "the rotation link takes the rest". */
  reason: string;
}

/** The same rules, with less room for the description when part of it is kept out of the field. */
export function nameDescriptionSchema(room?: DescriptionRoom) {
  if (!room) return NameDescriptionSchema;
  return z.extend(NameDescriptionSchema, {
    description: DescriptionSchema.check(
      z.maxLength(room.max, `Description must be at most ${room.max} characters (${room.reason})`),
    ),
  });
}

/** An entity's current values as the form's defaults. */
export function nameDescriptionDefaults(current?: { name: string; description?: string | null }): NameDescriptionInput {
  return { name: current?.name ?? '', description: current?.description ?? '' };
}

/** A create body: an empty description is left out. */
export function toCreateBody(values: NameDescriptionValues): { name: string; description?: string } {
  return values.description ? { name: values.name, description: values.description } : { name: values.name };
}

/**
 * Only what changed, because PATCH replaces each field it names (so an edit does not undo
 * someone else's change to the other field). `null` when nothing changed (the API answers 400
 * to a PATCH without fields). "" is how a description is cleared.
 */
export function changedFields(
  values: NameDescriptionValues,
  current: { name: string; description?: string | null },
): { name?: string; description?: string } | null {
  const body: { name?: string; description?: string } = {};
  if (values.name !== current.name) body.name = values.name;
  if (values.description !== (current.description ?? '')) body.description = values.description;
  return Object.keys(body).length > 0 ? body : null;
}
