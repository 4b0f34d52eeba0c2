import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from './database';
import { getMeta } from './migrations';

/** A keyset position: the sort key of one row. */
export interface Position {
  createdAt: string;
  id: string;
}

const MAC_BYTES = 16;
const MAX_CURSOR_LENGTH = 512;
const keys = new WeakMap<Db, Buffer>();

function cursorKey(db: Db): Buffer {
  let key = keys.get(db);
  if (!key) {
    const hex = getMeta(db, 'cursor_key');
    if (!hex) throw new Error('cursor_key missing: database not migrated');
    key = Buffer.from(hex, 'hex');
    keys.set(db, key);
  }
  return key;
}

// The scope (which list, whose rows) is part of the MAC so a cursor from one list is rejected by another.
function mac(db: Db, scope: string, payload: Buffer): Buffer {
  return createHmac('sha256', cursorKey(db)).update(scope).update('\n').update(payload).digest().subarray(0, MAC_BYTES);
}

/** Opaque, signed, URL-safe: clients cannot forge or edit a position. */
export function encodeCursor(db: Db, scope: string, position: Position): string {
  const payload = Buffer.from(JSON.stringify([position.createdAt, position.id]));
  return Buffer.concat([mac(db, scope, payload), payload]).toString('base64url');
}

/** Returns undefined for anything this server did not issue for this scope. */
export function decodeCursor(db: Db, scope: string, cursor: string): Position | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= MAC_BYTES) return undefined;
  const payload = bytes.subarray(MAC_BYTES);
  if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), mac(db, scope, payload))) return undefined;
  try {
    const value: unknown = JSON.parse(payload.toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through: a signed payload that is not ours is still rejected
  }
  return undefined;
}
