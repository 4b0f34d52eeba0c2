import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';

/** Text for screen readers only. */
export function VisuallyHidden({ className, ...props }: ComponentPropsWithRef<'span'>) {
  return <span className={cx('visually-hidden', className)} {...props} />;
}
