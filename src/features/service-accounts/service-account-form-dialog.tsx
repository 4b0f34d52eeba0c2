import type { ServiceAccount } from '../../api/schemas';
import { useCreateServiceAccount, useUpdateServiceAccount } from '../../api/service-account-mutations';
import { NameDescriptionDialog } from '../../components/name-description-dialog';
import { changedFields, nameDescriptionDefaults, toCreateBody } from '../../components/name-description-schema';

type Props = {
  org: string;
  open: boolean;
  onClose: () => void;
} & (
  | { mode: 'create'; serviceAccount?: undefined; onSaved?: (created: ServiceAccount) => void }
  | { mode: 'edit'; serviceAccount: ServiceAccount; onSaved?: (updated: ServiceAccount) => void }
);

const common = {
  duplicateNameMessage: 'A service account with this name already exists',
  nameHint: 'Unique in the organization, e.g. billing-worker.',
  descriptionHint: 'What uses it and who owns it.',
};

/** Create or edit a service account (loaded lazily: see lazy-dialogs). */
export function ServiceAccountFormDialog(props: Props) {
  return props.mode === 'create' ? <CreateDialog {...props} /> : <EditDialog {...props} />;
}

function CreateDialog({ org, open, onClose, onSaved }: Props & { mode: 'create' }) {
  const create = useCreateServiceAccount(org);
  return (
    <NameDescriptionDialog
      {...common}
      open={open}
      title="Create service account"
      description="A service account is an identity for a program. After creating it, add a credential so the program can authenticate."
      submitLabel="Create service account"
      action="create a service account"
      save={(values) => create.mutateAsync(toCreateBody(values))}
      successMessage={(created) => `Created service account ${created.name}`}
      onSaved={onSaved}
      onClose={onClose}
    />
  );
}

function EditDialog({ org, open, serviceAccount, onClose, onSaved }: Props & { mode: 'edit' }) {
  const update = useUpdateServiceAccount(org, serviceAccount.id);
  return (
    <NameDescriptionDialog
      {...common}
      open={open}
      title={`Edit ${serviceAccount.name}`}
      submitLabel="Save changes"
      action="update this service account"
      defaultValues={nameDescriptionDefaults(serviceAccount)}
      save={async (values) => {
        const body = changedFields(values, serviceAccount);
        return body ? update.mutateAsync(body) : null;
      }}
      successMessage={(updated) => `Saved changes to ${updated.name}`}
      onSaved={onSaved}
      onClose={onClose}
    />
  );
}
