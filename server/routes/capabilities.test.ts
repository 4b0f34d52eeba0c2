import { describe, expect, it } from 'vitest';
import { CapabilitiesSchema, ErrorBodySchema, EXTENSION_NAMES } from '../../src/api/schemas';
import { expectOk, extensionVariantsForFile } from '../test/harness';

const servers = extensionVariantsForFile();

describe('GET /capabilities', () => {
  it('announces every extension by default, without auth', async () => {
    const body = expectOk(await servers.full.as().get('/capabilities'), 200, CapabilitiesSchema);
    expect(body.extensions).toEqual([...EXTENSION_NAMES]);
  });

  it('announces only the configured extensions', async () => {
    const body = expectOk(await servers.usageOnly.as().get('/capabilities'), 200, CapabilitiesSchema);
    expect(body.extensions).toEqual(['usage']);
  });

  it('answers 404 with EXTENSIONS=none, as the vendor would', async () => {
    const res = await servers.vendorLike.as().get('/capabilities');
    expect(res.status).toBe(404);
    expect(ErrorBodySchema.parse(res.body).code).toBe('not_found');
  });

  it('is described in the OpenAPI document only when offered', async () => {
    const withExtensions = (await servers.full.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    const without = (await servers.vendorLike.as().get('/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(withExtensions.paths)).toContain('/capabilities');
    expect(Object.keys(without.paths)).not.toContain('/capabilities');
  });
});
