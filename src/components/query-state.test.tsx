import { QueryClient, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { createTestQueryClient, TestProviders } from '../test/providers';
import { QueryState, type QueryStateProps } from './query-state';

type Thing = { name: string };
const notFound = new ApiError({ status: 404, code: 'not_found', message: 'Thing not found' });
const serverError = new ApiError({ status: 500, code: 'internal', message: 'Database unavailable', requestId: 'req-9' });

function Thing({ fetchThing, ...props }: { fetchThing: () => Promise<Thing> } & Partial<QueryStateProps<Thing>>) {
  const query = useQuery({ queryKey: ['thing'], queryFn: fetchThing, retry: false });
  return (
    <QueryState
      query={query}
      pending={<p>Loading thing…</p>}
      errorTitle="Could not load the thing"
      notFound={{ title: 'Thing not found', message: 'It may have been deleted.', action: <a href="/things">Back to things</a> }}
      {...props}
    >
      {(thing) => <h1>{thing.name}</h1>}
    </QueryState>
  );
}

function renderThing(fetchThing: () => Promise<Thing>, props: Partial<QueryStateProps<Thing>> = {}, client?: QueryClient) {
  const queryClient = client ?? createTestQueryClient();
  render(
    <TestProviders client={queryClient}>
      <Thing fetchThing={fetchThing} {...props} />
    </TestProviders>,
  );
  return queryClient;
}

describe('QueryState', () => {
  it('shows the pending view, then the data', async () => {
    let resolve!: (thing: Thing) => void;
    renderThing(() => new Promise<Thing>((r) => (resolve = r)));
    expect(screen.getByText('Loading thing…')).toBeTruthy();
    await act(async () => resolve({ name: 'Widget' }));
    expect(await screen.findByRole('heading', { name: 'Widget' })).toBeTruthy();
    expect(screen.queryByText('Loading thing…')).toBeNull();
  });

  it('keeps the data on screen when a background refetch fails', async () => {
    const fetchThing = vi.fn<() => Promise<Thing>>().mockResolvedValueOnce({ name: 'Widget' }).mockRejectedValue(serverError);
    const client = renderThing(fetchThing);
    await screen.findByRole('heading', { name: 'Widget' });
    await act(async () => {
      await client.refetchQueries({ queryKey: ['thing'] });
    });
    expect(fetchThing).toHaveBeenCalledTimes(2);
    expect(client.getQueryState(['thing'])?.status).toBe('error');
    expect(screen.getByRole('heading', { name: 'Widget' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the not-found look, with its way back, when the first load answers 404', async () => {
    renderThing(() => Promise.reject(notFound));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thing not found' })).toBeTruthy();
    expect(screen.getByText('Not found (404)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to things' })).toBeTruthy();
  });

  it('shows other first-load errors with the request id and a Retry that refetches', async () => {
    const fetchThing = vi.fn<() => Promise<Thing>>().mockRejectedValueOnce(serverError).mockResolvedValue({ name: 'Widget' });
    renderThing(fetchThing);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the thing');
    expect(alert.textContent).toContain('req-9');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Widget' })).toBeTruthy();
  });

  it('shows a 404 as an error where no not-found look is given, and one line inside a card when inline', async () => {
    renderThing(() => Promise.reject(notFound), { notFound: undefined, errorLook: 'inline' });
    const alert = await screen.findByRole('alert');
    expect(alert.tagName).toBe('P');
    expect(alert.textContent).toContain('Could not load the thing.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('lets a page explain an error itself, inside its frame', async () => {
    renderThing(() => Promise.reject(new ApiError({ status: 400, code: 'invalid_request', message: 'Bad cursor' })), {
      renderError: (error) => (error.status === 400 ? <p>This link is no longer valid</p> : undefined),
      frame: (content) => <main aria-label="Thing page">{content}</main>,
    });
    expect(screen.getByRole('main', { name: 'Thing page' }).textContent).toBe('Loading thing…');
    await screen.findByText('This link is no longer valid');
    expect(screen.getByRole('main', { name: 'Thing page' }).textContent).toBe('This link is no longer valid');
  });
});
