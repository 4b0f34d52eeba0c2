import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';

export type TableProps = ComponentPropsWithRef<'table'> & {
  /** Names the table for assistive tech; rendered as a visually hidden caption unless `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  /** Caps the height and scrolls inside, so the sticky header stays in view on long pages. */
  stickyHeader?: boolean;
  dense?: boolean;
  busy?: boolean;
  /**
   * On phones, show each row as a stacked card (cells one under another, each with its
   * column's name from Td's `label`) instead of a table that scrolls sideways.
   */
  stackOnPhone?: boolean;
};

/**
 * A semantic table in a horizontally scrollable region, so narrow screens scroll the table
 * rather than the page. The region is focusable so keyboard users can scroll it too.
 */
export function Table({
  caption,
  showCaption = false,
  stickyHeader = false,
  dense = true,
  busy,
  stackOnPhone = false,
  className,
  children,
  ...props
}: TableProps) {
  return (
    <div
      className={cx('table-scroll', stickyHeader && 'table-scroll--sticky', stackOnPhone && 'table-scroll--stack')}
      tabIndex={0}
      role="group"
      aria-label={typeof caption === 'string' ? caption : undefined}
    >
      <table
        className={cx('table', dense && 'table--dense', stackOnPhone && 'table--stack', className)}
        aria-busy={busy || undefined}
        {...props}
      >
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead(props: ComponentPropsWithRef<'thead'>) {
  return <thead {...props} />;
}

export function TBody(props: ComponentPropsWithRef<'tbody'>) {
  return <tbody {...props} />;
}

export function Tr(props: ComponentPropsWithRef<'tr'>) {
  return <tr {...props} />;
}

export type ThProps = Omit<ComponentPropsWithRef<'th'>, 'align' | 'width'> & { align?: 'start' | 'end'; width?: string };
export function Th({ align, width, className, style, scope = 'col', ...props }: ThProps) {
  return (
    <th
      scope={scope}
      className={cx(align === 'end' && 'cell--end', className)}
      style={width ? { width, ...style } : style}
      {...props}
    />
  );
}

export type TdProps = Omit<ComponentPropsWithRef<'td'>, 'align'> & {
  align?: 'start' | 'end';
  nowrap?: boolean;
  truncate?: boolean;
  /** The column's name, shown before the value when a stacked table's row is a card. */
  label?: string;
};
export function Td({ align, nowrap, truncate, label, className, children, ...props }: TdProps) {
  return (
    <td
      className={cx(align === 'end' && 'cell--end', nowrap && 'cell--nowrap', truncate && 'cell--truncate', className)}
      data-label={label}
      {...props}
    >
      {/* A table cell ignores max-width, so the cut happens on a block inside it. */}
      {truncate ? <span className="cell__truncate">{children}</span> : children}
    </td>
  );
}
