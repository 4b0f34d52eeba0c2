import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cleanUserAgent, clientAddress } from './client-source';

/** Answers with clientAddress() for a request arriving from `peer` with the given headers. */
async function addressOf(trustProxy: number, peer: string, headers: Record<string, string> = {}) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, trustProxy)));
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress: peer, remotePort: 1, remoteFamily: 'IPv4' } } });
  return res.text();
}

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    expect(await addressOf(0, '10.0.0.5', { 'X-Forwarded-For': '203.0.113.1' })).toBe('10.0.0.5');
  });

  it('skips exactly the trusted proxies, from the right', async () => {
    const chain = { 'X-Forwarded-For': '192.0.2.66, 203.0.113.9, 10.1.1.1' }; // spoofed, client, inner proxy
    expect(await addressOf(1, '10.9.9.9', chain)).toBe('10.1.1.1');
    expect(await addressOf(2, '10.9.9.9', chain)).toBe('203.0.113.9');
    // More trusted proxies than entries: the leftmost one is all there is.
    expect(await addressOf(5, '10.9.9.9', { 'X-Forwarded-For': '203.0.113.9' })).toBe('203.0.113.9');
  });

  it('falls back to the peer for a value that is not an address, and unwraps IPv4-mapped IPv6', async () => {
    expect(await addressOf(1, '10.9.9.9', { 'X-Forwarded-For': 'localhost' })).toBe('10.9.9.9');
    expect(await addressOf(1, '::ffff:10.9.9.9', { 'X-Forwarded-For': '2001:db8::1' })).toBe('2001:db8::1');
    expect(await addressOf(0, '::ffff:10.9.9.9')).toBe('10.9.9.9');
  });
});

describe('cleanUserAgent', () => {
  it('removes control characters and keeps at most 256 characters', () => {
    expect(cleanUserAgent('curl/8.5.0')).toBe('curl/8.5.0');
    expect(cleanUserAgent('a\u0000b\u001bc\u007fd\u0085e\tf')).toBe('abcdef');
    expect(cleanUserAgent('x'.repeat(300))).toHaveLength(256);
    expect(cleanUserAgent(undefined)).toBe('');
  });
});
