import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapabilitiesSchema, ErrorBodySchema, EXTENSION_NAMES } from '../../src/api/schemas';
import { expectOk, startTestServer, type TestServer } from '../test/harness';

let full: TestServer;
let vendorLike: TestServer;
let partial: TestServer;
beforeAll(async () => {
  [full, vendorLike, partial] = await Promise.all([
    startTestServer(),
    startTestServer({ extensions: [] }),
    startTestServer({ extensions: ['usage'] }),
  ]);
});
afterAll(async () => {
  await Promise.all([full.close(), vendorLike.close(), partial.close()]);
});

describe('GET /capabilities', () => {
  it('announces every extension by default, without auth', async () => {
    const body = expectOk(await full.as().get('/capabilities'), 200, CapabilitiesSchema);
    expect(body.extensions).toEqual([...EXTENSION_NAMES]);
  });

  it('announces only the configured extensions', async () => {
    const body = expectOk(await partial.as().get('/capabilities'), 200, CapabilitiesSchema);
    expect(body.extensions).toEqual(['usage']);
  });

  it('answers 404 with EXTENSIONS=none, as the vendor would', async () => {
    const res = await vendorLike.as().get('/capabilities');
    expect(res.status).toBe(404);
    expect(ErrorBodySchema.parse(res.body).code).toBe('not_found');
  });

  it('is described in the OpenAPI document only when offered', async () => {
    const withExtensions = (await full.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    const without = (await vendorLike.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(withExtensions.paths)).toContain('/capabilities');
    expect(Object.keys(without.paths)).not.toContain('/capabilities');
  });
});
