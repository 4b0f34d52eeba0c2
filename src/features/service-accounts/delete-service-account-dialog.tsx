import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { credentialQueries } from '../../api/credentials';
import type { ServiceAccount } from '../../api/schemas';
import { LIMIT_MAX } from '../../api/schemas';
import { useDeleteServiceAccount } from '../../api/service-account-mutations';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Skeleton } from '../../components/skeleton';
import { useToast } from '../../components/toast';
import { CREDENTIAL_POLICY, daysSinceLastUse } from '../../lib/credential-status';
import { formatCount } from '../../lib/time-format';
import { formErrorMessage } from '../../components/form-errors';

type Props = {
  org: string;
  /** The service account to delete; the dialog is open while this is set. */
  serviceAccount: ServiceAccount | null;
  onClose: () => void;
  onDeleted?: (serviceAccount: ServiceAccount) => void;
};

export function DeleteServiceAccountDialog({ org, serviceAccount, onClose, onDeleted }: Props) {
  const remove = useDeleteServiceAccount(org);
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    remove.reset();
    onClose();
  }

  // With onDeleted the parent moves away (the detail page navigates to the list); closing
  // first would re-render that page, and its panels would refetch the deleted account's data.
  function finish(deleted: ServiceAccount) {
    if (onDeleted) onDeleted(deleted);
    else close();
  }

  function confirm() {
    if (!serviceAccount) return;
    setError(null);
    remove.mutate(serviceAccount.id, {
      onSuccess: () => {
        toast.success(`Deleted service account ${serviceAccount.name}`);
        finish(serviceAccount);
      },
      onError: (e) => {
        if (e.status === 404) {
          // Someone else deleted it first: the outcome the person wanted.
          toast.info(`${serviceAccount.name} was already deleted`);
          finish(serviceAccount);
          return;
        }
        setError(formErrorMessage(e, 'delete this service account'));
      },
    });
  }

  return (
    <ConfirmDialog
      open={serviceAccount !== null}
      title={serviceAccount ? `Delete ${serviceAccount.name}?` : 'Delete service account?'}
      confirmLabel="Delete service account"
      confirmationText={serviceAccount?.name}
      pending={remove.isPending}
      error={error}
      onConfirm={confirm}
      onCancel={close}
    >
      {serviceAccount && (
        <Consequences org={org} serviceAccount={serviceAccount} frozen={remove.isPending || remove.isSuccess} />
      )}
    </ConfirmDialog>
  );
}

/** Names what will be lost: the credentials, and how many are in active use. */
function Consequences({
  org,
  serviceAccount,
  frozen,
}: {
  org: string;
  serviceAccount: ServiceAccount;
  /** Once deleting, never refetch: the credentials are going away with it (a refetch would 404). */
  frozen: boolean;
}) {
  const credentials = useQuery({
    ...credentialQueries.list(org, serviceAccount.id, { limit: LIMIT_MAX }),
    enabled: !frozen,
    // Other panels cache this very list (the rotation banner); what a delete destroys must be counted now.
    refetchOnMount: 'always',
  });

  let lost: ReactNode;
  if (credentials.isPending || (credentials.isFetching && !credentials.isFetchedAfterMount)) {
    lost = (
      <span aria-busy="true">
        <span className="visually-hidden">Checking its credentials…</span>
        <Skeleton width="70%" />
      </span>
    );
  } else if (credentials.isError) {
    lost = <p>Its credentials could not be listed; all of them will be deleted too.</p>;
  } else {
    const items = credentials.data.items;
    const more = credentials.data.page_info.has_next_page;
    const now = new Date();
    const recent = items.filter((c) => {
      const days = daysSinceLastUse(c, now);
      return days !== null && days <= CREDENTIAL_POLICY.activeWithinDays;
    }).length;
    const count = `${more ? 'more than ' : ''}${formatCount(items.length)}`;
    lost =
      items.length === 0 ? (
        <p>It has no credentials.</p>
      ) : (
        <>
          <p>
            Its <strong>{count}</strong> credential{items.length === 1 && !more ? '' : 's'} will be deleted too.
          </p>
          {recent > 0 ? (
            <p className="delete-warning">
              <strong>
                {formatCount(recent)} {recent === 1 ? 'was' : 'were'} used in the last {CREDENTIAL_POLICY.activeWithinDays}{' '}
                days
              </strong>
              : programs using {recent === 1 ? 'it' : 'them'} will fail to authenticate.
            </p>
          ) : (
            <p>None of them was used in the last {CREDENTIAL_POLICY.activeWithinDays} days.</p>
          )}
        </>
      );
  }

  return (
    <>
      <p>
        This permanently deletes the service account <strong>{serviceAccount.name}</strong>. It cannot be undone.
      </p>
      {lost}
    </>
  );
}
