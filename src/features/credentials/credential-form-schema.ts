import * as z from 'zod/mini';
import { DescriptionSchema, NameSchema } from '../../api/schemas';

/** The create and edit forms share the API's field rules (`/api/openapi.json`), so the server rarely has to reject input. */
export const CredentialFormSchema = z.object({
  name: NameSchema,
  description: DescriptionSchema,
});
export type CredentialFormInput = z.input<typeof CredentialFormSchema>;
export type CredentialFormValues = z.output<typeof CredentialFormSchema>;

export const CREDENTIAL_FORM_FIELDS = ['name', 'description'] as const;

/**
 * The same rules with less room for the description: when the edit dialog keeps a rotation
 * marker out of the field, the marker takes the rest of the API's limit.
 */
export function credentialFormSchemaWithRoom(descriptionMax: number) {
  return z.extend(CredentialFormSchema, {
    description: DescriptionSchema.check(
      z.maxLength(descriptionMax, `Description must be at most ${descriptionMax} characters (the rotation link takes the rest)`),
    ),
  });
}
