// How a request looks on the wire: base URL, path, query and headers. Free of zod, TanStack Query
// and React, so the boot script (src/boot.ts) can send the first page's requests with it before the
// console's entry has loaded, to the very URLs apiRequest later asks for (issue 13).

/** `<meta name="api-base-url">` (rewritable at serve time), else VITE_API_BASE_URL, else `/api`. */
export function getApiBaseUrl(): string {
  const fromMeta =
    typeof document === 'undefined'
      ? undefined
      : document.querySelector<HTMLMetaElement>('meta[name="api-base-url"]')?.content.trim();
  const fromEnv = (import.meta.env.VITE_API_BASE_URL as string | undefined)?.trim();
  const base = fromMeta || fromEnv || '/api';
  return base.replace(/\/+$/, '');
}

/**
 * Builds a path whose interpolated values are URL-encoded, so an id or label can
 * never change the path's shape: apiPath`/organizations/${org}/service-accounts`.
 */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (path, part, i) => path + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}

export type QueryValue = string | number | boolean | null | undefined;

/** Undefined/null values are left out, so optional params can be passed through as-is. */
export function encodeQuery(query: Record<string, QueryValue> = {}, expand: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.append(key, String(value));
  }
  // The bracket form (Python SDK style); the API requires servers to accept it.
  for (const value of expand) params.append('expand[]', value);
  return params.toString();
}

/** A v4 uuid; crypto.randomUUID only exists in secure contexts (not plain-HTTP hosts). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const EXPAND_PERMISSIONS = ['permissions'] as const;

/** A GET as apiRequest sends it: `expand` defaults to the permissions map, as for every read. */
export interface ApiGet {
  path: string;
  query?: Record<string, QueryValue>;
  expand?: readonly string[];
}

/** The full URL of a request (the API's base, the path, the encoded query). */
export function requestUrl(path: string, query?: Record<string, QueryValue>, expand: readonly string[] = []): string {
  const queryString = encodeQuery(query, expand);
  return `${getApiBaseUrl()}${path}${queryString ? `?${queryString}` : ''}`;
}

/** What a request expands: what it asks for, else the permissions map for every read, else nothing. */
export function expandOf(method: string, expand: readonly string[] | undefined): readonly string[] {
  return expand ?? (method === 'GET' ? EXPAND_PERMISSIONS : []);
}

/** The URL apiRequest asks for `read`. */
export function readUrl(read: ApiGet): string {
  return requestUrl(read.path, read.query, expandOf('GET', read.expand));
}

/** The headers of every request: JSON, the id support can quote, and the bearer token if any. */
export function requestHeaders(requestId: string, token: string | null | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Client-Request-ID': requestId };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}
