import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GatedButton } from './permission-gate';
import { PermissionSubjectContext } from './permission-subject';

function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
}

describe('GatedButton', () => {
  it('when denied, is focusable but not clickable and describes the reason', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(
      <GatedButton decision="denied" reason="You need service_account_credentials.create" onClick={onClick}>
        Create credential
      </GatedButton>,
    );
    const button = screen.getByRole('button', { name: 'Create credential' });

    await user.tab();
    expect(button).toBe(document.activeElement);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(description(button)).toBe('You need service_account_credentials.create');
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toBe('You need service_account_credentials.create');
    expect(tooltip.className).toContain('gate__tooltip--open');

    await user.click(button);
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onClick).not.toHaveBeenCalled();

    // Escape dismisses the tooltip; focus stays on the control.
    await user.keyboard('{Escape}');
    expect(tooltip.className).not.toContain('gate__tooltip--open');
    expect(button).toBe(document.activeElement);
  });

  it('does not submit its form when denied', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((e: React.FormEvent) => e.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <GatedButton type="submit" decision="denied" reason="You need service_accounts.create">
          Save
        </GatedButton>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each(['allowed', 'unknown'] as const)('when %s, is enabled and has no reason', async (decision) => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(
      <GatedButton decision={decision} reason="You need service_accounts.delete" onClick={onClick}>
        Delete
      </GatedButton>,
    );
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('adds who the person is and the permission key to a denial', () => {
    render(
      <PermissionSubjectContext value={{ role: 'org_viewer', orgName: 'Acme Corp' }}>
        <GatedButton
          decision="denied"
          reason="Only organization admins can create service accounts."
          permission="service_accounts.create"
        >
          Create service account
        </GatedButton>
      </PermissionSubjectContext>,
    );
    expect(description(screen.getByRole('button', { name: 'Create service account' }))).toBe(
      'Only organization admins can create service accounts. You are a viewer in Acme Corp. (service_accounts.create)',
    );
  });

  it('while the permissions are pending, is unavailable (not enabled-looking) and says it is checking', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(
      <GatedButton decision="pending" reason="Only organization admins can create service accounts." onClick={onClick}>
        Create service account
      </GatedButton>,
    );
    const button = screen.getByRole('button', { name: 'Create service account' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(description(button)).toBe('Checking your permissions…');
    await user.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });
});
