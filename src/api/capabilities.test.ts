import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCapabilities, hasExtension, seedEmbeddedCapabilities } from './capabilities';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getCapabilities', () => {
  it('returns what the server announces, unknown names included', async () => {
    stubFetch(200, { extensions: ['usage', 'future_thing'] });
    expect(await getCapabilities()).toEqual(['usage', 'future_thing']);
  });

  it('treats the vendor 404 as no extensions', async () => {
    stubFetch(404, { status: 404, code: 'not_found', message: 'No such API endpoint' });
    expect(await getCapabilities()).toEqual([]);
  });

  it('sends no bearer token and no expand', async () => {
    const fetchMock = stubFetch(200, { extensions: [] });
    await getCapabilities();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/capabilities$/);
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('rejects on a server error so the query retries instead of caching "none"', async () => {
    stubFetch(503, { status: 503, code: 'unavailable', message: 'Busy' });
    await expect(getCapabilities()).rejects.toMatchObject({ status: 503 });
  });
});

describe('hasExtension', () => {
  it('asks the server once and answers from the cache afterwards', async () => {
    const fetchMock = stubFetch(200, { extensions: ['org_credentials'] });
    const client = new QueryClient();
    expect(await hasExtension(client, 'org_credentials')).toBe(true);
    expect(await hasExtension(client, 'usage')).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('capabilities embedded in the page', () => {
  afterEach(() => document.head.querySelectorAll('meta[name="api-capabilities"]').forEach((m) => m.remove()));

  it('answers from the meta tag without asking the API', async () => {
    const meta = document.createElement('meta');
    meta.name = 'api-capabilities';
    meta.content = 'org_credentials  usage';
    document.head.append(meta);
    const fetchMock = stubFetch(200, { extensions: [] });
    const client = new QueryClient();
    seedEmbeddedCapabilities(client);
    expect(await hasExtension(client, 'usage')).toBe(true);
    expect(await hasExtension(client, 'audit_events')).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks the API when the page has no such tag (the vendor)', async () => {
    const fetchMock = stubFetch(404, { status: 404, code: 'not_found', message: 'No such API endpoint' });
    const client = new QueryClient();
    seedEmbeddedCapabilities(client);
    expect(await hasExtension(client, 'usage')).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
