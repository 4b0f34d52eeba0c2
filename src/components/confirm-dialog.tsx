import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './dialog';
import { TextInput } from './field';
import { FormDialogFooter } from './form-parts';

export type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  /** What will happen, and what will be lost. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'danger' | 'primary';
  /** When set, the confirm button stays inert until this exact text is typed. */
  confirmationText?: string;
  /** Keeps the dialog open and the confirm button busy while the action runs. */
  pending?: boolean;
  /** Shown inside the dialog, e.g. when the action failed and the person may retry. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ open, onCancel, ...props }: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={props.title}
      size="sm"
      // A running delete cannot be abandoned half-way from the person's point of view.
      onRequestClose={() => {
        if (!props.pending) onCancel();
      }}
    >
      {/* Remounted on every open, so the typed text never carries over. */}
      <ConfirmBody {...props} onCancel={onCancel} />
    </Dialog>
  );
}

function ConfirmBody({
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'danger',
  confirmationText,
  pending = false,
  error,
  onConfirm,
  onCancel,
}: Omit<ConfirmDialogProps, 'open' | 'title'>) {
  const [typed, setTyped] = useState('');
  const matches = confirmationText === undefined || typed.trim() === confirmationText;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches && !pending) onConfirm();
  }

  return (
    <form className="confirm" onSubmit={handleSubmit} noValidate>
      {children && <div className="confirm__message">{children}</div>}
      {confirmationText !== undefined && (
        <TextInput
          label={
            <>
              Type <strong className="confirm__expected">{confirmationText}</strong> to confirm
            </>
          }
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
      )}
      {error && (
        <div className="confirm__error" role="alert">
          {error}
        </div>
      )}
      <FormDialogFooter
        submitLabel={confirmLabel}
        cancelLabel={cancelLabel}
        variant={tone}
        pending={pending}
        submitDisabled={!matches}
        onCancel={onCancel}
      />
    </form>
  );
}
