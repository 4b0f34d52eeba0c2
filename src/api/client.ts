// The one place the console talks to the network (apart from the boot script's early reads,
// early-responses.ts, whose answers it claims). Every call gets the base URL, the bearer token, a
// request id, JSON in/out and a zod-checked response; every failure becomes an ApiError so the UI
// has exactly one error shape to handle.
// Any zod 4 schema (the shared ones are zod/mini); parsed with mini's function, not a method.
import { safeParse } from 'zod/mini';
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core';
import { claimEarlyResponse, untilAborted } from './early-responses';
import { expandOf, newRequestId, requestHeaders, requestUrl, type ApiGet, type QueryValue } from './request-url';
import { ErrorBodySchema, type FieldError } from './schemas';
import { getSessionToken } from './session';

export { apiPath, encodeQuery, EXPAND_PERMISSIONS, getApiBaseUrl, newRequestId, type ApiGet, type QueryValue } from './request-url';

/** Codes the client produces itself, on top of the API's error codes (`/api/openapi.json`). */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'http_error';

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: FieldError[];
  requestId?: string | undefined;
  cause?: unknown;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got a response (network failure). */
  readonly status: number;
  /** The API's error code (`not_found`, `conflict`, …) or a ClientErrorCode. */
  readonly code: string;
  /** Field errors (`{field, message}`): from a 400, or the schema paths of an invalid response. */
  readonly details: FieldError[];
  /** The server's X-Request-ID, else the X-Client-Request-ID we sent: quote it to support. */
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }
}

// Every query and mutation error is an ApiError (fetchers go through apiRequest, which wraps
// every failure), so TanStack Query types `error` as one: `query.error?.status === 404`.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** For values that may be anything (a rejected Promise.allSettled reason, a caught error). */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * A sensible `retry` for QueryClient defaults: retry network failures and 5xx twice,
 * never 4xx (retrying a 404 or 403 only delays the message) nor an invalid response.
 */
export function shouldRetryRequest(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500;
}

// ---------- the 401 reaction ----------

/** `token` is the one the failed request sent: a 401 for an old token must not end a newer session. */
export type UnauthorizedHandler = (error: ApiError, request: { token: string | null }) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/**
 * Register the single 401 reaction (sign out, back to sign-in). Returns an unregister
 * function that only removes this handler, so a stale cleanup cannot remove a newer one.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  /** Sent as `expand[]=…`. Defaults to ['permissions'] for GET: every read asks for the map. */
  expand?: readonly string[];
  /** JSON-encoded request body. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Which bearer token to send: the session's (default), an explicit one (verifying a
   * pasted token before keeping it), or none (public endpoints).
   */
  token?: string | null;
  /** Whether a 401 calls the registered unauthorized handler. Default: only when using the session token. */
  handleUnauthorized?: boolean;
}

// ---------- response handling ----------

const STATUS_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You are not signed in, or your session has expired.',
  403: 'You do not have permission to do that.',
  404: 'Not found.',
  409: 'That conflicts with something that already exists.',
  413: 'The request is too large.',
  415: 'The request was not sent as JSON.',
  429: 'Too many requests. Wait a moment and try again.',
};

function fallbackError(response: Response, requestId: string | undefined): ApiError {
  const { status } = response;
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'http_error');
  // Never echo a non-JSON body: it may be a proxy's HTML page or an internal message.
  const message =
    STATUS_MESSAGES[status] ??
    (status >= 500
      ? `The server had a problem (${status}). Try again in a moment.`
      : `The request failed (${status}${response.statusText ? ` ${response.statusText}` : ''}).`);
  return new ApiError({ status, code, message, requestId });
}

/** `headerRequestId` wins over the body's request_id, which wins over the id we sent. */
function errorFromBody(
  response: Response,
  body: unknown,
  headerRequestId: string | undefined,
  clientRequestId: string,
): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  const requestId = headerRequestId ?? clientRequestId;
  if (parsed.success) {
    return new ApiError({
      status: response.status,
      code: parsed.data.code,
      message: parsed.data.message,
      details: parsed.data.details,
      requestId: headerRequestId ?? parsed.data.request_id ?? clientRequestId,
    });
  }
  // OAuth endpoints answer RFC 6749 style: {"error": "invalid_client"}.
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
    const fallback = fallbackError(response, requestId);
    return new ApiError({ status: response.status, code: body.error, message: fallback.message, requestId });
  }
  return fallbackError(response, requestId);
}

