// resolveOrg types `principal` for the routes behind it on the promise that authenticate ran before
// it (app.ts mounts it for /organizations/*). A sub-app mounted anywhere else refuses (401)
// rather than reading a caller that is not there.
import { Hono } from 'hono';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_TOKEN_RATE_LIMIT, RateLimiter } from '../auth/rate-limit';
import { loadConfig } from '../config';
import { closeDatabase, openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { ApiError } from '../http/errors';
import { systemClock } from '../lib/clock';
import { createLogger } from '../lib/logger';
import { serviceAccountRoutes } from './service-accounts';

const db = openDatabase(':memory:');
migrate(db);
afterAll(() => closeDatabase(db));

it('answers 401 when a sub-app is mounted without authenticate in front of it', async () => {
  const services = {
    db,
    config: loadConfig({ NODE_ENV: 'test' }),
    clock: systemClock,
    logger: createLogger('silent'),
    tokenFailures: new RateLimiter(DEFAULT_TOKEN_RATE_LIMIT, systemClock),
  };
  const app = new Hono();
  app.route('/organizations/:org/service-accounts', serviceAccountRoutes(services));
  app.onError((error, c) => c.json({ status: error instanceof ApiError ? error.status : 500 }, error instanceof ApiError ? error.status : 500));
  const res = await app.request('/organizations/acme/service-accounts');
  expect(res.status).toBe(401);
});
