import type { ReactNode } from 'react';
import { Button } from './button';

/** A form-level error (one that belongs to no field), announced when it appears. */
export function FormError({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="form-error" role="alert">
      {children}
    </div>
  );
}

export type FormDialogFooterProps = {
  submitLabel: ReactNode;
  cancelLabel?: ReactNode;
  variant?: 'primary' | 'danger';
  /** The submit button shows progress and Cancel goes inert, so a running save is not abandoned. */
  pending: boolean;
  /** Keeps the submit button focusable but inert, e.g. until a confirmation is typed. */
  submitDisabled?: boolean;
  onCancel: () => void;
};

/** Cancel and submit for a form inside a dialog. */
export function FormDialogFooter({
  submitLabel,
  cancelLabel = 'Cancel',
  variant = 'primary',
  pending,
  submitDisabled = false,
  onCancel,
}: FormDialogFooterProps) {
  return (
    <div className="dialog__footer">
      <Button variant="secondary" onClick={onCancel} aria-disabled={pending || undefined}>
        {cancelLabel}
      </Button>
      <Button type="submit" variant={variant} loading={pending} aria-disabled={submitDisabled || undefined}>
        {submitLabel}
      </Button>
    </div>
  );
}
