import { describe, expect, it } from 'vitest';
import { buildEnvFile, buildJsonFile, secretFileNames, slugify } from './secret-files';

const created = {
  id: 'ab3def8hij2klm9opq5rst7uvw',
  client_id: 'cid_0123456789abcdef',
  client_secret: 'sec_AbC-dEf_123~xyz',
  name: 'Deploy bot (prod)',
  description: 'CI',
  created_at: '2026-01-02T03:04:05.000Z',
};

describe('slugify', () => {
  it('makes a lowercase dash-separated slug', () => {
    expect(slugify('Deploy bot (prod)')).toBe('deploy-bot-prod');
    expect(slugify('  Café Überwachung  ')).toBe('cafe-uberwachung');
  });
  it('falls back when nothing usable is left', () => {
    expect(slugify('***')).toBe('credential');
    expect(slugify('')).toBe('credential');
  });
  it('caps the length without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('buildEnvFile', () => {
  it('writes CLIENT_ID and CLIENT_SECRET lines', () => {
    expect(buildEnvFile(created)).toBe('CLIENT_ID=cid_0123456789abcdef\nCLIENT_SECRET=sec_AbC-dEf_123~xyz\n');
  });
  it('quotes and escapes values that a .env parser would misread', () => {
    const text = buildEnvFile({ client_id: 'a b', client_secret: 'x"y\\z#' });
    expect(text).toBe('CLIENT_ID="a b"\nCLIENT_SECRET="x\\"y\\\\z#"\n');
  });
});

describe('buildJsonFile', () => {
  it('is parseable JSON with the id, name, client id and secret', () => {
    expect(JSON.parse(buildJsonFile(created))).toEqual({
      credential_id: created.id,
      name: created.name,
      client_id: created.client_id,
      client_secret: created.client_secret,
      created_at: created.created_at,
    });
  });
});

describe('secretFileNames', () => {
  it('includes the credential name slug', () => {
    expect(secretFileNames('Deploy bot (prod)')).toEqual({ env: 'deploy-bot-prod.env', json: 'deploy-bot-prod.json' });
  });
});
