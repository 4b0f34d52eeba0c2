import { useEffect, useId, useState } from 'react';
import { Button } from '../../components/button';
import { useDebouncedValue } from './use-debounced-value';

const DEBOUNCE_MS = 300;

/**
 * Holds what is typed and reports it after a pause, so a scan starts once per query
 * rather than once per keystroke.
 */
export function SearchBox({
  value,
  onSearch,
  wide = false,
}: {
  value: string;
  onSearch: (query: string) => void;
  /** The server also searches descriptions and client_ids (service_account_query). */
  wide?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // The URL changed from outside (back button, a link): show its query.
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== text.trim()) setText(value);
  }

  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim());
    // Only a settled change of the text triggers a search; `value` catching up must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <form
      role="search"
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Search service accounts by name or ID
      </label>
      <input
        id={id}
        type="search"
        className="input input--search toolbar__grow"
        placeholder={wide ? 'Search by name, description, ID or client ID…' : 'Search by name or ID…'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
            onSearch('');
          }
        }}
      />
      {value && (
        <Button
          variant="ghost"
          onClick={() => {
            setText('');
            onSearch('');
          }}
        >
          Clear search
        </Button>
      )}
    </form>
  );
}
