import { useCreateCredential } from '../../api/credential-mutations';
import { NameDescriptionDialog } from '../../components/name-description-dialog';
import { toCreateBody } from '../../components/name-description-schema';
import { CREDENTIAL_NAME_RULES } from './credential-form';
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
  const { created, show, drop } = useOneTimeSecret();

  return (
    <>
      <NameDescriptionDialog
        {...CREDENTIAL_NAME_RULES}
        open={open && !created}
        title="Create credential"
        description="A credential is a client ID and secret that a program uses to get access tokens for this service account."
        submitLabel="Create credential"
        action="create the credential"
        save={async (values) => {
          const result = await create.mutateAsync(toCreateBody(values));
          // useMutation would keep the response in `data` until reset: the dialog's state is its only home.
          create.reset();
          return result;
        }}
        successMessage={(result) => `Credential “${result.name}” created`}
        onSaved={show}
        onClose={onClose}
      />
      <CredentialSecretDialog created={created} onClosed={drop} />
    </>
  );
}
