import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SearchField } from './search-field';

function renderField(props: { value?: string; clearOnEscape?: boolean } = {}) {
  const onSearch = vi.fn();
  render(<SearchField value={props.value ?? ''} onSearch={onSearch} label="Search things" placeholder="Search…" clearOnEscape={props.clearOnEscape} />);
  return { onSearch, input: screen.getByRole('searchbox', { name: 'Search things' }) };
}

describe('SearchField', () => {
  it('searches once typing pauses, trimmed, not once per keystroke', async () => {
    const { onSearch, input } = renderField();
    await userEvent.type(input, ' abc ');
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith('abc'));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it('searches at once on Enter', async () => {
    const { onSearch, input } = renderField();
    await userEvent.type(input, 'id-1{Enter}');
    expect(onSearch).toHaveBeenCalledWith('id-1');
  });

  it('clears with the button while a search is in effect, and with Escape when asked to', async () => {
    const { onSearch, input } = renderField({ value: 'abc', clearOnEscape: true });
    expect((input as HTMLInputElement).value).toBe('abc');
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(onSearch).toHaveBeenLastCalledWith('');
    expect((input as HTMLInputElement).value).toBe('');
    onSearch.mockClear();
    await userEvent.type(input, 'x{Escape}');
    expect((input as HTMLInputElement).value).toBe('');
    expect(onSearch).toHaveBeenCalledWith('');
  });
});
