import { useId, type ReactNode } from 'react';
import { cx } from './cx';
import { QueryState, type QueryStateProps } from './query-state';

export type QueryCardProps<T> = Omit<QueryStateProps<T>, 'errorLook' | 'frame'> & {
  /** The card's heading, e.g. "Activity". */
  title: string;
  className?: string;
  bodyClassName?: string;
};

/**
 * A section of a page that shows one query: a card with its heading, and the query's state in
 * its body (a failed first load is one line with a Retry, so the rest of the page stays).
 */
export function QueryCard<T>({ title, className, bodyClassName, ...state }: QueryCardProps<T>): ReactNode {
  const titleId = useId();
  return (
    <section className={cx('card', className)} aria-labelledby={titleId}>
      <div className="card__header">
        <h2 id={titleId}>{title}</h2>
      </div>
      <div className={cx('card__body', bodyClassName)}>
        <QueryState {...state} errorLook="inline" />
      </div>
    </section>
  );
}
