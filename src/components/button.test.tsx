import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './button';

describe('Button', () => {
  it('does not submit again while loading', async () => {
    const user = userEvent.setup();
    const submit = vi.fn();
    function Form() {
      const [pending, setPending] = useState(false);
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
            setPending(true);
          }}
        >
          <input aria-label="Name" />
          <Button type="submit" variant="primary" loading={pending}>
            Save
          </Button>
        </form>
      );
    }
    render(<Form />);
    const button = screen.getByRole('button', { name: 'Save' });
    await user.click(button);
    await user.click(button);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'x{Enter}');
    expect(submit).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });
});
