import { useEffect, useId, useRef } from 'react';
import type { FormEvent, KeyboardEvent, MouseEvent, ReactNode, SyntheticEvent } from 'react';
import { cx } from './cx';

export type DialogCloseReason = 'escape' | 'backdrop' | 'close-button';

export type DialogProps = {
  open: boolean;
  /**
   * Asked whenever the person tries to dismiss the dialog. The dialog is controlled: it closes
   * only when the parent sets `open` to false, so ignoring the request vetoes the close
   * (the secret dialog uses this to insist on confirmation first).
   */
  onRequestClose: (reason: DialogCloseReason) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  closeOnEscape?: boolean;
  closeOnBackdrop?: boolean;
  hideCloseButton?: boolean;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
  /** Makes the panel a <form> (noValidate: the zod schema validates) so the footer's submit button belongs to it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** For tests and e2e hooks that need to tell dialogs apart. */
  'data-testid'?: string;
};

/**
 * Native <dialog> opened with showModal(): the browser provides the focus trap, inertness of
 * the page behind, the top layer and focus restoration. Children render only while open so
 * forms start fresh and sensitive content leaves the DOM on close.
 */
export function Dialog({
  open,
  onRequestClose,
  title,
  description,
  children,
  footer,
  closeOnEscape = true,
  closeOnBackdrop = true,
  hideCloseButton = false,
  size = 'md',
  className,
  onSubmit,
  'data-testid': testId,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const pointerDownOnBackdrop = useRef(false);
  const openRef = useRef(open);
  const requestCloseRef = useRef(onRequestClose);
  useEffect(() => {
    openRef.current = open;
    requestCloseRef.current = onRequestClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // React does not render the autofocus attribute that showModal() honours, so mark the
    // element to focus with data-autofocus instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Browsers restore focus on close, but not when the dialog is removed in the same commit.
      if (previouslyFocused?.isConnected && (document.activeElement === document.body || !document.activeElement)) {
        previouslyFocused.focus();
      }
    };
  }, [open]);

  function requestClose(reason: DialogCloseReason) {
    requestCloseRef.current(reason);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Escape') return;
    // Cancelling the keydown stops the browser's own close request, whose `cancel` event
    // Chromium makes uncancelable on a repeated Escape; the parent decides instead.
    event.preventDefault();
    event.stopPropagation();
    if (closeOnEscape) requestClose('escape');
  }

  function handleCancel(event: SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    if (closeOnEscape) requestClose('escape');
  }

  function handleClose() {
    // Closed by the browser although the parent still wants it open (an uncancelable close
    // request): ask the parent, and reopen if it keeps vetoing.
    if (!openRef.current) return;
    // Already open again: a stale `close` event from a close()+showModal() pair (StrictMode
    // remounting the effect in development), not a close request.
    if (ref.current?.open) return;
    requestClose('escape');
    requestAnimationFrame(() => {
      const dialog = ref.current;
      if (openRef.current && dialog && !dialog.open) dialog.showModal();
    });
  }

  function handlePointerDown(event: MouseEvent<HTMLDialogElement>) {
    pointerDownOnBackdrop.current = event.target === event.currentTarget;
  }

  function handleClick(event: MouseEvent<HTMLDialogElement>) {
    // The dialog box is filled by .dialog__panel, so a click whose target is the <dialog>
    // itself landed on the backdrop. Requiring the press to start there too avoids closing
    // when a text selection drag ends outside.
    const onBackdrop = event.target === event.currentTarget && pointerDownOnBackdrop.current;
    pointerDownOnBackdrop.current = false;
    if (onBackdrop && closeOnBackdrop) requestClose('backdrop');
  }

  return (
    <dialog
      ref={ref}
      className={cx('dialog', `dialog--${size}`, className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={handleKeyDown}
      onCancel={handleCancel}
      onClose={handleClose}
      onMouseDown={handlePointerDown}
      onClick={handleClick}
      data-testid={testId}
    >
      {open && (
        <Panel className="dialog__panel" onSubmit={onSubmit}>
          <header className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
          </header>
          {description && (
            <div id={descriptionId} className="dialog__description">
              {description}
            </div>
          )}
          {children && <div className="dialog__body">{children}</div>}
          {footer && <footer className="dialog__footer">{footer}</footer>}
          {/* Last in DOM order (placed top-right by CSS) so showModal() focuses the content first. */}
          {!hideCloseButton && (
            <button
              type="button"
              className="btn btn--ghost btn--icon dialog__close"
              aria-label="Close"
              onClick={() => requestClose('close-button')}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </Panel>
      )}
    </dialog>
  );
}

function Panel({
  onSubmit,
  className,
  children,
}: {
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  className: string;
  children: ReactNode;
}) {
  return onSubmit ? (
    <form className={className} onSubmit={onSubmit} noValidate>
      {children}
    </form>
  ) : (
    <div className={className}>{children}</div>
  );
}
