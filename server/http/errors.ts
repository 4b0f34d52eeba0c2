import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldError } from '../../src/api/schemas';

/** An error with a place in the API's error table (`/api/openapi.json`); anything else becomes a 500. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly details: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: { details?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  static notFound(what: string): ApiError {
    return new ApiError(404, 'not_found', `${what} not found`);
  }

  static invalid(message: string, details?: FieldError[]): ApiError {
    return new ApiError(400, 'invalid_request', message, details ? { details } : {});
  }

  static unauthenticated(message = 'Authentication required'): ApiError {
    return new ApiError(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
  }

  toBody(requestId: string): ErrorBody {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      request_id: requestId,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const internalError = (): ApiError => new ApiError(500, 'internal', 'Something went wrong on our side');

/** The database is locked by another process (e.g. `npm run seed`) for longer than a request waits. */
export const unavailableError = (): ApiError =>
  new ApiError(503, 'unavailable', 'The database is busy; try again shortly', { headers: { 'Retry-After': '1' } });
