import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiPath, apiRequest, getApiBaseUrl, newRequestId, setUnauthorizedHandler } from './client';
import { ServiceAccountListSchema } from './schemas';
import { clearSession, setSessionToken } from './session';
import { DEMO_PERSON } from '../test/demo-people';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function jsonResponse(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

const serviceAccount = {
  id: 'ab3def8hij2klm9opq5rst7uvw',
  name: 'deploy-bot',
  description: 'CI',
  created_at: '2026-11-30T03:55:39.123Z',
  updated_at: '2026-11-30T03:55:39.123Z',
};
const list = { items: [serviceAccount], page_info: { has_next_page: false, has_prev_page: false } };

let fetchMock: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;

function lastCall() {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  const [input, init] = call;
  const url = new URL(String(input), 'http://localhost');
  return { url, init: init ?? {}, headers: new Headers(init?.headers) };
}

beforeEach(() => {
  fetchMock = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal('fetch', fetchMock);
  setSessionToken(DEMO_PERSON.ada.token);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  setUnauthorizedHandler(null);
  clearSession();
  document.head.querySelectorAll('meta[name="api-base-url"]').forEach((m) => m.remove());
});

describe('getApiBaseUrl', () => {
  it('defaults to /api', () => {
    vi.stubEnv('VITE_API_BASE_URL', '');
    expect(getApiBaseUrl()).toBe('/api');
  });

  it('uses VITE_API_BASE_URL when there is no meta tag', () => {
    vi.stubEnv('VITE_API_BASE_URL', 'https://api.example.com/');
    expect(getApiBaseUrl()).toBe('https://api.example.com');
  });

  it('prefers the api-base-url meta tag over the env', async () => {
    vi.stubEnv('VITE_API_BASE_URL', 'https://env.example.com');
    const meta = document.createElement('meta');
    meta.name = 'api-base-url';
    meta.content = 'https://meta.example.com/v1/';
    document.head.append(meta);
    expect(getApiBaseUrl()).toBe('https://meta.example.com/v1');

    fetchMock.mockResolvedValue(jsonResponse(list));
    await apiRequest('/organizations/acme/service-accounts', { schema: ServiceAccountListSchema });
    expect(lastCall().url.origin + lastCall().url.pathname).toBe(
      'https://meta.example.com/v1/organizations/acme/service-accounts',
    );
  });
});

describe('apiRequest: request', () => {
  it('sends the bearer token, a fresh X-Client-Request-ID and Accept', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(list));
    await apiRequest('/organizations/acme/service-accounts', { schema: ServiceAccountListSchema });
    const first = lastCall().headers;
    await apiRequest('/organizations/acme/service-accounts', { schema: ServiceAccountListSchema });
    const second = lastCall().headers;

    expect(first.get('Authorization')).toBe(`Bearer ${DEMO_PERSON.ada.token}`);
    expect(first.get('Accept')).toBe('application/json');
    expect(first.get('X-Client-Request-ID')).toMatch(UUID);
    expect(second.get('X-Client-Request-ID')).toMatch(UUID);
    expect(second.get('X-Client-Request-ID')).not.toBe(first.get('X-Client-Request-ID'));
  });

  it('sends no Authorization header when signed out or when token is null', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(list));
    await apiRequest('/x', { schema: ServiceAccountListSchema, token: null });
    expect(lastCall().headers.has('Authorization')).toBe(false);
    clearSession();
    await apiRequest('/x', { schema: ServiceAccountListSchema });
    expect(lastCall().headers.has('Authorization')).toBe(false);
  });

  it('asks for expand[]=permissions on every GET, and encodes other params', async () => {
    fetchMock.mockResolvedValue(jsonResponse(list));
    await apiRequest('/organizations/acme/service-accounts', {
      query: { limit: 25, after: 'cur/sor+1', before: undefined },
      schema: ServiceAccountListSchema,
    });
    const { url } = lastCall();
    expect(url.searchParams.getAll('expand[]')).toEqual(['permissions']);
    expect(url.searchParams.get('limit')).toBe('25');
    expect(url.searchParams.get('after')).toBe('cur/sor+1');
    expect(url.searchParams.has('before')).toBe(false);
    expect(url.search).toContain('expand%5B%5D=permissions');
  });

  it('does not add expand to writes, and sends JSON bodies', async () => {
    fetchMock.mockResolvedValue(jsonResponse(serviceAccount, { status: 201 }));
    await apiRequest('/organizations/acme/service-accounts', {
      method: 'POST',
      body: { name: 'deploy-bot' },
      schema: z.object({ id: z.string() }),
    });
    const { url, init, headers } = lastCall();
    expect(init.method).toBe('POST');
    expect(url.searchParams.has('expand[]')).toBe(false);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init.body).toBe('{"name":"deploy-bot"}');
  });

  it('passes the AbortSignal to fetch and rethrows aborts untouched', async () => {
    const controller = new AbortController();
    fetchMock.mockImplementation((_input, init) => {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    });
    const promise = apiRequest('/x', { schema: z.unknown(), signal: controller.signal });
    expect(lastCall().init.signal).toBe(controller.signal);
    controller.abort();
    const error = await promise.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('apiPath encodes interpolated segments', () => {
    expect(apiPath`/organizations/${'a/b?c'}/service-accounts/${'x y'}`).toBe(
      '/organizations/a%2Fb%3Fc/service-accounts/x%20y',
    );
  });

  it('newRequestId falls back to getRandomValues without randomUUID (insecure origins)', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(newRequestId()).toMatch(UUID);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('apiRequest: responses', () => {
  it('returns the parsed body', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ...list, extra: 'ignored' }));
    const result = await apiRequest('/x', { schema: ServiceAccountListSchema });
    expect(result.items[0]?.name).toBe('deploy-bot');
    expect(result).not.toHaveProperty('extra');
  });

  it('returns undefined for 204 without a schema', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns a schema mismatch into invalid_response naming the field path', async () => {
    const broken = { ...list, items: [serviceAccount, { ...serviceAccount, created_at: 'yesterday' }] };
    fetchMock.mockResolvedValue(jsonResponse(broken, { headers: { 'X-Request-ID': 'req-1' } }));
    const error = await apiRequest('/organizations/acme/service-accounts', { schema: ServiceAccountListSchema }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('invalid_response');
    expect(apiError.status).toBe(200);
    expect(apiError.requestId).toBe('req-1');
    expect(apiError.details.map((d) => d.field)).toEqual(['items[1].created_at']);
    expect(apiError.message).toContain('GET /organizations/acme/service-accounts');
    expect(apiError.message).toContain('items[1].created_at');
  });

  it('reports a missing field by its path', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ items: [] }));
    const error = (await apiRequest('/x', { schema: ServiceAccountListSchema }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('invalid_response');
    expect(error.details.map((d) => d.field)).toEqual(['page_info']);
  });

  it('treats a non-JSON success body as invalid_response', async () => {
    fetchMock.mockResolvedValue(new Response('<!doctype html><html></html>', { status: 200 }));
    const error = (await apiRequest('/x', { schema: ServiceAccountListSchema }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid_response');
  });
});

