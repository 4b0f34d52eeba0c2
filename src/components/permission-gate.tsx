import { useContext, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { ROLE_NAMES, roleFromPermissions, type Gate } from '../lib/permissions';
import { Button } from './button';
import type { ButtonProps } from './button';
import { cx } from './cx';
import { PermissionSubjectContext, type PermissionSubject } from './permission-subject';

/** Props for the gated control: spread them onto a button or link. */
export type GateControlProps = {
  'aria-disabled'?: true;
  'aria-describedby'?: string;
  /** Swallows activation while denied (links and buttons alike). */
  onClickCapture?: (event: MouseEvent) => void;
};

/** A gate (from `permissionGate` or a feature's gate helper) and the control it guards. */
export type PermissionGateProps = Gate & {
  children: (control: GateControlProps, denied: boolean) => ReactNode;
  className?: string;
};

export const PENDING_REASON = 'Checking your permissions…';

function subjectSentence(subject: PermissionSubject | null): string | null {
  const role = subject?.role ?? roleFromPermissions(subject?.permissions);
  if (!role) return null;
  const roleName = ROLE_NAMES[role].one;
  return subject?.orgName ? `You are ${roleName} in ${subject.orgName}.` : `You are ${roleName} here.`;
}

const GAP = 6;
const MARGIN = 8;

/**
 * Denied controls stay in the tab order (aria-disabled, not `disabled`) so keyboard and
 * screen-reader users can reach them and learn why; the reason shows as a tooltip on hover
 * and focus and is the control's description. Unknown (no permissions map) is left enabled:
 * the server's 403 is then the answer.
 */
export function PermissionGate({ decision, reason, permission, children, className }: PermissionGateProps) {
  if (decision === 'pending') {
    // Until the map arrives the answer is not known: unavailable, never enabled-looking.
    return (
      <DeniedGate reason={PENDING_REASON} className={className} pending>
        {children}
      </DeniedGate>
    );
  }
  if (decision !== 'denied') return <>{children({}, false)}</>;
  return (
    <DeniedGate reason={reason} permission={permission} className={className}>
      {children}
    </DeniedGate>
  );
}

function DeniedGate({
  reason,
  permission,
  pending = false,
  className,
  children,
}: {
  reason: string;
  permission?: string;
  pending?: boolean;
  className?: string;
  children: PermissionGateProps['children'];
}) {
  const subject = subjectSentence(useContext(PermissionSubjectContext));
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
      className={cx('gate', pending && 'gate--pending', className)}
      data-permission-state={pending ? 'pending' : 'denied'}
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
        {!pending && subject && <> {subject}</>}
        {!pending && permission && (
          <>
            {' '}
            <small className="gate__key">({permission})</small>
          </>
        )}
      </span>
    </span>
  );
}

export type GatedButtonProps = ButtonProps & Gate;

export function GatedButton({ decision, reason, permission, ...buttonProps }: GatedButtonProps) {
  return (
    <PermissionGate decision={decision} reason={reason} permission={permission}>
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
