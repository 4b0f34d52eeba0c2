import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
// 252 is the largest multiple of 36 below 256: rejecting bytes >= 252 keeps every character equally likely.
const UNBIASED_LIMIT = 252;
export const ID_LENGTH = 26;
export const ID_PATTERN = /^[0-9a-z]{26}$/;

/** A 26-character lowercase alphanumeric id (~134 bits), the vendor's id format. */
export function newId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(32)) {
      if (byte < UNBIASED_LIMIT) id += ALPHABET[byte % 36];
      if (id.length === ID_LENGTH) break;
    }
  }
  return id;
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
