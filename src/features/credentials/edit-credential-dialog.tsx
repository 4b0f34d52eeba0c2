import { useUpdateCredential } from '../../api/credential-mutations';
import type { Credential } from '../../api/schemas';
import { NameDescriptionDialog } from '../../components/name-description-dialog';
import { changedFields } from '../../components/name-description-schema';
import { descriptionRoomBeside, joinRotationMarker, splitRotationMarker } from '../../lib/rotation';
import { CREDENTIAL_NAME_RULES } from './credential-form';

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
  const { text, marker } = splitRotationMarker(credential.description);

  return (
    <NameDescriptionDialog
      {...CREDENTIAL_NAME_RULES}
      open={open}
      title="Edit credential"
      submitLabel="Save"
      action="save the credential"
      defaultValues={{ name: credential.name, description: text }}
      {...(marker && {
        descriptionRoom: { max: descriptionRoomBeside(marker), reason: 'the rotation link takes the rest' },
        descriptionHint: 'This credential replaces another one in a rotation; that link is kept when you save.',
      })}
      save={async (values) => {
        const body = changedFields({ name: values.name, description: joinRotationMarker(values.description, marker) }, credential);
        return body ? update.mutateAsync(body) : null;
      }}
      successMessage={(updated) => `Credential “${updated.name}” saved`}
      onClose={onClose}
    />
  );
}
