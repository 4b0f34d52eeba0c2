import type { Clock } from '../lib/clock';

export interface RateLimitOptions {
  /** Failures allowed per (remote address, client_id) within the window. */
  perClient: number;
  /**
   * Failures for one client_id, all addresses together, after which the client counts as under a
   * distributed attack: from then on an address that has failed for it is refused at once.
   */
  perClientAllAddresses: number;
  /**
   * Failures from one address, all client_ids together (or none), after which the address counts
   * as spraying: from then on each (address, client_id) it has failed for is refused at once.
   */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_TOKEN_RATE_LIMIT: RateLimitOptions = {
  perClient: 10,
  perClientAllAddresses: 100,
  perAddress: 50,
  windowMs: 5 * 60_000,
};

const MAX_TRACKED_KEYS = 30_000;

// A request without usable client credentials is its own "client": it never counts against a real one.
const NO_CLIENT = '\u0000none';
const pairKey = (clientId: string, address: string) => `pair:${address}\u0000${clientId}`;
const clientKey = (clientId: string) => `client:${clientId}`;
const addressKey = (address: string) => `addr:${address}`;

interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Counts failed token exchanges in fixed windows. The rules (README "Token endpoint limits"):
 * - a client_id refuses an address after `perClient` failures from that address;
 * - once a client_id has `perClientAllAddresses` failures from anywhere, or an address has
 *   `perAddress` failures for anything, one failure is enough: every (address, client_id) pair
 *   with a failure in the window is refused;
 * - nothing else is ever refused. In particular an address that has not failed for a client_id
 *   always gets its secret checked, so neither a neighbour behind the same address nor strangers
 *   guessing elsewhere can lock a working client out.
 * In memory: a restart forgets it, which costs an attacker one window at most, and keeps the hot
 * path free of writes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly options: RateLimitOptions;
  private readonly clock: Clock;

  constructor(options: RateLimitOptions, clock: Clock) {
    this.options = options;
    this.clock = clock;
  }

  /** Seconds until this address may try this client_id again, or 0 when its secret gets checked. */
  retryAfterSeconds(clientId: string | undefined, address: string): number {
    const now = this.clock().getTime();
    const client = clientId ?? NO_CLIENT;
    const pair = this.live(pairKey(client, address), now);
    if (!pair) return 0;
    const underAttack =
      (clientId !== undefined && (this.live(clientKey(clientId), now)?.failures ?? 0) >= this.options.perClientAllAddresses) ||
      (this.live(addressKey(address), now)?.failures ?? 0) >= this.options.perAddress;
    if (pair.failures < (underAttack ? 1 : this.options.perClient)) return 0;
    return Math.max(1, Math.ceil((pair.startedAt + this.options.windowMs - now) / 1000));
  }

  recordFailure(clientId: string | undefined, address: string): void {
    const now = this.clock().getTime();
    if (this.windows.size >= MAX_TRACKED_KEYS - 3) this.prune(now);
    const keys = [pairKey(clientId ?? NO_CLIENT, address), addressKey(address)];
    if (clientId !== undefined) keys.push(clientKey(clientId));
    for (const key of keys) {
      const w = this.live(key, now) ?? { failures: 0, startedAt: now };
      w.failures += 1;
      this.windows.set(key, w);
    }
  }

  /** A correct secret clears that pair's count (not the address's or the client's totals). */
  recordSuccess(clientId: string, address: string): void {
    this.windows.delete(pairKey(clientId, address));
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
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED_KEYS - 3) break;
      this.windows.delete(key);
    }
  }
}
