import { stmt, type Db } from './database';

export type TokenOwner =
  | { kind: 'person'; personId: string }
  | { kind: 'credential'; credentialId: string; serviceAccountId: string; organizationId: string };

interface OwnerRow {
  person_id: string | null;
  credential_id: string | null;
  service_account_id: string | null;
  organization_id: string | null;
}

/** The owner of a live (known, unexpired) token; undefined otherwise. */
export function findTokenOwner(db: Db, tokenHash: Buffer, now: string): TokenOwner | undefined {
  const row = stmt(
    db,
    `SELECT t.person_id, t.credential_id, c.service_account_id, sa.organization_id
     FROM access_tokens t
     LEFT JOIN credentials c ON c.id = t.credential_id
     LEFT JOIN service_accounts sa ON sa.id = c.service_account_id
     WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?)`,
  ).get(tokenHash, now) as OwnerRow | undefined;
  if (!row) return undefined;
  if (row.person_id) return { kind: 'person', personId: row.person_id };
  if (row.credential_id && row.service_account_id && row.organization_id) {
    return {
      kind: 'credential',
      credentialId: row.credential_id,
      serviceAccountId: row.service_account_id,
      organizationId: row.organization_id,
    };
  }
  return undefined;
}

export function insertPersonToken(db: Db, tokenHash: Buffer, personId: string, now: string): void {
  stmt(db, `INSERT OR IGNORE INTO access_tokens (token_hash, person_id, created_at) VALUES (?, ?, ?)`).run(
    tokenHash,
    personId,
    now,
  );
}

export function insertCredentialToken(
  db: Db,
  tokenHash: Buffer,
  credentialId: string,
  now: string,
  expiresAt: string,
): void {
  stmt(
    db,
    `INSERT INTO access_tokens (token_hash, credential_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
  ).run(tokenHash, credentialId, now, expiresAt);
}

export function deleteExpiredTokens(db: Db, now: string): void {
  stmt(db, `DELETE FROM access_tokens WHERE expires_at IS NOT NULL AND expires_at <= ?`).run(now);
}

/** Removes one token (by hash); returns the person it belonged to, if any. */
export function deletePersonToken(db: Db, tokenHash: Buffer): string | undefined {
  const row = stmt(db, `DELETE FROM access_tokens WHERE token_hash = ? AND person_id IS NOT NULL RETURNING person_id`).get(
    tokenHash,
  ) as { person_id: string } | undefined;
  return row?.person_id;
}
