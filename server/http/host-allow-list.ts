import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { ApiError } from './errors';

const ANY_INTERFACE = new Set(['0.0.0.0', '::', '[::]']);

/** `Example.COM.` → `example.com`; `[::1]` → `::1`. */
export function normalizeHostName(name: string): string {
  return name.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** The name in a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`), or undefined if malformed. */
export function hostHeaderName(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match?.[1] ? normalizeHostName(match[1]) : undefined;
}

/** Loopback names, the interface the server listens on (unless it is every interface), and ALLOWED_HOSTS. */
export function servedHostNames(host: string, allowedHosts: readonly string[]): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', ...allowedHosts.map(normalizeHostName)]);
  if (!ANY_INTERFACE.has(host)) names.add(normalizeHostName(host));
  return names;
}

/**
 * Answers only for host names this server serves. A DNS-rebinding page (its own name now resolving
 * to 127.0.0.1) sends its own name as Host, so it gets 421 instead of, say, the demo tokens.
 */
export function hostAllowList(served: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const name = hostHeaderName(c.req.header('Host') ?? '');
    if (name === undefined || !served.has(name)) {
      throw new ApiError(421, 'misdirected_request', 'This server does not answer for that host name (see ALLOWED_HOSTS)');
    }
    await next();
  };
}
