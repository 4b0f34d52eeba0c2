import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialSecretDialog } from './credential-secret-dialog';

const created = {
  id: 'cr0000000000000000000000001',
  client_id: 'client-abc123',
  client_secret: 'secret-XYZ-0123456789-very-long-value-abcdefghijklmnop',
  name: 'Deploy bot',
  created_at: '2026-01-02T03:04:05.000Z',
};

function renderDialog() {
  const onClosed = vi.fn();
  const view = render(<CredentialSecretDialog created={created} onClosed={onClosed} />);
  const secretDialog = screen.getByTestId('credential-secret-dialog');
  return { onClosed, secretDialog, ...view };
}

const confirmQuestion = () => screen.queryByRole('heading', { name: 'Close without storing the secret?' });

describe('CredentialSecretDialog', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    // jsdom has no Clipboard API of its own; drop whatever a test installed.
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('renders nothing without a created credential', () => {
    const { container } = render(<CredentialSecretDialog created={null} onClosed={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows the client ID and the full secret, read-only, with the one-time warning', () => {
    renderDialog();
    const id = screen.getByLabelText('Client ID') as HTMLTextAreaElement;
    const secret = screen.getByLabelText('Client secret') as HTMLTextAreaElement;
    expect(id.value).toBe(created.client_id);
    expect(secret.value).toBe(created.client_secret);
    expect(secret.readOnly).toBe(true);
    expect(screen.getByText(/cannot be shown again/)).toBeTruthy();
  });

  it('vetoes closing by button, Escape and backdrop until the person confirms', async () => {
    const user = userEvent.setup();
    const { onClosed, secretDialog } = renderDialog();

    await user.click(within(secretDialog).getByRole('button', { name: 'Done' }));
    expect(confirmQuestion()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep it open' }));
    expect(confirmQuestion()).toBeNull();

    fireEvent.keyDown(secretDialog, { key: 'Escape' });
    expect(confirmQuestion()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep it open' }));

    fireEvent.mouseDown(secretDialog);
    fireEvent.click(secretDialog);
    expect(confirmQuestion()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep it open' }));

    await user.click(within(secretDialog).getByRole('button', { name: 'Close' }));
    expect(confirmQuestion()).not.toBeNull();
    expect(onClosed).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Client secret') as HTMLTextAreaElement).value).toBe(created.client_secret);
  });

  it('closes after an explicit "Close anyway"', async () => {
    const user = userEvent.setup();
    const { onClosed, secretDialog } = renderDialog();
    fireEvent.keyDown(secretDialog, { key: 'Escape' });
    await user.click(screen.getByRole('button', { name: 'Close anyway' }));
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('closes directly once "I have stored the secret" is ticked', async () => {
    const user = userEvent.setup();
    const { onClosed, secretDialog } = renderDialog();
    await user.click(screen.getByLabelText('I have stored the secret'));
    fireEvent.keyDown(secretDialog, { key: 'Escape' });
    expect(confirmQuestion()).toBeNull();
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('copies to the clipboard when allowed', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Copy client secret' }));
    expect(await navigator.clipboard.readText()).toBe(created.client_secret);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports a refused clipboard and selects the text for a manual copy', async () => {
    renderDialog();
    const writeText = vi.fn().mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy client secret' }));
    });

    expect(writeText).toHaveBeenCalledWith(created.client_secret);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/clipboard/i);
    expect(alert.textContent).toMatch(/client secret is selected/);
    const secret = screen.getByLabelText('Client secret') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(secret);
    expect(secret.selectionStart).toBe(0);
    expect(secret.selectionEnd).toBe(created.client_secret.length);
    expect(secret.getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('says why when the page is not a secure context', async () => {
    // What a plain-HTTP origin other than localhost looks like: no Clipboard API at all.
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      renderDialog();
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Copy client ID' }));
      });
      expect(screen.getByRole('alert').textContent).toMatch(/not served over HTTPS or from localhost/);
      const id = screen.getByLabelText('Client ID') as HTMLTextAreaElement;
      expect(id.selectionEnd! - id.selectionStart!).toBe(created.client_id.length);
    } finally {
      Reflect.deleteProperty(window, 'isSecureContext');
    }
  });

  it('downloads .env and JSON files named after the credential', async () => {
    const user = userEvent.setup();
    renderDialog();
    const blobs: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      await user.click(screen.getByRole('button', { name: 'Download .env' }));
      await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
    expect(names).toEqual(['deploy-bot.env', 'deploy-bot.json']);
    expect(blobs.map((b) => b.type)).toEqual(['text/plain', 'application/json']);
  });
});
