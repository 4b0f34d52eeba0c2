import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { TextArea, TextInput } from './field';

describe('TextInput', () => {
  it('links label, hint and error to the control', () => {
    render(<TextInput label="Name" hint="Shown in lists" error="Name is required" />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Name is required', 'Shown in lists']);
  });

  it('works with react-hook-form register and counts characters of default values', async () => {
    const user = userEvent.setup();
    let values: unknown;
    function Form() {
      const { register, handleSubmit } = useForm({ defaultValues: { description: 'abc' } });
      return (
        <form onSubmit={handleSubmit((v) => (values = v))}>
          <TextArea label="Description" characterLimit={10} {...register('description')} />
          <button type="submit">Save</button>
        </form>
      );
    }
    render(<Form />);
    const textarea = screen.getByRole('textbox', { name: 'Description' });
    expect(screen.getByText(/3 \/ 10/)).toBeTruthy();
    await user.type(textarea, 'defghijkl');
    expect(screen.getByText(/12 \/ 10/).className).toContain('field__counter--over');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(values).toEqual({ description: 'abcdefghijkl' });
  });
});
