import { useDeleteCredential } from '../../api/credential-mutations';
import type { Credential } from '../../api/schemas';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNow } from '../../components/use-now';
import { useToast } from '../../components/toast';
import { lastUseWarning } from './credential-usage';
import { formErrorMessage } from '../../components/form-errors';

export type DeleteCredentialDialogProps = {
  org: string;
  serviceAccountId: string;
  /** The credential to delete; the dialog is open while this is set. */
  credential: Pick<Credential, 'id' | 'name' | 'client_id' | 'created_at' | 'last_used_at'> | null;
  onClose: () => void;
  /** After a successful delete (the dialog has already asked to close). */
  onDeleted?: () => void;
};

export function DeleteCredentialDialog({
  org,
  serviceAccountId,
  credential,
  onClose,
  onDeleted,
}: DeleteCredentialDialogProps) {
  const remove = useDeleteCredential(org, serviceAccountId);
  const toast = useToast();
  const now = useNow();

  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!credential || remove.isPending) return;
    // A failure also stays in the open dialog, where the person can retry or cancel.
    remove.mutate(credential.id, {
      onSuccess: () => {
        toast.success(`Credential “${credential.name}” deleted`);
        close();
        onDeleted?.();
      },
      onError: (error) => {
        toast.error(`Could not delete “${credential.name}”`, { description: formErrorMessage(error, 'delete it') });
      },
    });
  }

  return (
    <ConfirmDialog
      open={credential !== null}
      title={credential ? `Delete credential “${credential.name}”?` : 'Delete credential?'}
      confirmLabel="Delete credential"
      pending={remove.isPending}
      error={remove.error ? formErrorMessage(remove.error, 'delete the credential') : undefined}
      onConfirm={confirm}
      onCancel={close}
    >
      {credential && (
        <>
          <p>
            <strong>{lastUseWarning(credential, new Date(now))}</strong>
          </p>
          <p>
            Programs authenticating with client ID <code className="mono">{credential.client_id}</code> will no longer
            get access tokens. This cannot be undone.
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}
