import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { DESCRIPTION_MAX, NAME_MAX, NameSchema, type Credential } from '../../api/schemas';
import { TextArea, TextInput } from '../../components/field';
import { FormError } from '../../components/form-parts';
import { GatedButton } from '../../components/permission-gate';
import { buildReplacementDescription, formatRotationMarker, stripRotationMarker } from '../../lib/rotation';
import type { permissionGate } from '../../lib/permissions';

export interface ReplaceValues {
  name: string;
  /** The complete description to send: the person's text plus the rotation marker. */
  description: string;
}

export interface ReplaceStepProps {
  old: Credential;
  /** Rotating needs service_account_credentials.create and .delete. */
  gate: ReturnType<typeof permissionGate>;
  /** True from the click until the replacement is listed: the button cannot send twice. */
  pending: boolean;
  /** A failed create: nothing was changed. */
  error: string | null;
  onSubmit: (values: ReplaceValues) => void;
}

/** Proposes the replacement: the old credential's name and description, plus the marker linking them. */
export function ReplaceStep({ old, gate, pending, error, onSubmit }: ReplaceStepProps) {
  const marker = formatRotationMarker(old);
  // Room left for the person's text once "\n\n" and the marker are appended.
  const room = Math.max(0, DESCRIPTION_MAX - marker.length - 2);
  const schema = z.object({
    name: NameSchema,
    description: z.string().check(
      z.maxLength(room, `Description must be at most ${room} characters (the rotation note takes the rest)`),
    ),
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: old.name, description: stripRotationMarker(buildReplacementDescription(old)) },
    mode: 'onTouched',
  });

  const submit = handleSubmit((values) =>
    onSubmit({
      name: values.name,
      description: buildReplacementDescription({ id: old.id, client_id: old.client_id, description: values.description }),
    }),
  );

  return (
    <form className="rotation-form" onSubmit={submit} noValidate aria-label="Create the replacement credential">
      <p>
        Create a new credential for the same service account. The old one keeps working until you revoke it in step 3,
        so clients can switch over without downtime.
      </p>
      <FormError>{error}</FormError>
      <TextInput
        label="Name of the new credential"
        required
        maxLength={NAME_MAX}
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextArea
        label="Description"
        characterLimit={room}
        error={errors.description?.message}
        hint={
          <>
            This note is added as the last line, so anyone can see which credential it replaces:{' '}
            <code className="mono">{marker}</code>
          </>
        }
        {...register('description')}
      />
      <div>
        <GatedButton type="submit" variant="primary" loading={pending} {...gate}>
          Create replacement
        </GatedButton>
      </div>
    </form>
  );
}
