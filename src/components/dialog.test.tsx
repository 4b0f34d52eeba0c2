import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog';
import type { DialogCloseReason } from './dialog';

function Harness({ allowClose, onRequest }: { allowClose: boolean; onRequest: (r: DialogCloseReason) => void }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      <Dialog
        open={open}
        title="Client secret"
        onRequestClose={(reason) => {
          onRequest(reason);
          if (allowClose) setOpen(false);
        }}
      >
        <p>Secret content</p>
        <button>Inside</button>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('is a modal dialog named by its title', () => {
    render(<Harness allowClose onRequest={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Client secret' });
    expect(dialog.hasAttribute('open')).toBe(true);
  });

  it('lets the parent veto an Escape close', async () => {
    const user = userEvent.setup();
    const onRequest = vi.fn();
    render(<Harness allowClose={false} onRequest={onRequest} />);
    await user.click(screen.getByRole('button', { name: 'Inside' }));
    await user.keyboard('{Escape}');
    expect(onRequest).toHaveBeenCalledWith('escape');
    expect(screen.getByRole('dialog').hasAttribute('open')).toBe(true);
    expect(screen.getByText('Secret content')).toBeTruthy();
  });

  it('closes and drops its content when the parent agrees', async () => {
    const user = userEvent.setup();
    const onRequest = vi.fn();
    render(<Harness allowClose onRequest={onRequest} />);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onRequest).toHaveBeenCalledWith('close-button');
    expect(screen.queryByText('Secret content')).toBeNull();
  });

  it('reports backdrop clicks but not clicks inside the panel', async () => {
    const user = userEvent.setup();
    const onRequest = vi.fn();
    render(<Harness allowClose={false} onRequest={onRequest} />);
    await user.click(screen.getByText('Secret content'));
    expect(onRequest).not.toHaveBeenCalled();
    // Inside a modal, a click whose target is the <dialog> itself is on the backdrop.
    await user.click(screen.getByRole('dialog', { hidden: true }));
    expect(onRequest).toHaveBeenCalledWith('backdrop');
  });

  it('ignores Escape and backdrop when configured to', async () => {
    const user = userEvent.setup();
    const onRequest = vi.fn();
    render(
      <Dialog open title="Stay" onRequestClose={onRequest} closeOnEscape={false} closeOnBackdrop={false}>
        <button>Inside</button>
      </Dialog>,
    );
    await user.click(screen.getByRole('button', { name: 'Inside' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('dialog'));
    expect(onRequest).not.toHaveBeenCalled();
  });
});
