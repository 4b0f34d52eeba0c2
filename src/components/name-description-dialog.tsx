import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Dialog } from './dialog';
import { applyServerErrors } from './form-errors';
import { FormDialogFooter, FormError } from './form-parts';
import { NameDescriptionFields } from './name-description-fields';
import {
  NAME_DESCRIPTION_FIELDS,
  nameDescriptionSchema,
  type DescriptionRoom,
  type NameDescriptionInput,
  type NameDescriptionValues,
} from './name-description-schema';
import { useToast } from './toast';

export type NameDescriptionDialogProps<Saved> = {
  open: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  /** Verb phrase for failure messages, e.g. "create the credential". */
  action: string;
  /** What a 409 (a name already taken) says on the name field. */
  duplicateNameMessage: string;
  defaultValues?: NameDescriptionInput;
  nameHint: ReactNode;
  descriptionHint?: ReactNode;
  /** Set when part of the description is kept out of the field (a rotation link). */
  descriptionRoom?: DescriptionRoom;
  /**
   * Sends the values (the caller sends only what changed). Resolves with what was saved, or
   * with null when there was nothing to send; a rejection (an ApiError) is shown on the fields
   * or above them, and the input stays as typed.
   */
  save: (values: NameDescriptionValues) => Promise<Saved | null>;
  /** The toast after a save that sent something, e.g. "Credential “ci” saved". */
  successMessage: (saved: Saved) => string;
  /** Called after the dialog has asked to close, with what was saved (not after a no-op edit). */
  onSaved?: (saved: Saved) => void;
  onClose: () => void;
};

/**
 * Create or edit anything that is a name and a description. One policy for all of them: one
 * request however often submit is pressed, closing refused while it runs, a toast on success,
 * and on failure the problem on its field or above the form (and as a toast), input kept.
 */
export function NameDescriptionDialog<Saved>({ open, title, description, onClose, ...formProps }: NameDescriptionDialogProps<Saved>) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={open}
      title={title}
      description={description}
      onRequestClose={() => {
        if (!busy) onClose();
      }}
    >
      {/* The Dialog renders children only while open, so each opening starts from defaultValues with no stale errors. */}
      <NameDescriptionForm {...formProps} onClose={onClose} onBusyChange={setBusy} />
    </Dialog>
  );
}

function NameDescriptionForm<Saved>({
  submitLabel,
  action,
  duplicateNameMessage,
  defaultValues = { name: '', description: '' },
  nameHint,
  descriptionHint,
  descriptionRoom,
  save,
  successMessage,
  onSaved,
  onClose,
  onBusyChange,
}: Omit<NameDescriptionDialogProps<Saved>, 'open' | 'title' | 'description'> & { onBusyChange: (busy: boolean) => void }) {
  const toast = useToast();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<NameDescriptionInput, unknown, NameDescriptionValues>({
    resolver: zodResolver(nameDescriptionSchema(descriptionRoom)),
    defaultValues,
    mode: 'onTouched',
  });
  // isSubmitting arrives with the next render; the ref also stops a second submit
  // fired before React re-renders (a double-click, Enter pressed twice).
  const inFlight = useRef(false);

  const submit = handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusyChange(true);
    try {
      const saved = await save(values);
      onBusyChange(false);
      onClose();
      if (saved !== null) {
        toast.success(successMessage(saved));
        onSaved?.(saved);
      }
    } catch (error) {
      onBusyChange(false);
      const message = applyServerErrors(error, { fields: NAME_DESCRIPTION_FIELDS, setError, action, duplicateNameMessage });
      // A field problem shows on its field only; anything else also gets a toast, as every failed mutation does.
      if (message) toast.error(`Could not ${action}`, { description: message });
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormError>{errors.root?.server?.message}</FormError>
      <NameDescriptionFields
        register={register}
        errors={errors}
        nameHint={nameHint}
        descriptionHint={descriptionHint}
        descriptionMax={descriptionRoom?.max}
        autoFocus
      />
      <FormDialogFooter submitLabel={submitLabel} pending={isSubmitting} onCancel={onClose} />
    </form>
  );
}
