import { useUpdateCredential } from '../../api/credential-mutations';
import type { Credential } from '../../api/schemas';
import { useToast } from '../../components/toast';
import { descriptionRoomBeside, joinRotationMarker, splitRotationMarker } from '../../lib/rotation';
import { CredentialFormDialog } from './credential-form-dialog';

export type EditCredentialDialogProps = {
  org: string;
  serviceAccountId: string;
  credential: Pick<Credential, 'id' | 'name' | 'description'>;
  open: boolean;
  onClose: () => void;
};

/**
 * Edits the name and the person's part of the description. A replacement's rotation marker
 * (the link to the credential it replaces) is never shown as editable text: it is kept out of
 * the field and put back on save, so no edit can silently cancel a rotation.
 */
export function EditCredentialDialog({ org, serviceAccountId, credential, open, onClose }: EditCredentialDialogProps) {
  const update = useUpdateCredential(org, serviceAccountId, credential.id);
  const toast = useToast();
  const { text, marker } = splitRotationMarker(credential.description);

  async function submit(values: { name: string; description: string }) {
    // Both fields are sent: "" is how the API clears a description.
    const updated = await update.mutateAsync({ name: values.name, description: joinRotationMarker(values.description, marker) });
    onClose();
    toast.success(`Credential “${updated.name}” saved`);
  }

  return (
    <CredentialFormDialog
      open={open}
      title="Edit credential"
      submitLabel="Save"
      action="save the credential"
      defaultValues={{ name: credential.name, description: text }}
      {...(marker && {
        descriptionLimit: descriptionRoomBeside(marker),
        descriptionHint: 'This credential replaces another one in a rotation; that link is kept when you save.',
      })}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}
