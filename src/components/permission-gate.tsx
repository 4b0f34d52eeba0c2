import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { PermissionDecision } from '../lib/permissions';
import { Button } from './button';
import type { ButtonProps } from './button';
import { cx } from './cx';

/** Props for the gated control: spread them onto a button or link. */
export type GateControlProps = {
  'aria-disabled'?: true;
  'aria-describedby'?: string;
  /** Swallows activation while denied (links and buttons alike). */
  onClickCapture?: (event: MouseEvent) => void;
};

export type PermissionGateProps = {
  decision: PermissionDecision;
  /** Why it is denied, e.g. "You need service_account_credentials.create". */
  reason?: string;
  children: (control: GateControlProps, denied: boolean) => ReactNode;
  className?: string;
};

const GAP = 6;
const MARGIN = 8;

/**
 * Denied controls stay in the tab order (aria-disabled, not `disabled`) so keyboard and
 * screen-reader users can reach them and learn why; the reason shows as a tooltip on hover
 * and focus and is the control's description. Unknown (no permissions map) is left enabled:
 * the server's 403 is then the answer.
 */
export function PermissionGate({ decision, reason = 'You do not have permission', children, className }: PermissionGateProps) {
  if (decision !== 'denied') return <>{children({}, false)}</>;
  return (
    <DeniedGate reason={reason} className={className}>
      {children}
    </DeniedGate>
  );
}

function DeniedGate({ reason, className, children }: { reason: string; className?: string; children: PermissionGateProps['children'] }) {
  const tooltipId = useId();
  const wrapperRef = useRef<HTMLSpanElement>(null);
  const tooltipRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);

  // Fixed positioning escapes scroll containers (a table's overflow would clip it), and is
  // kept inside the viewport: above the control, or below when there is no room.
  useLayoutEffect(() => {
    const wrapper = wrapperRef.current;
    const tooltip = tooltipRef.current;
    if (!open || !wrapper || !tooltip) return;
    const anchor = wrapper.getBoundingClientRect();
    const { width, height } = tooltip.getBoundingClientRect();
    const left = Math.min(
      Math.max(anchor.left + anchor.width / 2 - width / 2, MARGIN),
      window.innerWidth - width - MARGIN,
    );
    const above = anchor.top - height - GAP;
    tooltip.style.left = `${Math.max(left, MARGIN)}px`;
    tooltip.style.top = `${above >= MARGIN ? above : anchor.bottom + GAP}px`;
  }, [open]);

  // A fixed tooltip would float away from its control on scroll.
  useEffect(() => {
    if (!open) return;
    const hide = () => setOpen(false);
    window.addEventListener('scroll', hide, { capture: true, passive: true });
    window.addEventListener('resize', hide);
    return () => {
      window.removeEventListener('scroll', hide, { capture: true });
      window.removeEventListener('resize', hide);
    };
  }, [open]);

  const control: GateControlProps = {
    'aria-disabled': true,
    'aria-describedby': tooltipId,
    onClickCapture: (event) => {
      event.preventDefault();
      event.stopPropagation();
    },
  };
  // Escape hides the tooltip without moving focus (WCAG 1.4.13: dismissible).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <span
      ref={wrapperRef}
      className={cx('gate', className)}
      onKeyDown={onKeyDown}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    >
      {children(control, true)}
      {/* Always in the DOM: it is the control's accessible description even when not shown. */}
      <span ref={tooltipRef} id={tooltipId} role="tooltip" className={cx('gate__tooltip', open && 'gate__tooltip--open')}>
        {reason}
      </span>
    </span>
  );
}

export type GatedButtonProps = ButtonProps & {
  decision: PermissionDecision;
  reason?: string;
};

export function GatedButton({ decision, reason, ...buttonProps }: GatedButtonProps) {
  return (
    <PermissionGate decision={decision} reason={reason}>
      {(control, denied) => (
        <Button
          {...buttonProps}
          {...control}
          // A denied submit button must not submit its form either.
          type={denied ? 'button' : buttonProps.type}
          aria-describedby={cx(control['aria-describedby'], buttonProps['aria-describedby']) || undefined}
        />
      )}
    </PermissionGate>
  );
}
