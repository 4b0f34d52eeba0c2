import { useCreateCredential } from '../../api/credential-mutations';
import { useToast } from '../../components/toast';
import { CredentialFormDialog } from './credential-form-dialog';
import { CredentialSecretDialog } from './credential-secret-dialog';
import { useOneTimeSecret } from './use-one-time-secret';

export type CreateCredentialDialogProps = {
  org: string;
  serviceAccountId: string;
  /** Whether the name/description form is open. */
  open: boolean;
  /** The form was cancelled, or it succeeded and handed over to the secret dialog. */
  onClose: () => void;
};

/**
 * Create form, then the one-time secret dialog. Keep this mounted while the form is closed:
 * it owns the created response (the only copy of the secret) until the secret dialog closes.
 */
export function CreateCredentialDialog({ org, serviceAccountId, open, onClose }: CreateCredentialDialogProps) {
  const create = useCreateCredential(org, serviceAccountId);
  const toast = useToast();
  const { created, show, drop } = useOneTimeSecret();

  async function submit(values: { name: string; description: string }) {
    const result = await create.mutateAsync({
      name: values.name,
      ...(values.description !== '' && { description: values.description }),
    });
    show(result);
    // useMutation would keep the response in `data` until reset: the dialog's state is its only home.
    create.reset();
    onClose();
    toast.success(`Credential “${result.name}” created`);
  }

  return (
    <>
      <CredentialFormDialog
        open={open && !created}
        title="Create credential"
        description="A credential is a client ID and secret that a program uses to get access tokens for this service account."
        submitLabel="Create credential"
        action="create the credential"
        onSubmit={submit}
        onCancel={onClose}
      />
      <CredentialSecretDialog created={created} onClosed={drop} />
    </>
  );
}
