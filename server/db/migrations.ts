import { randomBytes } from 'node:crypto';
import { stmt, type Db } from './database';
import { nameKey } from './service-accounts';

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
  // Name keys now use full case folding (ß = ss). Two names that already coexist and now fold to
  // the same key keep their old keys (OR IGNORE): nothing is renamed, and new duplicates are refused.
  (db) => {
    const rows = db.prepare(`SELECT id, name FROM service_accounts`).all() as { id: string; name: string }[];
    const update = db.prepare(`UPDATE OR IGNORE service_accounts SET name_key = ? WHERE id = ?`);
    for (const row of rows) update.run(nameKey(row.name), row.id);
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
    }).immediate();
  });
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = stmt(db, `SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value;
}
