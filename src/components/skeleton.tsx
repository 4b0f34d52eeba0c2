import type { CSSProperties, ReactNode } from 'react';
import { cx } from './cx';

export function Skeleton({ width, height, className }: { width?: CSSProperties['width']; height?: CSSProperties['height']; className?: string }) {
  return <span className={cx('skeleton', className)} style={{ width, height }} aria-hidden="true" />;
}

/** Placeholder rows shaped like the real table, announced once as loading. */
export function TableSkeleton({ rows = 5, columns, label = 'Loading…' }: { rows?: number; columns: number; label?: string }) {
  return (
    <BusyPlaceholder className="table-skeleton" label={label}>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="table-skeleton__row" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} width={`${50 + ((r * 7 + c * 13) % 45)}%`} />
          ))}
        </div>
      ))}
    </BusyPlaceholder>
  );
}

export function SkeletonText({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) {
  return (
    <BusyPlaceholder className="skeleton-text" label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === lines - 1 ? '60%' : '100%'} />
      ))}
    </BusyPlaceholder>
  );
}

/** A busy region of placeholders that screen readers hear once, as `label`. */
function BusyPlaceholder({ className, label, children }: { className: string; label: string; children: ReactNode }) {
  return (
    <div className={className} aria-busy="true">
      <span role="status" className="visually-hidden">
        {label}
      </span>
      {children}
    </div>
  );
}
