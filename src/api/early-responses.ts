// Answers to the reads src/boot.ts sends for the page the console opens on, while the entry is
// still downloading and evaluating (issue 13). apiRequest claims one instead of asking again:
// same URL, same token, once. Free of zod, TanStack Query and React, like the boot script.
import { newRequestId, requestHeaders } from './request-url';

interface EarlyResponse {
  token: string;
  requestId: string;
  response: Promise<Response>;
}

const pending = new Map<string, EarlyResponse>();

/** An answer nobody claimed by then is dropped: a later read must not get such old data. */
export const EARLY_RESPONSE_TTL_MS = 10_000;

/** Sends a GET now (with the headers apiRequest would send), for apiRequest to claim later. */
export function sendEarlyRequest(url: string, token: string): void {
  if (pending.has(url)) return;
  const requestId = newRequestId();
  const response = fetch(url, { headers: requestHeaders(requestId, token) });
  // A failure is the claimer's to report; unclaimed, it must not surface as an unhandled rejection.
  response.catch(() => undefined);
  pending.set(url, { token, requestId, response });
  setTimeout(() => {
    if (pending.get(url)?.response === response) pending.delete(url);
  }, EARLY_RESPONSE_TTL_MS);
}

/** The early answer for this URL, if one was sent with this token; each is claimed at most once. */
export function claimEarlyResponse(
  url: string,
  token: string | null | undefined,
): { requestId: string; response: Promise<Response> } | undefined {
  const early = pending.get(url);
  if (!early) return undefined;
  pending.delete(url);
  return early.token === token ? early : undefined;
}

/** `promise`, or a rejection with the signal's reason once it aborts (an early fetch cannot be cancelled). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
