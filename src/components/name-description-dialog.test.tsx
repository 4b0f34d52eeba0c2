import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { TestProviders as wrapper } from '../test/providers';
import { NameDescriptionDialog, type NameDescriptionDialogProps } from './name-description-dialog';

type Saved = { name: string };

function renderDialog(props: Partial<NameDescriptionDialogProps<Saved>> = {}) {
  const handlers = { onClose: vi.fn(), onSaved: vi.fn(), save: vi.fn<NameDescriptionDialogProps<Saved>['save']>() };
  render(
    <NameDescriptionDialog<Saved>
      open
      title="Create widget"
      submitLabel="Create widget"
      action="create the widget"
      duplicateNameMessage="A widget with this name already exists"
      nameHint="A name"
      successMessage={(saved) => `Widget ${saved.name} created`}
      {...handlers}
      {...props}
    />,
    { wrapper },
  );
  return handlers;
}

const nameInput = () => screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement;
const descriptionInput = () => screen.getByRole('textbox', { name: /^Description/ }) as HTMLTextAreaElement;
const notifications = () => screen.getByRole('region', { name: 'Notifications' });

describe('NameDescriptionDialog', () => {
  it('saves once however often submit is pressed, then toasts, closes and hands over what was saved', async () => {
    const user = userEvent.setup();
    let resolve!: (saved: Saved) => void;
    const { save, onClose, onSaved } = renderDialog();
    save.mockImplementation(() => new Promise<Saved>((r) => (resolve = r)));
    await user.type(nameInput(), '  gadget ');
    const submit = screen.getByRole('button', { name: 'Create widget' });
    await user.dblClick(submit);
    await user.keyboard('{Enter}');
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'gadget', description: '' });
    expect(submit.getAttribute('aria-busy')).toBe('true');

    await act(async () => resolve({ name: 'gadget' }));
    expect(onClose).toHaveBeenCalled();
    expect(onSaved).toHaveBeenCalledWith({ name: 'gadget' });
    expect(notifications().textContent).toContain('Widget gadget created');
  });

  it('keeps the input and shows a refusal above the form and as a toast', async () => {
    const user = userEvent.setup();
    const { save, onClose } = renderDialog();
    save.mockRejectedValue(new ApiError({ status: 403, code: 'permission_denied', message: 'You need widgets.create' }));
    await user.type(nameInput(), 'gadget');
    await user.type(descriptionInput(), 'does things');
    await user.click(screen.getByRole('button', { name: 'Create widget' }));

    const form = nameInput().closest('form')!;
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'You are not allowed to create the widget. You need widgets.create',
    );
    expect(notifications().textContent).toContain('Could not create the widget');
    expect(nameInput().value).toBe('gadget');
    expect(descriptionInput().value).toBe('does things');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('puts a taken name on the name field only, without a toast', async () => {
    const user = userEvent.setup();
    const { save } = renderDialog();
    save.mockRejectedValue(new ApiError({ status: 409, code: 'conflict', message: 'Taken' }));
    await user.type(nameInput(), 'gadget');
    await user.click(screen.getByRole('button', { name: 'Create widget' }));
    expect(await screen.findByText('A widget with this name already exists')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(notifications().textContent).not.toContain('Could not');
  });

  it('closes without a toast when an edit had nothing to send', async () => {
    const user = userEvent.setup();
    const { save, onClose, onSaved } = renderDialog({ defaultValues: { name: 'gadget', description: '' } });
    save.mockResolvedValue(null);
    await user.click(screen.getByRole('button', { name: 'Create widget' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSaved).not.toHaveBeenCalled();
    expect(notifications().textContent).not.toContain('created');
  });

  it('refuses to close while a save is running', async () => {
    const user = userEvent.setup();
    const { save, onClose } = renderDialog();
    save.mockImplementation(() => new Promise<Saved>(() => {}));
    await user.type(nameInput(), 'gadget');
    await user.click(screen.getByRole('button', { name: 'Create widget' }));
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
  });
});
