import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';
import { useDebouncedValue } from './use-debounced-value';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface SearchFieldProps {
  /** The search in effect (the URL's `q`). */
  value: string;
  onSearch: (query: string) => void;
  /** The visually hidden label of the input. */
  label: ReactNode;
  placeholder: string;
  /** Added to the form's `toolbar` class. */
  className?: string;
  /** Escape empties a non-empty field and searches for nothing at once. */
  clearOnEscape?: boolean;
}

/**
 * A search box that holds what is typed and reports it after a pause, so a search starts once
 * per query rather than once per keystroke; Enter reports at once (a pasted id is found
 * without waiting), and "Clear search" shows while a search is in effect.
 */
export function SearchField({ value, onSearch, label, placeholder, className, clearOnEscape = false }: SearchFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // The URL changed from elsewhere (back button, a link, "Clear filters"): show its query.
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== text.trim()) setText(value);
  }

  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim());
    // Only a settled change of the text triggers a search; `value` catching up must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const clear = () => {
    setText('');
    onSearch('');
  };
  return (
    <form
      role="search"
      className={cx('toolbar', className)}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input input--search toolbar__grow"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={
          clearOnEscape
            ? (e) => {
                if (e.key === 'Escape' && text) {
                  e.preventDefault();
                  clear();
                }
              }
            : undefined
        }
      />
      {value && (
        <Button variant="ghost" onClick={clear}>
          Clear search
        </Button>
      )}
    </form>
  );
}
