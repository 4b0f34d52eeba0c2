import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { CredentialCreated } from '../../api/schemas';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyButton } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';
import { downloadTextFile } from '../../lib/download';
import { SecretLeaveGuard } from './secret-leave-guard';
import { buildEnvFile, buildJsonFile, secretFileNames } from './secret-files';
import { UseCredential } from './use-credential';
import './credentials.css';

export type CredentialSecretDialogProps = {
  /** The create response. The dialog is open while this is set; it is the only place the secret is shown. */
  created: CredentialCreated | null;
  /**
   * Called once the person has closed the dialog. The owner must drop `created` from its state
   * and call the mutation's `reset()`, so nothing keeps the secret reachable.
   */
  onClosed: () => void;
  title?: ReactNode;
  /** Shown above the values, e.g. what to do next in the rotation flow. */
  intro?: ReactNode;
};

export function CredentialSecretDialog({ created, ...props }: CredentialSecretDialogProps) {
  if (!created) return null;
  // Keyed by id: a second credential shown by the same owner starts unticked.
  return <SecretDialog key={created.id} created={created} {...props} />;
}

function SecretDialog({
  created,
  onClosed,
  title = 'Credential created',
  intro,
}: CredentialSecretDialogProps & { created: CredentialCreated }) {
  const [stored, setStored] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const checkboxId = useId();
  const files = secretFileNames(created.name);

  function requestClose() {
    if (stored) onClosed();
    else setConfirmingClose(true);
  }

  return (
    <>
      <Dialog
        open
        title={title}
        size="lg"
        onRequestClose={requestClose}
        data-testid="credential-secret-dialog"
      >
        {intro}
        <p className="secret-dialog__warning" role="note">
          <strong>Copy the client secret now.</strong> It is shown only this once and cannot be shown again: the
          server keeps only a hash of it. If it is lost, create a new credential.
        </p>
        <SecretValue label="Client ID" copyLabel="Copy client ID" value={created.client_id} />
        <SecretValue label="Client secret" copyLabel="Copy client secret" value={created.client_secret} autoFocus />
        <div className="secret-dialog__downloads" role="group" aria-label="Download the credential">
          <Button
            size="sm"
            onClick={() => downloadTextFile(files.env, buildEnvFile(created), 'text/plain')}
          >
            Download .env
          </Button>
          <Button
            size="sm"
            onClick={() => downloadTextFile(files.json, buildJsonFile(created), 'application/json')}
          >
            Download JSON
          </Button>
        </div>
        <UseCredential clientId={created.client_id} clientSecret={created.client_secret} headingLevel={3} />
        <label className="checkbox" htmlFor={checkboxId}>
          <input id={checkboxId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          I have stored the secret
        </label>
        <div className="dialog__footer">
          <Button variant={stored ? 'primary' : 'secondary'} onClick={requestClose}>
            Done
          </Button>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirmingClose}
        title="Close without storing the secret?"
        confirmLabel="Close anyway"
        cancelLabel="Keep it open"
        onConfirm={onClosed}
        onCancel={() => setConfirmingClose(false)}
      >
        <p>
          You have not confirmed that you stored the client secret of <strong>{created.name}</strong>. After closing,
          nobody can see it again; clients would need a new credential.
        </p>
      </ConfirmDialog>
      <SecretLeaveGuard active={!stored} credentialName={created.name} />
    </>
  );
}

function SecretValue({
  label,
  copyLabel,
  value,
  autoFocus = false,
}: {
  label: string;
  copyLabel: string;
  value: string;
  /** The dialog focuses this one on open: the secret is what must be copied now. */
  autoFocus?: boolean;
}) {
  const inputId = useId();
  const problemId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copyProblem, setCopyProblem] = useState<string | null>(null);

  function selectForManualCopy() {
    textRef.current?.focus();
    textRef.current?.select();
  }

  function handleCopyFailed() {
    // Browsers expose the Clipboard API only to secure contexts (HTTPS or localhost).
    const why = window.isSecureContext
      ? 'The browser refused access to the clipboard'
      : 'The browser blocks the clipboard on pages not served over HTTPS or from localhost';
    setCopyProblem(`${why}, so the ${label.toLowerCase()} is selected for you to copy by hand.`);
    selectForManualCopy();
  }

  return (
    <div className="secret-value">
      <label htmlFor={inputId} className="secret-value__label">
        {label}
      </label>
      <div className="secret-value__row">
        {/* A read-only textarea: labelled, focusable, wraps the whole value, and select() works everywhere. */}
        <textarea
          ref={textRef}
          id={inputId}
          className="secret-value__text"
          value={value}
          readOnly
          rows={value.length > 48 ? 2 : 1}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          aria-describedby={copyProblem ? problemId : undefined}
          data-autofocus={autoFocus || undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton
          text={value}
          label={copyLabel}
          onCopied={() => setCopyProblem(null)}
          onCopyFailed={handleCopyFailed}
        />
      </div>
      {copyProblem && (
        <p id={problemId} className="secret-value__problem" role="alert">
          {copyProblem}
        </p>
      )}
    </div>
  );
}
