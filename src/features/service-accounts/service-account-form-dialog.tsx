import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { DESCRIPTION_MAX, NAME_MAX } from '../../api/schemas';
import type { ServiceAccount } from '../../api/schemas';
import { useCreateServiceAccount, useUpdateServiceAccount } from '../../api/service-account-mutations';
import { Dialog } from '../../components/dialog';
import { TextArea, TextInput } from '../../components/field';
import { FormDialogFooter, FormError } from '../../components/form-parts';
import { useToast } from '../../components/toast';
import {
  applyServerError,
  formDefaults,
  ServiceAccountFormSchema,
  toCreateBody,
  toUpdateBody,
} from './service-account-form';
import type { ServiceAccountFormInput, ServiceAccountFormValues } from './service-account-form';

type Props = {
  org: string;
  open: boolean;
  onClose: () => void;
} & (
  | { mode: 'create'; serviceAccount?: undefined; onSaved?: (created: ServiceAccount) => void }
  | { mode: 'edit'; serviceAccount: ServiceAccount; onSaved?: (updated: ServiceAccount) => void }
);

/** Create or edit a service account. Closing is refused while a save is in flight. */
export function ServiceAccountFormDialog(props: Props) {
  const [busy, setBusy] = useState(false);
  const title = props.mode === 'create' ? 'Create service account' : `Edit ${props.serviceAccount.name}`;
  return (
    <Dialog
      open={props.open}
      title={title}
      description={
        props.mode === 'create'
          ? 'A service account is an identity for a program. After creating it, add a credential so the program can authenticate.'
          : undefined
      }
      onRequestClose={() => {
        if (!busy) props.onClose();
      }}
    >
      {props.mode === 'create' ? (
        <CreateForm org={props.org} onBusyChange={setBusy} onClose={props.onClose} onSaved={props.onSaved} />
      ) : (
        <EditForm
          org={props.org}
          serviceAccount={props.serviceAccount}
          onBusyChange={setBusy}
          onClose={props.onClose}
          onSaved={props.onSaved}
        />
      )}
    </Dialog>
  );
}

type FormProps = {
  org: string;
  onBusyChange: (busy: boolean) => void;
  onClose: () => void;
  onSaved?: (serviceAccount: ServiceAccount) => void;
};

function CreateForm({ org, ...props }: FormProps) {
  const create = useCreateServiceAccount(org);
  const toast = useToast();
  return (
    <ServiceAccountForm
      {...props}
      defaultValues={formDefaults()}
      submitLabel="Create service account"
      action="create"
      save={async (values) => {
        const created = await create.mutateAsync(toCreateBody(values));
        toast.success(`Created service account ${created.name}`);
        return created;
      }}
    />
  );
}

function EditForm({ org, serviceAccount, ...props }: FormProps & { serviceAccount: ServiceAccount }) {
  const update = useUpdateServiceAccount(org, serviceAccount.id);
  const toast = useToast();
  return (
    <ServiceAccountForm
      {...props}
      defaultValues={formDefaults(serviceAccount)}
      submitLabel="Save changes"
      action="update"
      save={async (values) => {
        const body = toUpdateBody(values, serviceAccount);
        if (!body) return serviceAccount;
        const updated = await update.mutateAsync(body);
        toast.success(`Saved changes to ${updated.name}`);
        return updated;
      }}
    />
  );
}

function ServiceAccountForm({
  defaultValues,
  submitLabel,
  action,
  save,
  onBusyChange,
  onClose,
  onSaved,
}: Omit<FormProps, 'org'> & {
  defaultValues: ServiceAccountFormInput;
  submitLabel: string;
  action: 'create' | 'update';
  save: (values: ServiceAccountFormValues) => Promise<ServiceAccount>;
}) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ServiceAccountFormInput, unknown, ServiceAccountFormValues>({
    resolver: zodResolver(ServiceAccountFormSchema),
    defaultValues,
    mode: 'onTouched',
  });
  // isSubmitting arrives with the next render; the ref also stops a second submit
  // fired before React re-renders (a double-click, Enter pressed twice).
  const inFlight = useRef(false);

  const onSubmit = handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusyChange(true);
    try {
      const saved = await save(values);
      onBusyChange(false);
      onClose();
      onSaved?.(saved);
    } catch (error) {
      // The input stays as typed; the error lands on its field or above the form.
      applyServerError(error, setError, action);
      onBusyChange(false);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError>{errors.root?.server?.message}</FormError>
      <TextInput
        label="Name"
        required
        autoComplete="off"
        spellCheck={false}
        characterLimit={NAME_MAX}
        hint="Unique in the organization, e.g. billing-worker."
        error={errors.name?.message}
        data-autofocus
        {...register('name')}
      />
      <TextArea
        label="Description"
        characterLimit={DESCRIPTION_MAX}
        hint="What uses it and who owns it."
        error={errors.description?.message}
        {...register('description')}
      />
      <FormDialogFooter submitLabel={submitLabel} pending={isSubmitting} onCancel={onClose} />
    </form>
  );
}
