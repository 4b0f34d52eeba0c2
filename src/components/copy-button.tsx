import { useEffect, useId, useRef, useState } from 'react';
import { Button } from './button';
import type { ButtonProps } from './button';
import { cx } from './cx';

export type CopyButtonProps = Omit<ButtonProps, 'onClick' | 'children'> & {
  text: string;
  /** Accessible and visible label, e.g. "Copy client ID". */
  label?: string;
  onCopied?: () => void;
  /**
   * The Clipboard API is refused on plain-HTTP origins other than localhost and when the
   * page lacks permission; the caller should then select the text for a manual copy.
   */
  onCopyFailed?: (error: unknown) => void;
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const MANUAL_COPY_HINT = `Copy failed: select the text and press ${isMac ? '⌘C' : 'Ctrl+C'}`;

export function CopyButton({
  text,
  label = 'Copy',
  onCopied,
  onCopyFailed,
  size = 'sm',
  variant = 'secondary',
  className,
  ...props
}: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const statusId = useId();
  const resetTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(resetTimer.current), []);

  async function copy() {
    clearTimeout(resetTimer.current);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(text);
      setState('copied');
      onCopied?.();
      resetTimer.current = setTimeout(() => setState('idle'), 2000);
    } catch (error) {
      setState('failed');
      onCopyFailed?.(error);
    }
  }

  return (
    <span className={cx('copy-button', className)}>
      <Button size={size} variant={variant} onClick={() => void copy()} {...props}>
        {/* Both labels take the same grid cell, so the button is as wide as the longer one and
            "Copied" does not shift what sits next to it. The hidden one is out of the a11y tree. */}
        <span className="copy-button__labels">
          <span className={cx(state === 'copied' && 'copy-button__label--hidden')} aria-hidden={state === 'copied' || undefined}>
            {label}
          </span>
          <span className={cx(state !== 'copied' && 'copy-button__label--hidden')} aria-hidden={state !== 'copied' || undefined}>
            Copied
          </span>
        </span>
      </Button>
      <span id={statusId} role="status" className={state === 'failed' ? 'copy-button__error' : 'visually-hidden'}>
        {state === 'copied' ? 'Copied to clipboard' : state === 'failed' ? MANUAL_COPY_HINT : ''}
      </span>
    </span>
  );
}
