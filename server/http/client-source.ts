// Where a request came from, for the `usage` extension's "last used from".
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export const USER_AGENT_MAX = 256;
const MAX_FORWARDED_ENTRIES = 32;

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not behind @hono/node-server (e.g. app.request in a unit test)
  }
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) reads as `10.0.0.1`. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address. With `trustProxy` = 0 it is the socket's peer: X-Forwarded-For is written by
 * the client and proves nothing. With N trusted proxies in front, each appended the address it
 * received from, so the client is the entry N places from the right of [...forwarded, peer]; the
 * entries further left are whatever the client sent. A value that is not an IP address is ignored.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  const peer = socketAddress(c);
  const hops: string[] = [];
  if (trustProxy > 0) {
    const header = c.req.header('X-Forwarded-For') ?? '';
    hops.push(...header.split(',').slice(-MAX_FORWARDED_ENTRIES).map((entry) => entry.trim()));
  }
  if (peer) hops.push(peer);
  const candidate = hops[Math.max(0, hops.length - 1 - trustProxy)];
  if (candidate && isIP(candidate)) return plainAddress(candidate);
  return peer ? plainAddress(peer) : 'unknown';
}

/** The User-Agent as stored: control characters removed, at most 256 characters, '' when absent. */
export function cleanUserAgent(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (value ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, USER_AGENT_MAX);
}

/** What the `usage` extension remembers of a token exchange's origin. */
export function requestSource(c: Context, trustProxy: number): { ip: string; user_agent: string } {
  return { ip: clientAddress(c, trustProxy), user_agent: cleanUserAgent(c.req.header('User-Agent')) };
}
