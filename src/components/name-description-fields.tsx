import type { ReactNode } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { DESCRIPTION_MAX, NAME_MAX } from '../api/schemas';
import { TextArea, TextInput } from './field';
import type { NameDescriptionInput } from './name-description-schema';

export type NameDescriptionFieldsProps = {
  register: UseFormRegister<NameDescriptionInput>;
  errors: FieldErrors<NameDescriptionInput>;
  nameLabel?: string;
  nameHint: ReactNode;
  descriptionHint?: ReactNode;
  /** Less than the API's 1024 when part of the description is kept out of the field. */
  descriptionMax?: number;
  /** Read-only with a reason rather than disabled: the fields stay focusable and readable. */
  locked?: boolean;
  autoFocus?: boolean;
};

/**
 * The name and description fields of every name + description form. Limits are counters, not
 * maxLength: pasted text is not silently cut, the schema reports what is too long.
 */
export function NameDescriptionFields({
  register,
  errors,
  nameLabel = 'Name',
  nameHint,
  descriptionHint,
  descriptionMax = DESCRIPTION_MAX,
  locked = false,
  autoFocus = false,
}: NameDescriptionFieldsProps) {
  const lock = locked ? { readOnly: true, 'aria-disabled': true as const } : {};
  return (
    <>
      <TextInput
        label={nameLabel}
        required
        autoComplete="off"
        spellCheck={false}
        characterLimit={NAME_MAX}
        hint={nameHint}
        error={errors.name?.message}
        {...(autoFocus && { 'data-autofocus': true })}
        {...register('name')}
        {...lock}
      />
      <TextArea
        label="Description"
        characterLimit={descriptionMax}
        hint={descriptionHint}
        error={errors.description?.message}
        {...register('description')}
        {...lock}
      />
    </>
  );
}
