import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditEventQueries, listAuditEvents } from './audit-events';
import { credentialQueries } from './credentials';
import { getCredentialUsage, usageQueries, usageSince } from './usage';

const SA = 'ab3def8hij2klm9opq5rst7uvw';
const CRED = 'cr3def8hij2klm9opq5rst7uvw';

function stubFetch(body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const requestedUrl = (fetchMock: ReturnType<typeof stubFetch>) => new URL((fetchMock.mock.calls[0] as unknown as [string])[0], 'http://x');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('usageQueries', () => {
  it('keys usage under the credential, so credential invalidation and removal reach it', async () => {
    const key = usageQueries.credential('acme', SA, CRED, { bucket: 'day', since: undefined }).queryKey;
    expect(key).toEqual([...credentialQueries.detail('acme', SA, CRED).queryKey, 'usage', { bucket: 'day' }]);
    const client = new QueryClient();
    client.setQueryData(key, { items: [] });
    await client.invalidateQueries({ queryKey: credentialQueries.all('acme'), refetchType: 'none' });
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    client.removeQueries({ queryKey: credentialQueries.detail('acme', SA, CRED).queryKey });
    expect(client.getQueryData(key)).toBeUndefined();
  });

  it('puts bucket and since in the key', () => {
    const hour = usageQueries.credential('acme', SA, CRED, { bucket: 'hour', since: '2026-12-01T00:00:00.000Z' }).queryKey;
    const day = usageQueries.credential('acme', SA, CRED, { bucket: 'day', since: '2026-12-01T00:00:00.000Z' }).queryKey;
    expect(hour).not.toEqual(day);
  });

  it('fetches the usage path with bucket and since, without expand', async () => {
    const fetchMock = stubFetch({ items: [{ start: '2026-12-01T10:00:00.000Z', count: 3 }], last_used_from: null });
    const usage = await getCredentialUsage('acme', SA, CRED, { bucket: 'hour', since: '2026-12-01T00:00:00.000Z' });
    expect(usage.items).toEqual([{ start: '2026-12-01T10:00:00.000Z', count: 3 }]);
    const url = requestedUrl(fetchMock);
    expect(url.pathname).toBe(`/api/organizations/acme/service-accounts/${SA}/credentials/${CRED}/usage`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ bucket: 'hour', since: '2026-12-01T00:00:00.000Z' });
  });
});

describe('usageSince', () => {
  it('rounds down to a bucket start, so the key changes once per bucket', () => {
    const now = Date.parse('2026-12-01T10:42:17.123Z');
    expect(usageSince('hour', 23, now)).toBe('2026-11-30T11:00:00.000Z');
    expect(usageSince('day', 29, now)).toBe('2026-11-02T00:00:00.000Z');
    expect(usageSince('hour', 0, now + 60_000)).toBe(usageSince('hour', 0, now));
  });
});

describe('auditEventQueries', () => {
  it('keys every filter, and leaves empty ones out', () => {
    const key = auditEventQueries.list('acme', { limit: 50, actor_id: '', action: 'credential.created', target_id: undefined }).queryKey;
    expect(key).toEqual(['audit-events', 'acme', 'list', { limit: 50, action: 'credential.created' }]);
    expect(auditEventQueries.list('acme', { limit: 50, target_id: CRED }).queryKey).not.toEqual(key);
  });

  it('sends the filters and cursor as query parameters', async () => {
    const fetchMock = stubFetch({ items: [], page_info: { has_next_page: false, has_prev_page: false } });
    await listAuditEvents('acme', { limit: 20, after: 'c1', target_id: CRED, action: 'credential.deleted' });
    const url = requestedUrl(fetchMock);
    expect(url.pathname).toBe('/api/organizations/acme/audit-events');
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: '20', after: 'c1', target_id: CRED, action: 'credential.deleted' });
  });
});
