import { describe, expect, it } from 'vitest';
import { testClock } from '../test/harness';
import { RateLimiter } from './rate-limit';

const options = { perClient: 3, perClientAllAddresses: 6, perAddress: 10, windowMs: 60_000 };

describe('RateLimiter (token endpoint failures)', () => {
  it('limits a client after its failures from one address, until the window passes', () => {
    const time = testClock();
    const limiter = new RateLimiter(options, time.clock);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.retryAfterSeconds('sac_a', '10.0.0.1')).toBe(0);
      limiter.recordFailure('sac_a', '10.0.0.1');
    }
    expect(limiter.retryAfterSeconds('sac_a', '10.0.0.1')).toBe(60);
    time.advance(60_000);
    expect(limiter.retryAfterSeconds('sac_a', '10.0.0.1')).toBe(0);
  });

  it('does not let bad guesses from one address lock the client out everywhere', () => {
    const limiter = new RateLimiter(options, testClock().clock);
    for (let i = 0; i < 5; i += 1) limiter.recordFailure('sac_victim', '203.0.113.9');
    expect(limiter.retryAfterSeconds('sac_victim', '203.0.113.9')).toBeGreaterThan(0);
    // The client's real deployment, elsewhere, still gets tokens.
    expect(limiter.retryAfterSeconds('sac_victim', '10.0.0.1')).toBe(0);
  });

  it('caps guesses at one client_id spread over many addresses, but not addresses that never failed', () => {
    const limiter = new RateLimiter(options, testClock().clock);
    for (let a = 1; a <= 6; a += 1) limiter.recordFailure('sac_victim', `198.51.100.${a}`);
    // Under attack: an address that has failed for it once is refused; one that never failed is not.
    for (let a = 1; a <= 6; a += 1) expect(limiter.retryAfterSeconds('sac_victim', `198.51.100.${a}`)).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('sac_victim', '10.0.0.1')).toBe(0);
    expect(limiter.retryAfterSeconds('sac_other', '198.51.100.1')).toBe(0);
  });

  it('lets requests without credentials from an address never lock out a client there', () => {
    const limiter = new RateLimiter(options, testClock().clock);
    for (let i = 0; i < 50; i += 1) limiter.recordFailure(undefined, '192.0.2.1');
    expect(limiter.retryAfterSeconds(undefined, '192.0.2.1')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('sac_neighbour', '192.0.2.1')).toBe(0);
  });

  it('limits an address spraying many client_ids to one failure per client_id, and a success does not clear that', () => {
    const limiter = new RateLimiter(options, testClock().clock);
    for (let i = 0; i < 10; i += 1) limiter.recordFailure(`sac_${i}`, '198.51.100.7');
    limiter.recordSuccess('sac_good', '198.51.100.7');
    for (let i = 0; i < 10; i += 1) expect(limiter.retryAfterSeconds(`sac_${i}`, '198.51.100.7')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('sac_new', '198.51.100.7')).toBe(0);
    limiter.recordFailure('sac_new', '198.51.100.7');
    expect(limiter.retryAfterSeconds('sac_new', '198.51.100.7')).toBeGreaterThan(0);
  });

  it('clears a client’s count on success from the same address', () => {
    const limiter = new RateLimiter(options, testClock().clock);
    for (let i = 0; i < 2; i += 1) limiter.recordFailure('sac_a', '10.0.0.1');
    limiter.recordSuccess('sac_a', '10.0.0.1');
    for (let i = 0; i < 2; i += 1) limiter.recordFailure('sac_a', '10.0.0.1');
    expect(limiter.retryAfterSeconds('sac_a', '10.0.0.1')).toBe(0);
  });
});
