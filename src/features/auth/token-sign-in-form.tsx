import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { listOrganizations } from '../../api/organizations';
import type { Organization } from '../../api/schemas';
import { Button } from '../../components/button';
import { TextInput } from '../../components/field';

function describeFailure(error: ApiError): string {
  if (error.status === 401 || error.status === 403) {
    return `That token was not accepted (${error.status}). Check that you copied all of it.`;
  }
  if (error.status === 0) return 'Could not reach the API to check the token. Try again.';
  return `The token could not be checked: ${error.message}`;
}

/**
 * What was pasted, without surrounding space or an `Authorization` header's scheme: people copy
 * "Bearer demo-ada-admin" (or the whole header) from curl examples.
 */
export function tokenFromInput(input: string): string {
  return input
    .trim()
    .replace(/^authorization\s*:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .trim();
}

/** Pasting a bearer token; it is checked against GET /organizations before it is kept. */
export function TokenSignInForm({ onSignIn }: { onSignIn: (token: string, organizations: Organization[]) => void }) {
  const headingId = useId();
  const [token, setToken] = useState('');
  const [emptyError, setEmptyError] = useState<string>();
  const verify = useMutation({
    mutationFn: (candidate: string) => listOrganizations(undefined, { token: candidate }),
    gcTime: 0,
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const candidate = tokenFromInput(token);
    if (!candidate) {
      setEmptyError('Paste a token to sign in');
      return;
    }
    verify.mutate(candidate, { onSuccess: (organizations) => onSignIn(candidate, organizations) });
  }

  const error = emptyError ?? (verify.error ? describeFailure(verify.error) : undefined);
  return (
    <section className="sign-in__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="sign-in__heading">
        Sign in with an API token
      </h2>
      <form className="sign-in__form" onSubmit={handleSubmit} noValidate>
        <TextInput
          label="Bearer token"
          hint="Paste an access token issued for your account, with or without “Bearer”."
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          error={error}
          onChange={(event) => {
            setToken(event.target.value);
            setEmptyError(undefined);
            if (verify.isError) verify.reset();
          }}
        />
        <Button type="submit" variant="primary" loading={verify.isPending}>
          Sign in
        </Button>
      </form>
    </section>
  );
}
