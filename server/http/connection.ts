import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/**
 * A response that leaves the request's body unread (a 413, or an error before the handler read
 * it) closes the connection. Otherwise @hono/node-server drains the rest for at most 500 ms and
 * then destroys the socket under a keep-alive client, which loses the next requests it had queued
 * on it. `Connection: close` tells the client not to reuse the socket. It goes on the Node
 * response because @hono/node-server drops a Connection header set on a fetch Response.
 */
export const closeWhenBodyUnread: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const { incoming, outgoing } = (c.env ?? {}) as Partial<HttpBindings>;
  if (!incoming || !outgoing || outgoing.headersSent) return;
  const hasBody = Number(incoming.headers['content-length'] ?? 0) > 0 || incoming.headers['transfer-encoding'] !== undefined;
  if (c.res.status === 413 || (hasBody && !incoming.readableEnded)) outgoing.setHeader('Connection', 'close');
};
