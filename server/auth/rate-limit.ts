import type { Clock } from '../lib/clock';

export interface RateLimitOptions {
  /** Failures allowed per client_id from one remote address within the window. */
  perClient: number;
  /** Failures allowed per remote address within the window (catches sprays of made-up client_ids). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_TOKEN_RATE_LIMIT: RateLimitOptions = { perClient: 10, perAddress: 50, windowMs: 5 * 60_000 };

const MAX_TRACKED_KEYS = 10_000;

const clientKey = (clientId: string, address: string) => `client:${address}:${clientId}`;

interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Fixed-window counter of failed token exchanges. In memory: a restart forgets it, which costs an
 * attacker one window at most, and keeps the hot path free of writes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly options: RateLimitOptions;
  private readonly clock: Clock;

  constructor(options: RateLimitOptions, clock: Clock) {
    this.options = options;
    this.clock = clock;
  }

  /** Seconds until the caller may try again, or 0 when not limited. */
  retryAfterSeconds(clientId: string | undefined, address: string): number {
    const now = this.clock().getTime();
    let waitMs = 0;
    for (const [key, limit] of this.keys(clientId, address)) {
      const w = this.live(key, now);
      if (w && w.failures >= limit) waitMs = Math.max(waitMs, w.startedAt + this.options.windowMs - now);
    }
    return Math.ceil(waitMs / 1000);
  }

  recordFailure(clientId: string | undefined, address: string): void {
    const now = this.clock().getTime();
    if (this.windows.size >= MAX_TRACKED_KEYS) this.prune(now);
    for (const [key] of this.keys(clientId, address)) {
      const w = this.live(key, now) ?? { failures: 0, startedAt: now };
      w.failures += 1;
      this.windows.set(key, w);
    }
  }

  /** A correct secret clears the client's count (not the address's: one good client does not vouch for a spray). */
  recordSuccess(clientId: string, address: string): void {
    this.windows.delete(clientKey(clientId, address));
  }

  // A client's failures count per address: client_ids are no secret (every member of the org
  // can read them), so a count shared by all addresses would let anyone lock a working client
  // out of its tokens with a few bad guesses. With 256-bit secrets there is nothing to gain
  // from spreading guesses over addresses, and the per-address limit still caps sprays.
  private keys(clientId: string | undefined, address: string): [string, number][] {
    const keys: [string, number][] = [[`addr:${address}`, this.options.perAddress]];
    if (clientId) keys.push([clientKey(clientId, address), this.options.perClient]);
    return keys;
  }

  private live(key: string, now: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && now - w.startedAt >= this.options.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) {
      if (now - w.startedAt >= this.options.windowMs) this.windows.delete(key);
    }
    // Still full of live windows (a flood): forget the oldest rather than grow without bound.
    if (this.windows.size >= MAX_TRACKED_KEYS) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
  }
}
