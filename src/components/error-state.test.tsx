import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QueryErrorState } from './error-state';

describe('QueryErrorState', () => {
  it("shows the query's error and refetches it on Retry", async () => {
    const refetch = vi.fn();
    render(<QueryErrorState title="Could not load things" query={{ error: new Error('Network down'), isFetching: false, refetch }} />);
    expect(screen.getByRole('alert').textContent).toContain('Could not load things');
    expect(screen.getByRole('alert').textContent).toContain('Network down');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
