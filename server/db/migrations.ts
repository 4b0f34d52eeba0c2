import { randomBytes } from 'node:crypto';
import { stmt, type Db } from './database';

type Migration = (db: Db) => void;

// Append only: a database records how many of these it has applied in `PRAGMA user_version`.
const MIGRATIONS: Migration[] = [
  (db) => {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        label TEXT UNIQUE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX organizations_page ON organizations (created_at, id);

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE memberships (
        person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('org_admin', 'sa_operator', 'org_viewer')),
        created_at TEXT NOT NULL,
        PRIMARY KEY (person_id, organization_id)
      ) STRICT;
      CREATE INDEX memberships_organization ON memberships (organization_id);

      -- name_key is the case-folded name: the unique index makes duplicate names a
      -- constraint violation even when two requests race.
      CREATE TABLE service_accounts (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        description TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (organization_id, name_key)
      ) STRICT;
      CREATE INDEX service_accounts_page ON service_accounts (organization_id, created_at, id);

      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        service_account_id TEXT NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
        client_id TEXT NOT NULL UNIQUE,
        secret_hash BLOB NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        created_at TEXT NOT NULL,
        last_used_at TEXT
      ) STRICT;
      CREATE INDEX credentials_page ON credentials (service_account_id, created_at, id);

      -- Bearer tokens, stored as SHA-256 hashes: a person's token, or one issued to a credential
      -- by the token endpoint (which dies with the credential through the cascade).
      CREATE TABLE access_tokens (
        token_hash BLOB PRIMARY KEY,
        person_id TEXT REFERENCES people (id) ON DELETE CASCADE,
        credential_id TEXT REFERENCES credentials (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        CHECK ((person_id IS NULL) <> (credential_id IS NULL))
      ) STRICT;
      CREATE INDEX access_tokens_person ON access_tokens (person_id);
      CREATE INDEX access_tokens_credential ON access_tokens (credential_id);
      CREATE INDEX access_tokens_expiry ON access_tokens (expires_at) WHERE expires_at IS NOT NULL;
    `);
    // Signs pagination cursors; kept in the database so cursors survive restarts.
    stmt(db, `INSERT INTO meta (key, value) VALUES ('cursor_key', ?)`).run(randomBytes(32).toString('hex'));
  },
  // Extensions `usage` and `audit_events` (issue 10).
  (db) => {
    db.exec(`
      -- Uses per credential per hour and per day (start = the bucket's first instant, UTC).
      -- Pruned by db/usage.ts: hours after 14 days, days after 400.
      CREATE TABLE credential_usage (
        credential_id TEXT NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
        bucket TEXT NOT NULL CHECK (bucket IN ('hour', 'day')),
        start TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (credential_id, bucket, start)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX credential_usage_expiry ON credential_usage (bucket, start);

      -- Where the latest successful token exchange of each credential came from.
      CREATE TABLE credential_usage_sources (
        credential_id TEXT PRIMARY KEY REFERENCES credentials (id) ON DELETE CASCADE,
        ip TEXT NOT NULL,
        user_agent TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      -- Append only: no API changes or deletes a row, and no foreign key to the target, so the
      -- history of a deleted service account or credential stays.
      CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        actor_type TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        target_name TEXT NOT NULL,
        target_service_account_id TEXT,
        changes TEXT,
        request_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_page ON audit_events (organization_id, created_at, id);
      CREATE INDEX audit_events_target ON audit_events (target_id, created_at, id);
      CREATE INDEX audit_events_actor ON audit_events (organization_id, actor_id, created_at, id);
      CREATE INDEX audit_events_action ON audit_events (organization_id, action, created_at, id);
    `);
  },
];

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`Database schema version ${current} is newer than this server (${MIGRATIONS.length}).`);
  }
  MIGRATIONS.slice(current).forEach((migration, index) => {
    db.transaction(() => {
      migration(db);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = stmt(db, `SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value;
}
