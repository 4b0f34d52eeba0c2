import { useId, useMemo } from 'react';
import { CopyButton } from '../../components/copy-button';
import { curlSnippet, envSnippet, SECRET_PLACEHOLDER, tokenUrl } from './usage-snippets';

export type UseCredentialProps = {
  clientId: string;
  /** The real secret (only in the one-time secret dialog); without it the snippets show a placeholder. */
  clientSecret?: string;
  /** Heading level of the section's title in its surroundings. */
  headingLevel?: 2 | 3;
};

/** "Use this credential": the token request as curl and as a .env file, each copyable. */
export function UseCredential({ clientId, clientSecret, headingLevel = 2 }: UseCredentialProps) {
  const headingId = useId();
  const values = useMemo(
    () => ({ clientId, clientSecret: clientSecret ?? SECRET_PLACEHOLDER, tokenUrl: tokenUrl() }),
    [clientId, clientSecret],
  );
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="use-credential" aria-labelledby={headingId}>
      <Heading id={headingId} className="use-credential__title">
        Use this credential
      </Heading>
      <p className="use-credential__intro">
        A program exchanges the client ID and secret for an access token at <code className="mono">{values.tokenUrl}</code>
        {clientSecret
          ? '.'
          : `. Replace ${SECRET_PLACEHOLDER} with the secret that was shown once when the credential was created.`}
      </p>
      <Snippet label="Token request with curl" text={curlSnippet(values)} copyLabel="Copy curl command" />
      <Snippet label=".env file" text={envSnippet(values)} copyLabel="Copy .env snippet" />
    </section>
  );
}

function Snippet({ label, text, copyLabel }: { label: string; text: string; copyLabel: string }) {
  const labelId = useId();
  return (
    <figure className="snippet" aria-labelledby={labelId}>
      <figcaption className="snippet__header">
        <span id={labelId} className="snippet__label">
          {label}
        </span>
        <CopyButton text={text} label={copyLabel} />
      </figcaption>
      {/* Focusable so keyboard users can scroll a long line sideways. */}
      <pre className="snippet__code" tabIndex={0} aria-labelledby={labelId}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
