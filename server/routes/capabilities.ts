import { Hono } from 'hono';
import type { Capabilities } from '../../src/api/schemas';
import type { AppEnv, Services } from '../http/context';

/** Discovery (no auth): which extensions of the vendor API this server offers. Not mounted with EXTENSIONS=none. */
export function capabilityRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.json({ extensions: [...services.config.extensions] } satisfies Capabilities));
  return app;
}
