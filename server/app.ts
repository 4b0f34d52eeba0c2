import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { authenticate } from './auth/authenticate';
import { DEFAULT_TOKEN_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './auth/rate-limit';
import { hasExtension, type Config } from './config';
import { isBusy, type Db } from './db/database';
import { InvalidCursorError } from './db/pagination';
import { rejectContentEncoding } from './http/body';
import { closeWhenBodyUnread } from './http/connection';
import type { AppEnv, Services } from './http/context';
import { ApiError, internalError, unavailableError } from './http/errors';
import { hostAllowList, servedHostNames } from './http/host-allow-list';
import { contentSecurityPolicy, noStore, rawPathForLog, requestContext } from './http/middleware';
import { registerSpa } from './http/spa';
import { systemClock, type Clock } from './lib/clock';
import { createLogger, type Logger } from './lib/logger';
import { auditEventRoutes } from './routes/audit-events';
import { capabilityRoutes } from './routes/capabilities';
import { credentialRoutes } from './routes/credentials';
import { devRoutes } from './routes/dev';
import { openapiRoutes } from './routes/openapi';
import { orgCredentialRoutes } from './routes/org-credentials';
import { organizationRoutes } from './routes/organizations';
import { serviceAccountRoutes } from './routes/service-accounts';
import { tokenRoutes } from './routes/token';
import { usageRoutes } from './routes/usage';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  db: Db;
  config: Config;
  clock?: Clock;
  logger?: Logger;
  tokenRateLimit?: RateLimitOptions;
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidCursorError) {
    return ApiError.invalid('Invalid cursor', [{ field: error.field, message: 'Not a cursor issued for this list' }]);
  }
  // Hono's own errors for client mistakes (e.g. an unreadable body) keep their 4xx status.
  if (error instanceof HTTPException && error.status < 500) return ApiError.invalid(error.message || 'Bad request');
  // Another process held the write lock past the request's deadline (see db/busy.ts): retry later.
  if (isBusy(error)) return unavailableError();
  return undefined;
}

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const services: Services = {
    db: deps.db,
    config: deps.config,
    clock,
    logger,
    tokenFailures: new RateLimiter(deps.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT, clock),
  };

  const api = new Hono<AppEnv>();
  api.use('*', noStore);
  api.use('*', rejectContentEncoding);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Request body must be at most ${MAX_BODY_BYTES / 1024} KiB`);
    },
  });
  // No GET or HEAD handler reads a body, and asking for one makes @hono/node-server build a full
  // fetch Request per call: about a tenth of the CPU of the review page's 10,000 list requests.
  api.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  api.route('/service-account-token', tokenRoutes(services));
  api.route('/openapi.json', openapiRoutes(deps.config.extensions));
  // The vendor's API has no discovery: with EXTENSIONS=none it answers 404 like any unknown route.
  if (deps.config.extensions.length > 0) api.route('/capabilities', capabilityRoutes(services));
  if (deps.config.demo) api.route('/dev', devRoutes(services));
  // Also matches /organizations itself, and unknown paths below it (401 before 404). Step 1 of the
  // pipeline in routes/scope.ts: the sub-apps below rely on it.
  api.use('/organizations/*', authenticate(services));
  api.route('/organizations', organizationRoutes(services));
  api.route('/organizations/:org/service-accounts', serviceAccountRoutes(services));
  // Extensions: mounted only when offered, so with EXTENSIONS=none they are unknown routes (404).
  if (hasExtension(deps.config, 'usage')) {
    api.route('/organizations/:org/service-accounts/:serviceAccountId/credentials/:credentialId/usage', usageRoutes(services));
  }
  if (hasExtension(deps.config, 'audit_events')) api.route('/organizations/:org/audit-events', auditEventRoutes(services));
  api.route('/organizations/:org/service-accounts/:serviceAccountId/credentials', credentialRoutes(services));
  if (hasExtension(deps.config, 'org_credentials')) api.route('/organizations/:org/credentials', orgCredentialRoutes(services));
  api.all('*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint');
  });

  const app = new Hono<AppEnv>();
  app.use('*', requestContext(logger, contentSecurityPolicy(deps.config.apiBaseUrl)));
  app.use('*', closeWhenBodyUnread);
  app.use('*', hostAllowList(servedHostNames(deps.config.host, deps.config.allowedHosts)));
  app.route('/api', api);
  registerSpa(app, deps.config.staticDir, deps.config.apiBaseUrl, {
    serveSourceMaps: deps.config.serveSourceMaps,
    extensions: deps.config.extensions,
  });

  app.notFound((c) => c.json(new ApiError(404, 'not_found', 'Not found').toBody(c.var.requestId), 404));
  app.onError((error, c) => {
    const apiError = toApiError(error);
    if (!apiError) logger.error(`${c.req.method} ${rawPathForLog(c.req.url)} failed (request ${c.var.requestId})`, error);
    const e = apiError ?? internalError();
    for (const [name, value] of Object.entries(e.headers)) c.header(name, value);
    return c.json(e.toBody(c.var.requestId), e.status);
  });

  return app;
}
