import { describe, expect, it } from 'vitest';
import { curlSnippet, envSnippet, SECRET_PLACEHOLDER, tokenUrl } from './usage-snippets';

describe('tokenUrl', () => {
  it('is the token endpoint under the API base the console uses, as an absolute URL', () => {
    expect(tokenUrl('/api', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/api/service-account-token');
    expect(tokenUrl('https://api.example.com', 'http://localhost:5173')).toBe('https://api.example.com/service-account-token');
  });
});

describe('snippets', () => {
  const values = { clientId: 'client-1', clientSecret: "s3cr'et", tokenUrl: 'https://api.example.com/service-account-token' };

  it('writes the client-credentials grant as curl, quoting values for the shell', () => {
    expect(curlSnippet(values)).toBe(
      [
        "curl -X POST 'https://api.example.com/service-account-token' \\",
        "  -u 'client-1:s3cr'\\''et' \\",
        '  -d grant_type=client_credentials',
      ].join('\n'),
    );
  });

  it('writes a .env file, keeping the placeholder readable', () => {
    expect(envSnippet(values)).toBe(
      `TOKEN_URL=https://api.example.com/service-account-token\nCLIENT_ID=client-1\nCLIENT_SECRET="s3cr'et"\n`,
    );
    expect(envSnippet({ ...values, clientSecret: SECRET_PLACEHOLDER })).toContain('CLIENT_SECRET=<client secret>\n');
  });
});
