import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestSessionEnd } from '../../lib/leave-guard';
import { NavigationRouter } from '../../lib/navigation-router';
import { createMemoryNavigation } from '../../test/routing-fixtures';
import { CredentialSecretDialog } from './credential-secret-dialog';

/** In the app's navigation: the dialog's leave guard uses its blocker. */
function renderInRouter(ui: ReactElement) {
  // A page before this one, so Back has somewhere to go.
  const navigation = createMemoryNavigation(['/previous', '/'], 1);
  const view = render(
    <NavigationRouter navigation={navigation}>
      <Routes>
        <Route path="/" element={ui} />
        <Route path="*" element={<p>Somewhere else</p>} />
      </Routes>
    </NavigationRouter>,
  );
  return { ...view, navigation };
}

const created = {
  id: 'cr0000000000000000000000001',
  client_id: 'client-abc123',
  client_secret: 'secret-XYZ-0123456789-very-long-value-abcdefghijklmnop',
  name: 'Deploy bot',
  created_at: '2026-01-02T03:04:05.000Z',
};

function renderDialog() {
  const onClosed = vi.fn();
  const view = renderInRouter(<CredentialSecretDialog created={created} onClosed={onClosed} />);
  const secretDialog = screen.getByTestId('credential-secret-dialog');
  return { onClosed, secretDialog, ...view };
}

/** The dialog on screen, and a session end (`reason`) that would navigate to `to`, asked for with `requestEnd`. */
function renderDialogAndSessionEnd(reason: Parameters<typeof requestSessionEnd>[0], to: string) {
  const user = userEvent.setup();
  const { navigation } = renderDialog();
  const end = vi.fn();
  const requestEnd = () => act(async () => requestSessionEnd(reason, end, () => void navigation.navigate(to)));
  return { user, navigation, end, requestEnd };
}

const confirmQuestion = () => screen.queryByRole('heading', { name: 'Close without storing the secret?' });

describe('CredentialSecretDialog', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    // jsdom has no Clipboard API of its own; drop whatever a test installed.
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('renders nothing without a created credential', () => {
    const { container } = renderInRouter(<CredentialSecretDialog created={null} onClosed={() => {}} />);
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

describe('the secret dialog’s leave guard', () => {
  const leaveQuestion = () => screen.queryByRole('dialog', { name: 'Leave without storing the secret?' });

  it('asks before any navigation while the secret is unstored, and keeps the secret when the person stays', async () => {
    const user = userEvent.setup();
    const { navigation, onClosed } = renderDialog();
    await act(() => navigation.navigate('/orgs/globex/service-accounts'));
    const question = leaveQuestion();
    expect(question?.textContent).toContain('The client secret of Deploy bot is shown only in this dialog');
    await user.click(within(question!).getByRole('button', { name: 'Stay' }));
    expect(leaveQuestion()).toBeNull();
    expect(navigation.state.location.pathname).toBe('/');
    expect((screen.getByLabelText('Client secret') as HTMLTextAreaElement).value).toBe(created.client_secret);

    // Back (a POP navigation) is asked about too. (Leaving after Back is covered in e2e: the
    // memory history of unit tests does not replay a blocked POP.)
    await act(() => navigation.navigate(-1));
    await user.click(within(leaveQuestion()!).getByRole('button', { name: 'Stay' }));
    expect(navigation.state.location.pathname).toBe('/');

    await act(() => navigation.navigate('/orgs/globex/service-accounts'));
    await user.click(within(leaveQuestion()!).getByRole('button', { name: 'Leave anyway' }));
    await vi.waitFor(() => expect(navigation.state.location.pathname).toBe('/orgs/globex/service-accounts'));
    expect(onClosed).not.toHaveBeenCalled();
  });

  it('does not ask once the secret is stored', async () => {
    const user = userEvent.setup();
    const { navigation } = renderDialog();
    await user.click(screen.getByLabelText('I have stored the secret'));
    await act(() => navigation.navigate('/elsewhere'));
    expect(leaveQuestion()).toBeNull();
    expect(navigation.state.location.pathname).toBe('/elsewhere');
  });

  it('sets a beforeunload handler (reload, closing the tab) only while the secret is unstored', async () => {
    const user = userEvent.setup();
    renderDialog();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);
    await user.click(screen.getByLabelText('I have stored the secret'));
    expect(unload()).toBe(false);
  });

  it('ends the session on sign-out only if the person chooses to leave', async () => {
    const { user, navigation, end, requestEnd: signOut } = renderDialogAndSessionEnd('signed-out', '/sign-in');

    await signOut();
    const question = screen.getByRole('dialog', { name: 'Sign out without storing the secret?' });
    await user.click(within(question).getByRole('button', { name: 'Stay' }));
    expect(end).not.toHaveBeenCalled();
    expect(navigation.state.location.pathname).toBe('/');

    await signOut();
    await user.click(screen.getByRole('button', { name: 'Sign out anyway' }));
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('asks once when the session expires (a 401), and not again at every later 401 after the person stayed', async () => {
    const { user, navigation, end, requestEnd: unauthorized } = renderDialogAndSessionEnd('expired', '/sign-in?reason=expired');

    await unauthorized();
    const question = screen.getByRole('dialog', { name: 'Your session has ended' });
    await user.click(within(question).getByRole('button', { name: 'Stay' }));
    await unauthorized();
    expect(screen.queryByRole('dialog', { name: 'Your session has ended' })).toBeNull();
    expect(end).not.toHaveBeenCalled();
    expect(navigation.state.location.pathname).toBe('/');
    expect((screen.getByLabelText('Client secret') as HTMLTextAreaElement).value).toBe(created.client_secret);
  });

  it('lets the session end at once when no secret is on screen', () => {
    const end = vi.fn();
    const leave = vi.fn();
    requestSessionEnd('signed-out', end, leave);
    expect(end).toHaveBeenCalledTimes(1);
    expect(leave).toHaveBeenCalledTimes(1);
  });
});
