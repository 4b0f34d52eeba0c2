import { useId, useState } from 'react';
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

/**
 * Denied controls stay in the tab order (aria-disabled, not `disabled`) so keyboard and
 * screen-reader users can reach them and learn why; the reason shows as a tooltip on hover
 * and focus and is the control's description. Unknown (no permissions map) is left enabled:
 * the server's 403 is then the answer.
 */
export function PermissionGate({ decision, reason = 'You do not have permission', children, className }: PermissionGateProps) {
  const tooltipId = useId();
  const [dismissed, setDismissed] = useState(false);
  if (decision !== 'denied') return <>{children({}, false)}</>;

  const control: GateControlProps = {
    'aria-disabled': true,
    'aria-describedby': tooltipId,
    onClickCapture: (event) => {
      event.preventDefault();
      event.stopPropagation();
    },
  };
  // Escape hides the tooltip without moving focus (WCAG 1.4.13 dismissible).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !dismissed) {
      event.stopPropagation();
      setDismissed(true);
    }
  };
  return (
    <span
      className={cx('gate', dismissed && 'gate--dismissed', className)}
      onKeyDown={onKeyDown}
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
    >
      {children(control, true)}
      <span id={tooltipId} role="tooltip" className="gate__tooltip">
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
