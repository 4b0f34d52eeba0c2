import { useUpdateCredential } from '../../api/credentials';
import type { Credential } from '../../api/schemas';
import { useToast } from '../../components/toast';
import { CredentialFormDialog } from './credential-form-dialog';

export type EditCredentialDialogProps = {
  org: string;
  serviceAccountId: string;
  credential: Pick<Credential, 'id' | 'name' | 'description'>;
  open: boolean;
  onClose: () => void;
};

export function EditCredentialDialog({ org, serviceAccountId, credential, open, onClose }: EditCredentialDialogProps) {
  const update = useUpdateCredential(org, serviceAccountId, credential.id);
  const toast = useToast();

  async function submit(values: { name: string; description: string }) {
    // Both fields are sent: "" is how the contract clears a description.
    const updated = await update.mutateAsync(values);
    onClose();
    toast.success(`Credential “${updated.name}” saved`);
  }

  return (
    <CredentialFormDialog
      open={open}
      title="Edit credential"
      submitLabel="Save"
      action="save the credential"
      defaultValues={{ name: credential.name, description: credential.description ?? '' }}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}
