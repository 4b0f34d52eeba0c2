import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PERSON } from '../test/demo-people';
import { apiRequest } from './client';
import { claimEarlyResponse, EARLY_RESPONSE_TTL_MS, sendEarlyRequest, untilAborted } from './early-responses';
import { readUrl } from './request-url';
import { OrganizationSchema } from './schemas';
import { clearSession, setSessionToken } from './session';

const token = DEMO_PERSON.ada.token;
const at = '2026-11-30T03:55:39.123Z';
const organization = { id: 'org_acme', name: 'Acme', label: 'acme', created_at: at, updated_at: at };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;

beforeEach(() => {
  fetchMock = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(json(organization)));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  clearSession();
});

// Each test sends to a URL of its own: the early answers are module state, like in the browser.
let n = 0;
const freshUrl = () => `/api/organizations/org-${++n}?expand%5B%5D=permissions`;

describe('early responses', () => {
  it('sends a GET at once, with the headers apiRequest sends', () => {
    const url = freshUrl();
    sendEarlyRequest(url, token);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [input, init] = fetchMock.mock.calls[0]!;
    const headers = new Headers(init?.headers);
    expect(input).toBe(url);
    expect(init?.method).toBeUndefined();
    expect(headers.get('Authorization')).toBe(`Bearer ${token}`);
    expect(headers.get('Accept')).toBe('application/json');
    expect(headers.get('X-Client-Request-ID')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is claimed once, for its URL and token only', async () => {
    const url = freshUrl();
    sendEarlyRequest(url, token);
    sendEarlyRequest(url, token);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(claimEarlyResponse(freshUrl(), token)).toBeUndefined();
    const claimed = claimEarlyResponse(url, token);
    expect(claimed?.requestId).toBe(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('X-Client-Request-ID'));
    expect(await (await claimed!.response).json()).toEqual(organization);
    expect(claimEarlyResponse(url, token)).toBeUndefined();

    const other = freshUrl();
    sendEarlyRequest(other, token);
    // Another token (signed out and in as someone else): not theirs, and gone.
    expect(claimEarlyResponse(other, DEMO_PERSON.vera.token)).toBeUndefined();
    expect(claimEarlyResponse(other, token)).toBeUndefined();
  });

  it('is dropped when nobody claims it in time (old data must not serve a later read)', () => {
    vi.useFakeTimers();
    const url = freshUrl();
    sendEarlyRequest(url, token);
    vi.advanceTimersByTime(EARLY_RESPONSE_TTL_MS);
    expect(claimEarlyResponse(url, token)).toBeUndefined();
  });

  it('does not leave a failed request as an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    sendEarlyRequest(freshUrl(), token);
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('untilAborted rejects with the reason once the signal aborts', async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => undefined);
    const waiting = untilAborted(never, controller.signal);
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(waiting).rejects.toThrow('Stopped');
    await expect(untilAborted(Promise.resolve(1), undefined)).resolves.toBe(1);
  });
});

describe('apiRequest and an early response', () => {
  it('takes the early answer instead of asking again, and parses it', async () => {
    setSessionToken(token);
    const request = { path: `/organizations/acme-${++n}` };
    sendEarlyRequest(readUrl(request), token);
    const body = await apiRequest(request.path, { schema: OrganizationSchema });
    expect(body).toEqual(organization);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Claimed: the next read asks the server.
    await apiRequest(request.path, { schema: OrganizationSchema });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('reports a failed early answer like its own, quoting the early request id', async () => {
    setSessionToken(token);
    const request = { path: `/organizations/gone-${++n}` };
    fetchMock.mockImplementationOnce(() =>
      Promise.resolve(json({ code: 'not_found', message: 'No such organization.' }, 404)),
    );
    sendEarlyRequest(readUrl(request), token);
    const sentId = new Headers(fetchMock.mock.calls[0]![1]?.headers).get('X-Client-Request-ID');
    await expect(apiRequest(request.path, { schema: OrganizationSchema })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      requestId: sentId,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not take an answer sent with another token', async () => {
    setSessionToken(DEMO_PERSON.vera.token);
    const request = { path: `/organizations/acme-${++n}` };
    sendEarlyRequest(readUrl(request), token);
    await apiRequest(request.path, { schema: OrganizationSchema });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(new Headers(fetchMock.mock.calls[1]![1]?.headers).get('Authorization')).toBe(`Bearer ${DEMO_PERSON.vera.token}`);
  });
});
