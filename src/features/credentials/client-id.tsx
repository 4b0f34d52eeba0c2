import { useRef } from 'react';
import { CopyButton } from '../../components/copy-button';

/** Selects an element's text so the person can copy it by hand when the clipboard is refused. */
export function selectText(element: HTMLElement | null) {
  const selection = window.getSelection();
  if (!element || !selection) return;
  selection.selectAllChildren(element);
}

/** A client ID with a copy button; if copying fails, the ID is left selected for Ctrl+C. */
export function ClientId({ value, copyLabel }: { value: string; copyLabel: string }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <span className="credential-badges">
      <code ref={ref} className="mono">
        {value}
      </code>
      <CopyButton text={value} label="Copy" aria-label={copyLabel} onCopyFailed={() => selectText(ref.current)} />
    </span>
  );
}
