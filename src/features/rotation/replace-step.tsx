import { zodResolver } from '@hookform/resolvers/zod';
import type { FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { Credential } from '../../api/schemas';
import { FormError } from '../../components/form-parts';
import { NameDescriptionFields } from '../../components/name-description-fields';
import {
  nameDescriptionSchema,
  type NameDescriptionInput,
  type NameDescriptionValues,
} from '../../components/name-description-schema';
import { GatedButton } from '../../components/permission-gate';
import {
  buildReplacementDescription,
  descriptionRoomBeside,
  formatRotationMarker,
  proposeReplacementName,
  stripRotationMarker,
} from '../../lib/rotation';
import type { Gate } from '../../lib/permissions';

export interface ReplaceValues {
  name: string;
  /** The complete description to send: the person's text plus the rotation marker. */
  description: string;
}

export interface ReplaceStepProps {
  old: Credential;
  /** Rotating needs service_account_credentials.create and .delete. */
  gate: Gate;
  /** True from the click until the replacement is listed: the button cannot send twice. */
  pending: boolean;
  /** A failed create: nothing was changed. */
  error: string | null;
  /** The day the proposed name carries. */
  now: Date;
  onSubmit: (values: ReplaceValues) => void;
}

/**
 * Proposes the replacement: the old credential's name with " (rotated YYYY-MM-DD)", its
 * description, and the marker linking them. Without the permission the form is read-only with
 * the reason, and no key or button sends anything (Enter in the name field submits a form
 * natively, so the submit handler itself refuses).
 */
export function ReplaceStep({ old, gate, pending, error, now, onSubmit }: ReplaceStepProps) {
  const denied = gate.decision === 'denied';
  const marker = formatRotationMarker(old);
  // Room left for the person's text once "\n\n" and the marker are appended.
  const room = descriptionRoomBeside(marker);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NameDescriptionInput, unknown, NameDescriptionValues>({
    resolver: zodResolver(nameDescriptionSchema({ max: room, reason: 'the rotation note takes the rest' })),
    defaultValues: {
      name: proposeReplacementName(old.name, now),
      description: stripRotationMarker(buildReplacementDescription(old)),
    },
    mode: 'onTouched',
  });

  const validateAndSubmit = handleSubmit((values) =>
    onSubmit({
      name: values.name,
      description: buildReplacementDescription({ id: old.id, client_id: old.client_id, description: values.description }),
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    if (denied) {
      event.preventDefault();
      return;
    }
    void validateAndSubmit(event);
  }

  return (
    <form className="rotation-form" onSubmit={submit} noValidate aria-label="Create the replacement credential">
      <p>
        Create a new credential for the same service account. The old one keeps working until you revoke it in step 3,
        so clients can switch over without downtime.
      </p>
      {denied && (
        <p className="rotation-denied" role="note">
          <strong>You cannot rotate this credential.</strong> {gate.reason}.
        </p>
      )}
      <FormError>{error}</FormError>
      <NameDescriptionFields
        register={register}
        errors={errors}
        nameLabel="Name of the new credential"
        nameHint={denied ? `${gate.reason}.` : 'Dated, so the old and the new credential are told apart in every list.'}
        descriptionMax={room}
        descriptionHint={
          <>
            This note is added as the last line, so anyone can see which credential it replaces:{' '}
            <code className="mono">{marker}</code>
          </>
        }
        locked={denied}
      />
      <div>
        <GatedButton type="submit" variant="primary" loading={pending} {...gate}>
          Create replacement
        </GatedButton>
      </div>
    </form>
  );
}
