import { randomBytes } from 'node:crypto';
import { stmt, type Db } from './database';
import { nameKey } from './service-accounts';

type Migration = (db: Db) => void;

/**
 * Extensions `org_credentials` and `service_account_query`: one organization's credentials in any
 * order without visiting its service accounts. Copies that triggers keep right (so every insert
 * path, the seed included, gets them): each credential's organization and service-account name,
 * each service account's latest credential use, and a trigram full-text index for `q` (a
 * substring search that a B-tree cannot answer: LIKE '%x%' over 300,000 rows took seconds).
 * The FTS rows share the credential's rowid; nothing here runs VACUUM, which could renumber it.
 */
function orgWideCredentials(db: Db): void {
  db.exec(`
    ALTER TABLE credentials ADD COLUMN organization_id TEXT;
    ALTER TABLE credentials ADD COLUMN service_account_name TEXT;
    UPDATE credentials SET (organization_id, service_account_name) =
      (SELECT organization_id, name FROM service_accounts sa WHERE sa.id = credentials.service_account_id);
    ALTER TABLE service_accounts ADD COLUMN last_used_at TEXT;
    UPDATE service_accounts SET last_used_at =
      (SELECT max(last_used_at) FROM credentials c WHERE c.service_account_id = service_accounts.id);

    -- Sort keys as (virtual, computed on read) columns rather than expressions: SQLite seeks an
    -- index to a keyset position (sort, id) only over columns. Never used sorts as the oldest
    -- use (''); names sort case-insensitively (ASCII, as COLLATE NOCASE).
    ALTER TABLE credentials ADD COLUMN last_used_key TEXT GENERATED ALWAYS AS (ifnull(last_used_at, '')) VIRTUAL;
    ALTER TABLE credentials ADD COLUMN name_key TEXT GENERATED ALWAYS AS (lower(name)) VIRTUAL;
    ALTER TABLE credentials ADD COLUMN service_account_name_key TEXT GENERATED ALWAYS AS (lower(service_account_name)) VIRTUAL;
    ALTER TABLE service_accounts ADD COLUMN last_used_key TEXT GENERATED ALWAYS AS (ifnull(last_used_at, '')) VIRTUAL;

    -- One index per sort, ties by id. Each also carries the filtered times, so walking it tests
    -- the filters without reading the rows.
    CREATE INDEX credentials_org_created ON credentials (organization_id, created_at, id, last_used_at);
    CREATE INDEX credentials_org_last_used ON credentials (organization_id, last_used_key, id, last_used_at, created_at);
    CREATE INDEX credentials_org_name ON credentials (organization_id, name_key, id, last_used_at, created_at);
    CREATE INDEX credentials_org_sa_name ON credentials (organization_id, service_account_name_key, id, last_used_at, created_at);
    -- Covers the stats' range counts and finds the rows of narrow time filters.
    CREATE INDEX credentials_org_use ON credentials (organization_id, last_used_at, created_at);
    CREATE INDEX service_accounts_org_name ON service_accounts (organization_id, name_key, id);
    CREATE INDEX service_accounts_org_last_used ON service_accounts (organization_id, last_used_key, id);

    CREATE VIRTUAL TABLE credentials_search USING fts5(
      name, description, client_id, service_account_name, tokenize = 'trigram'
    );
    INSERT INTO credentials_search (rowid, name, description, client_id, service_account_name)
      SELECT rowid, name, ifnull(description, ''), client_id, service_account_name FROM credentials;

    -- insertCredential fills the copies in its INSERT; any other insert gets them here, and that
    -- UPDATE fires credentials_after_text_update, which adds the search row.
    CREATE TRIGGER credentials_after_insert_fill AFTER INSERT ON credentials
      WHEN NEW.organization_id IS NULL OR NEW.service_account_name IS NULL BEGIN
      UPDATE credentials SET (organization_id, service_account_name) =
        (SELECT organization_id, name FROM service_accounts WHERE id = NEW.service_account_id)
        WHERE rowid = NEW.rowid;
    END;
    CREATE TRIGGER credentials_after_insert AFTER INSERT ON credentials BEGIN
      INSERT INTO credentials_search (rowid, name, description, client_id, service_account_name)
        SELECT NEW.rowid, NEW.name, ifnull(NEW.description, ''), NEW.client_id, NEW.service_account_name
        WHERE NEW.service_account_name IS NOT NULL;
      UPDATE service_accounts SET last_used_at = NEW.last_used_at
        WHERE id = NEW.service_account_id AND NEW.last_used_at IS NOT NULL
        AND (last_used_at IS NULL OR last_used_at < NEW.last_used_at);
    END;
    CREATE TRIGGER credentials_after_text_update AFTER UPDATE OF name, description, service_account_name ON credentials BEGIN
      DELETE FROM credentials_search WHERE rowid = OLD.rowid;
      INSERT INTO credentials_search (rowid, name, description, client_id, service_account_name)
        VALUES (NEW.rowid, NEW.name, ifnull(NEW.description, ''), NEW.client_id, ifnull(NEW.service_account_name, ''));
    END;
    CREATE TRIGGER credentials_after_use AFTER UPDATE OF last_used_at ON credentials BEGIN
      UPDATE service_accounts SET last_used_at = NEW.last_used_at
        WHERE id = NEW.service_account_id AND NEW.last_used_at IS NOT NULL
        AND (last_used_at IS NULL OR last_used_at < NEW.last_used_at);
    END;
    CREATE TRIGGER credentials_after_delete AFTER DELETE ON credentials BEGIN
      DELETE FROM credentials_search WHERE rowid = OLD.rowid;
      UPDATE service_accounts SET last_used_at =
        (SELECT max(last_used_at) FROM credentials WHERE service_account_id = OLD.service_account_id)
        WHERE id = OLD.service_account_id AND OLD.last_used_at IS NOT NULL;
    END;
    -- The same for the service-account list's q (name, description, id).
    CREATE VIRTUAL TABLE service_accounts_search USING fts5(name, description, id, tokenize = 'trigram');
    INSERT INTO service_accounts_search (rowid, name, description, id)
      SELECT rowid, name, ifnull(description, ''), id FROM service_accounts;
    CREATE TRIGGER service_accounts_after_insert AFTER INSERT ON service_accounts BEGIN
      INSERT INTO service_accounts_search (rowid, name, description, id)
        VALUES (NEW.rowid, NEW.name, ifnull(NEW.description, ''), NEW.id);
    END;
    CREATE TRIGGER service_accounts_after_text_update AFTER UPDATE OF name, description ON service_accounts BEGIN
      DELETE FROM service_accounts_search WHERE rowid = OLD.rowid;
      INSERT INTO service_accounts_search (rowid, name, description, id)
        VALUES (NEW.rowid, NEW.name, ifnull(NEW.description, ''), NEW.id);
    END;
    CREATE TRIGGER service_accounts_after_delete AFTER DELETE ON service_accounts BEGIN
      DELETE FROM service_accounts_search WHERE rowid = OLD.rowid;
    END;
    CREATE TRIGGER service_accounts_after_rename AFTER UPDATE OF name ON service_accounts
      WHEN NEW.name IS NOT OLD.name BEGIN
      UPDATE credentials SET service_account_name = NEW.name WHERE service_account_id = NEW.id;
    END;
  `);
}

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
  orgWideCredentials,
];

/** `target`: stop at that version (tests use it to build a database as an older server left it). */
export function migrate(db: Db, target = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`Database schema version ${current} is newer than this server (${MIGRATIONS.length}).`);
  }
  MIGRATIONS.slice(current, Math.max(current, target)).forEach((migration, index) => {
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