describe('apiRequest: errors', () => {
  it('maps the error JSON (`Error` in /api/openapi.json), with field details and the request id', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        {
          status: 409,
          code: 'conflict',
          message: 'A service account named "deploy-bot" already exists',
          request_id: 'body-id',
          details: [{ field: 'name', message: 'Already used' }],
        },
        { status: 409, headers: { 'X-Request-ID': 'header-id' } },
      ),
    );
    const error = (await apiRequest('/x', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'A service account named "deploy-bot" already exists',
      details: [{ field: 'name', message: 'Already used' }],
      requestId: 'header-id',
    });
  });

  it('falls back to the body request_id, then to the id it sent', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 404, code: 'not_found', message: 'Nope', request_id: 'body-id' }, { status: 404 }),
    );
    const fromBody = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(fromBody.requestId).toBe('body-id');

    fetchMock.mockResolvedValueOnce(new Response('gateway', { status: 502 }));
    const fromClient = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(fromClient.requestId).toBe(lastCall().headers.get('X-Client-Request-ID'));
  });

  it('maps a non-JSON 500 without echoing the body', async () => {
    fetchMock.mockResolvedValue(new Response('Traceback: secret internals', { status: 500 }));
    const error = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(500);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('Traceback');
    expect(error.details).toEqual([]);
  });

  it('maps a non-JSON 404 to not_found', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Not Found</html>', { status: 404 }));
    const error = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('maps an OAuth-style error body', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ error: 'invalid_client' }, { status: 401 }));
    const error = (await apiRequest('/service-account-token', { method: 'POST', token: null }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toMatchObject({ status: 401, code: 'invalid_client' });
  });

  it('maps a network failure to status 0 network_error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.requestId).toMatch(UUID);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('calls the unauthorized handler on a 401 with the session token', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValue(
      jsonResponse({ status: 401, code: 'unauthenticated', message: 'Token expired' }, { status: 401 }),
    );
    const error = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(error, { token: DEMO_PERSON.ada.token });
  });

  it('does not call the handler for other statuses, or when verifying an explicit token', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 403, code: 'permission_denied', message: 'No' }, { status: 403 }),
    );
    await apiRequest('/x').catch(() => undefined);
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 401, code: 'unauthenticated', message: 'Bad' }, { status: 401 }),
    );
    await apiRequest('/x', { token: 'pasted' }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });

  it('an old unregister function does not remove a newer handler', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const unregisterFirst = setUnauthorizedHandler(first);
    setUnauthorizedHandler(second);
    unregisterFirst();
    fetchMock.mockResolvedValue(new Response('', { status: 401 }));
    await apiRequest('/x').catch(() => undefined);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
