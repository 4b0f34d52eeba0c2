import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { TokenResponse } from '../../src/api/schemas';
import { hashSecret, newAccessToken, secretMatches } from '../auth/tokens';
import { deleteExpiredTokens, insertCredentialToken } from '../db/access-tokens';
import { retryWhileBusy } from '../db/busy';
import { findSecretHashByClientId, markCredentialUsed } from '../db/credentials';
import { withRelaxedSync } from '../db/database';
import { recordCredentialUse } from '../db/usage';
import { hasExtension } from '../config';
import { requestSource } from '../http/client-source';
import type { AppEnv, Services } from '../http/context';
import { ApiError } from '../http/errors';

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** RFC 6749 §2.3.1: `Authorization: Basic base64(urlencoded(client_id):urlencoded(client_secret))`. */
function parseBasicAuth(header: string | undefined): ClientCredentials | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]{1,1024})\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return undefined;
  }
}

function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not behind @hono/node-server (e.g. app.request in a unit test)
  }
}

/**
 * Failed exchanges are answered when a timer started before the lookup fires. A known client_id
 * reads a row and an unknown one does not (a few microseconds, measurable over many tries); the
 * timer's start does not depend on that, so neither does the answer's time. Successes are not held.
 */
export const FAILED_EXCHANGE_FLOOR_MS = 5;

function answerFloor(): { reached: Promise<void>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reached = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FAILED_EXCHANGE_FLOOR_MS);
  });
  return { reached, cancel: () => clearTimeout(timer) };
}

// OAuth errors use RFC 6749 §5.2 bodies, not the API's error shape: OAuth clients parse these.
const oauthError = (c: Context, status: 400 | 401, error: string, description: string) => {
  if (status === 401) c.header('WWW-Authenticate', 'Basic realm="service-account-token"');
  return c.json({ error, error_description: description }, status);
};

/** POST /service-account-token: the client-credentials grant. Bodies here are never logged. */
export function tokenRoutes(services: Services) {
  const { db, tokenFailures } = services;
  // With the `usage` extension off nothing reads the buckets, so nothing is recorded either.
  const recordsUsage = hasExtension(services.config, 'usage');
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    const address = remoteAddress(c);
    const client = parseBasicAuth(c.req.header('Authorization'));

    const wait = tokenFailures.retryAfterSeconds(client?.clientId, address);
    if (wait > 0) {
      throw new ApiError(429, 'rate_limited', 'Too many failed attempts; try again later', {
        headers: { 'Retry-After': String(wait) },
      });
    }

    const floor = answerFloor();
    const stored = client ? findSecretHashByClientId(db, client.clientId) : undefined;
    if (!client || !secretMatches(client.clientSecret, stored?.secret_hash) || !stored) {
      tokenFailures.recordFailure(client?.clientId, address);
      await floor.reached;
      return oauthError(c, 401, 'invalid_client', 'Client authentication failed');
    }
    floor.cancel();
    tokenFailures.recordSuccess(client.clientId, address);

    if (!/^application\/x-www-form-urlencoded\s*(?:;|$)/i.test(c.req.header('Content-Type') ?? '')) {
      return oauthError(c, 400, 'invalid_request', 'Body must be application/x-www-form-urlencoded');
    }
    const grantType = new URLSearchParams(await c.req.text()).get('grant_type');
    if (grantType === null) return oauthError(c, 400, 'invalid_request', 'grant_type is required');
    if (grantType !== 'client_credentials') {
      return oauthError(c, 400, 'unsupported_grant_type', 'Only client_credentials is supported');
    }

    const token = newAccessToken();
    const now = services.clock();
    const ttl = services.config.tokenTtlSeconds;
    // Bookkeeping at the rate clients fetch tokens: not worth an fsync each (README "Durability").
    await retryWhileBusy(db, () =>
      withRelaxedSync(db, () =>
        db.transaction(() => {
          deleteExpiredTokens(db, now.toISOString());
          markCredentialUsed(db, stored.id, now.toISOString());
          if (recordsUsage) recordCredentialUse(db, stored.id, now, requestSource(c, services.config.trustProxy));
          insertCredentialToken(db, hashSecret(token), stored.id, now.toISOString(), new Date(now.getTime() + ttl * 1000).toISOString());
        }).immediate(),
      ),
    );
    const body: TokenResponse = { access_token: token, token_type: 'Bearer', expires_in: ttl };
    return c.json(body);
  });

  return app;
}
