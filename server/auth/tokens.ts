import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId } from '../lib/ids';

/** 32 random bytes = 256 bits, the API's minimum for a secret. */
const SECRET_BYTES = 32;

// Prefixes make a leaked value recognisable (and greppable by secret scanners).
export const newClientId = (): string => `sac_${newId()}`;
export const newClientSecret = (): string => `sacs_${randomBytes(SECRET_BYTES).toString('base64url')}`;
export const newAccessToken = (): string => `sat_${randomBytes(SECRET_BYTES).toString('base64url')}`;

/**
 * SHA-256 is enough here (no slow KDF): every secret and token we hash carries 256 bits of
 * randomness, so there is nothing for a dictionary attack to guess.
 */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

// Compared against when the client_id is unknown, so both paths do the same work.
const DECOY_HASH = hashSecret(newClientSecret());

/** Constant-time check of a presented secret against a stored hash (or the decoy when there is none). */
export function secretMatches(secret: string, storedHash: Buffer | undefined): boolean {
  const expected = storedHash ?? DECOY_HASH;
  const actual = hashSecret(secret);
  return actual.length === expected.length && timingSafeEqual(actual, expected) && storedHash !== undefined;
}
