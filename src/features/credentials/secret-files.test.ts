import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildEnvFile, buildJsonFile, downloadTextFile, secretFileNames, slugify } from './secret-files';

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

describe('downloadTextFile', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  afterEach(() => {
    vi.restoreAllMocks();
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  });

  const readBlob = (blob: Blob) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });

  it('clicks a download link for a blob URL and revokes the URL right after', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:mock');
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs; the real ones are put back after the test.
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });

    downloadTextFile('x.env', 'CLIENT_ID=1\n', 'text/plain');

    expect(clicks).toEqual([{ href: 'blob:mock', download: 'x.env' }]);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:mock');
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob).toBeInstanceOf(Blob);
    expect(await readBlob(blob as Blob)).toBe('CLIENT_ID=1\n');
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
