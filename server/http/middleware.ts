import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { escapeForLog, type Logger } from '../lib/logger';
import type { AppEnv } from './context';

// A caller-supplied id is echoed only when it is harmless in a header and a log line.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Only the app's own scripts; connect-src also admits the API's origin when it lives elsewhere. */
export function contentSecurityPolicy(apiBaseUrl: string | undefined): string {
  const apiOrigin = apiBaseUrl && /^https?:\/\//.test(apiBaseUrl) ? ` ${new URL(apiBaseUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // No 'unsafe-inline': the build has no <style> or style="" markup, and React sets style props
    // through the CSSOM, which CSP does not restrict.
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${apiOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The request's path as it was sent (percent-encoded, no query string), safe for one log line. */
export function rawPathForLog(url: string): string {
  try {
    return escapeForLog(new URL(url).pathname);
  } catch {
    return '(unparsable path)';
  }
}

/**
 * Request id, security headers on every response, and one log line per request. The line has the
 * path without its query string and never a header or a body, so no token or secret reaches logs;
 * the path is logged as sent, still percent-encoded (decoded, a %0A would end the line and forge
 * the next), and escaped on top of that, so one request is always one line of printable text.
 */
export function requestContext(logger: Logger, csp: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    const headers = c.res.headers;
    headers.set('X-Request-ID', requestId);
    const clientRequestId = c.req.header('X-Client-Request-ID');
    if (clientRequestId && CLIENT_REQUEST_ID.test(clientRequestId)) headers.set('X-Client-Request-ID', clientRequestId);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    const ms = (performance.now() - started).toFixed(1);
    logger.info(`${escapeForLog(c.req.method)} ${rawPathForLog(c.req.url)} ${c.res.status} ${ms}ms ${requestId}`);
  };
}

/** API responses are per-caller and may hold secrets: no cache keeps them. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
