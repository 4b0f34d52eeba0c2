import { Hono } from 'hono';
import type { ExtensionName } from '../../src/api/schemas';
import type { AppEnv } from '../http/context';
import { buildOpenApiDocument } from './openapi-document';

/** GET /openapi.json, public like any API reference. */
export function openapiRoutes(extensions: readonly ExtensionName[]) {
  const app = new Hono<AppEnv>();
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get('/', (c) => c.json((document ??= buildOpenApiDocument(extensions))));
  return app;
}
