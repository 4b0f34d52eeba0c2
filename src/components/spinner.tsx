import { cx } from './cx';

/** Decorative: whoever shows it also sets aria-busy or announces the wait in text. */
export function Spinner({ className }: { className?: string }) {
  return <span className={cx('spinner', className)} aria-hidden="true" />;
}
