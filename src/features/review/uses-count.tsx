import { VisuallyHidden } from '../../components/visually-hidden';
import type { UsesCell } from './review-usage';

/** One cell of the "Uses (30 days)" column. */
export function UsesCount({ cell }: { cell: UsesCell | undefined }) {
  if (cell?.state === 'loaded') return <>{cell.uses.toLocaleString()}</>;
  if (cell?.state === 'error') {
    return (
      <span className="muted" title="Could not load the usage of this credential">
        <span aria-hidden="true">?</span>
        <VisuallyHidden>Unknown</VisuallyHidden>
      </span>
    );
  }
  return (
    <span className="muted">
      <span aria-hidden="true">…</span>
      <VisuallyHidden>Loading</VisuallyHidden>
    </span>
  );
}