/** `items[3].created_at` from zod's path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function invalidResponse(
  description: string,
  response: Response,
  requestId: string | undefined,
  issues: { path: readonly PropertyKey[]; message: string }[],
  cause?: unknown,
): ApiError {
  const details = issues.map((issue) => ({ field: formatIssuePath(issue.path), message: issue.message }));
  const summary = details
    .slice(0, 3)
    .map((d) => `${d.field}: ${d.message}`)
    .join('; ');
  return new ApiError({
    status: response.status,
    code: 'invalid_response',
    message: `Unexpected response from ${description}${summary ? ` (${summary})` : ''}`,
    details,
    requestId,
    cause,
  });
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false; text: string }> {
  const text = await response.text();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, text };
  }
}

// ---------- the request ----------

/**
 * Calls the API and returns the body parsed by `schema`; with no schema the body is
 * ignored (204 endpoints). Throws ApiError for every failure except an abort, which
 * is rethrown as-is so TanStack Query treats it as a cancellation.
 */
export function apiRequest<S extends $ZodType>(
  path: string,
  options: ApiRequestOptions & { schema: S },
): Promise<output<S>>;
export function apiRequest(path: string, options?: ApiRequestOptions & { schema?: undefined }): Promise<void>;
export async function apiRequest(
  path: string,
  options: ApiRequestOptions & { schema?: $ZodType } = {},
): Promise<unknown> {
  const method = options.method ?? 'GET';
  const url = requestUrl(path, options.query, expandOf(method, options.expand));
  const description = `${method} ${path}`;

  const usesSessionToken = options.token === undefined;
  const token = usesSessionToken ? getSessionToken() : options.token;
  // The first page's reads were sent by src/boot.ts before this code had loaded: take that answer.
  const early = method === 'GET' && usesSessionToken ? claimEarlyResponse(url, token) : undefined;
  const clientRequestId = early?.requestId ?? newRequestId();
  const headers = requestHeaders(clientRequestId, token);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await (early
      ? untilAborted(early.response, options.signal)
      : fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
        }));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the API. Check your connection and try again.',
      requestId: clientRequestId,
      cause: error,
    });
  }

  const requestId = response.headers.get('X-Request-ID') ?? undefined;
  const read = await readJson(response).catch((error: unknown) => {
    if (options.signal?.aborted) throw error;
    throw new ApiError({
      status: response.status,
      code: 'network_error',
      message: 'The connection dropped while reading the response.',
      requestId: requestId ?? clientRequestId,
      cause: error,
    });
  });

  if (!response.ok) {
    const error = read.ok
      ? errorFromBody(response, read.value, requestId, clientRequestId)
      : fallbackError(response, requestId ?? clientRequestId);
    if (response.status === 401 && (options.handleUnauthorized ?? usesSessionToken)) {
      unauthorizedHandler?.(error, { token: token ?? null });
    }
    throw error;
  }

  if (!options.schema) return undefined;
  if (!read.ok) {
    throw invalidResponse(description, response, requestId ?? clientRequestId, [
      { path: [], message: 'The body is not JSON' },
    ]);
  }
  const parsed = safeParse(options.schema, read.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path, message: describeIssue(issue) }));
    throw invalidResponse(description, response, requestId ?? clientRequestId, issues, parsed.error);
  }
  return parsed.data;
}

/**
 * zod/mini ships no messages (each issue says "Invalid input") and full zod's English ones would
 * cost the first page a kilobyte; what a response got wrong is in the issue's own fields.
 */
function describeIssue(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_format':
      return `expected ${issue.format}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Sends a read built in read-requests.ts and parses its answer with `schema`. */
export function apiGet<S extends $ZodType>(
  request: ApiGet,
  options: Pick<ApiRequestOptions, 'signal' | 'token'> & { schema: S },
): Promise<output<S>> {
  return apiRequest(request.path, { ...options, query: request.query, expand: request.expand });
}
