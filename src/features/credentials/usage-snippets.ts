import { getApiBaseUrl } from '../../api/client';
import { envValue } from './secret-files';

/** What the credential page shows instead of the secret, which only the create response ever had. */
export const SECRET_PLACEHOLDER = '<client secret>';

/** The token endpoint of the API this console talks to, as an absolute URL a program can call. */
export function tokenUrl(base = getApiBaseUrl(), origin = window.location.origin): string {
  return new URL(`${base}/service-account-token`, `${origin}/`).href;
}

/** POSIX shell single quoting: safe for any value. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export type SnippetValues = { clientId: string; clientSecret: string; tokenUrl: string };

/** The client-credentials grant as curl: Basic auth with the client ID and secret, form body. */
export function curlSnippet({ clientId, clientSecret, tokenUrl: url }: SnippetValues): string {
  return [
    `curl -X POST ${shellQuote(url)} \\`,
    `  -u ${shellQuote(`${clientId}:${clientSecret}`)} \\`,
    `  -d grant_type=client_credentials`,
  ].join('\n');
}

/** The same values as a .env file for a program (TOKEN_URL, CLIENT_ID, CLIENT_SECRET). */
export function envSnippet({ clientId, clientSecret, tokenUrl: url }: SnippetValues): string {
  const secret = clientSecret === SECRET_PLACEHOLDER ? SECRET_PLACEHOLDER : envValue(clientSecret);
  return `TOKEN_URL=${envValue(url)}\nCLIENT_ID=${envValue(clientId)}\nCLIENT_SECRET=${secret}\n`;
}
