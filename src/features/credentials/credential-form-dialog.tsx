import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { DESCRIPTION_MAX, NAME_MAX } from '../../api/schemas';
import { Dialog } from '../../components/dialog';
import { TextArea, TextInput } from '../../components/field';
import { FormDialogFooter, FormError } from '../../components/form-parts';
import { useToast } from '../../components/toast';
import {
  CREDENTIAL_FORM_FIELDS,
  CredentialFormSchema,
  credentialFormSchemaWithRoom,
  type CredentialFormInput,
  type CredentialFormValues,
} from './credential-form-schema';
import { applyServerFieldErrors, formErrorMessage } from './server-errors';

export type CredentialFormDialogProps = {
  open: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  /** Verb phrase for failure messages, e.g. "create the credential". */
  action: string;
  defaultValues?: CredentialFormInput;
  /** Less than the API's 1024 when part of the description is kept out of the field (a rotation marker). */
  descriptionLimit?: number;
  /** Shown under the description field. */
  descriptionHint?: ReactNode;
  /** Resolves on success; a rejection (an ApiError) is shown on the fields or above them, and the input stays. */
  onSubmit: (values: CredentialFormValues) => Promise<unknown>;
  onCancel: () => void;
};

export function CredentialFormDialog({ open, title, description, onCancel, ...formProps }: CredentialFormDialogProps) {
  // The form lives in a child keyed by nothing but mount: the Dialog renders children only
  // while open, so each opening starts from defaultValues with no stale errors.
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={open}
      title={title}
      description={description}
      onRequestClose={() => {
        if (!busy) onCancel();
      }}
    >
      <CredentialForm {...formProps} onCancel={onCancel} onBusyChange={setBusy} />
    </Dialog>
  );
}

function CredentialForm({
  submitLabel,
  action,
  defaultValues = { name: '', description: '' },
  descriptionLimit,
  descriptionHint,
  onSubmit,
  onCancel,
  onBusyChange,
}: Omit<CredentialFormDialogProps, 'open' | 'title' | 'description'> & { onBusyChange: (busy: boolean) => void }) {
  const toast = useToast();
  const form = useForm<CredentialFormInput, unknown, CredentialFormValues>({
    resolver: zodResolver(descriptionLimit === undefined ? CredentialFormSchema : credentialFormSchemaWithRoom(descriptionLimit)),
    defaultValues,
    mode: 'onTouched',
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const submit = handleSubmit(async (values) => {
    onBusyChange(true);
    try {
      await onSubmit(values);
    } catch (error) {
      // Field problems show on their fields only; anything else also gets a toast, as every failed mutation does.
      if (!applyServerFieldErrors(error, CREDENTIAL_FORM_FIELDS, setError)) {
        const message = formErrorMessage(error, action);
        setError('root.server', { type: 'server', message });
        toast.error(`Could not ${action}`, { description: message });
      }
    } finally {
      onBusyChange(false);
    }
  });

  return (
    <form className="credential-form" onSubmit={submit} noValidate>
      <FormError>{errors.root?.server?.message}</FormError>
      <TextInput
        label="Name"
        required
        maxLength={NAME_MAX}
        autoComplete="off"
        error={errors.name?.message}
        hint="Say where it is used, e.g. “billing-worker (production)”."
        data-autofocus
        {...register('name')}
      />
      <TextArea
        label="Description"
        {...(descriptionLimit === undefined
          ? { maxLength: DESCRIPTION_MAX, showCount: true }
          : { characterLimit: descriptionLimit })}
        hint={descriptionHint}
        error={errors.description?.message}
        {...register('description')}
      />
      <FormDialogFooter submitLabel={submitLabel} pending={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
