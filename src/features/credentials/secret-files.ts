import type { CredentialCreated } from '../../api/schemas';

/** Lowercase, dash-separated, safe in a file name on every OS; falls back when the name has no usable characters. */
export function slugify(name: string, fallback = 'credential'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

// Values that need no quoting in every common .env parser (dotenv, docker --env-file, shells).
const PLAIN_ENV_VALUE = /^[A-Za-z0-9_\-.~+/=:@]*$/;

export function envValue(value: string): string {
  if (PLAIN_ENV_VALUE.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function buildEnvFile(credential: Pick<CredentialCreated, 'client_id' | 'client_secret'>): string {
  return `CLIENT_ID=${envValue(credential.client_id)}\nCLIENT_SECRET=${envValue(credential.client_secret)}\n`;
}

export function buildJsonFile(credential: CredentialCreated): string {
  const body = {
    credential_id: credential.id,
    name: credential.name,
    client_id: credential.client_id,
    client_secret: credential.client_secret,
    created_at: credential.created_at,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function secretFileNames(credentialName: string): { env: string; json: string } {
  const slug = slugify(credentialName);
  // Browsers drop a leading dot from downloads, so the .env file gets a name in front.
  return { env: `${slug}.env`, json: `${slug}.json` };
}
