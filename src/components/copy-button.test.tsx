import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from './copy-button';

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('CopyButton', () => {
  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });

  it('copies the text and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    render(<CopyButton text="client-123" label="Copy client ID" />);
    // userEvent installs its own clipboard stub during setup(); replace it afterwards.
    stubClipboard(writeText);
    await user.click(screen.getByRole('button', { name: 'Copy client ID' }));
    expect(writeText).toHaveBeenCalledWith('client-123');
    expect(screen.getByRole('status').textContent).toBe('Copied to clipboard');
  });

  it('reports a refused clipboard and lets the caller select the text', async () => {
    const user = userEvent.setup();
    const onCopyFailed = vi.fn();
    render(<CopyButton text="secret" label="Copy secret" onCopyFailed={onCopyFailed} />);
    stubClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(onCopyFailed).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toMatch(/^Copy failed: select the text and press (Ctrl\+C|⌘C)$/);
  });

  it('reports failure when the Clipboard API is missing (plain-HTTP origin)', async () => {
    const user = userEvent.setup();
    const onCopyFailed = vi.fn();
    render(<CopyButton text="secret" label="Copy secret" onCopyFailed={onCopyFailed} />);
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(onCopyFailed).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Copy failed');
  });
});
