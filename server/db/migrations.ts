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

/**
 * Extension `org_credentials`, the stats at 300,000 credentials: counts per organization and UTC
 * day, kept by triggers (so every write path, the seed and cascading deletes included, keeps
 * them), instead of counting index ranges of the whole organization on every request.
 * `kind`: 'created' counts every credential by the day it was created; 'used' counts used ones by
 * the day of their last use; 'never' counts never-used ones by the day they were created. A
 * count "at or after an instant" is then the sum of the later days plus an index range within
 * the instant's own day (db/credential-stats.ts). The token endpoint's update of last_used_at
 * touches the counts only when the day of the last use changes, at most once a day per credential.
 */
function credentialDayCounts(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS credential_day_counts (
      organization_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('created', 'used', 'never')),
      day TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (organization_id, kind, day)
    ) STRICT, WITHOUT ROWID;
    DELETE FROM credential_day_counts;
    INSERT INTO credential_day_counts (organization_id, kind, day, count)
      SELECT organization_id, 'created', substr(created_at, 1, 10), count(*) FROM credentials
        WHERE organization_id IS NOT NULL GROUP BY 1, 3;
    INSERT INTO credential_day_counts (organization_id, kind, day, count)
      SELECT organization_id, 'used', substr(last_used_at, 1, 10), count(*) FROM credentials
        WHERE organization_id IS NOT NULL AND last_used_at IS NOT NULL GROUP BY 1, 3;
    INSERT INTO credential_day_counts (organization_id, kind, day, count)
      SELECT organization_id, 'never', substr(created_at, 1, 10), count(*) FROM credentials
        WHERE organization_id IS NOT NULL AND last_used_at IS NULL GROUP BY 1, 3;

    DROP TRIGGER IF EXISTS credentials_count_insert;
    DROP TRIGGER IF EXISTS credentials_count_update;
    DROP TRIGGER IF EXISTS credentials_count_delete;
    CREATE TRIGGER credentials_count_insert AFTER INSERT ON credentials
      WHEN NEW.organization_id IS NOT NULL BEGIN
      INSERT INTO credential_day_counts (organization_id, kind, day, count) VALUES
        (NEW.organization_id, 'created', substr(NEW.created_at, 1, 10), 1),
        (NEW.organization_id, iif(NEW.last_used_at IS NULL, 'never', 'used'), substr(ifnull(NEW.last_used_at, NEW.created_at), 1, 10), 1)
        ON CONFLICT DO UPDATE SET count = count + 1;
    END;
    -- Also the copy of the organization filled in after an insert (credentials_after_insert_fill).
    CREATE TRIGGER credentials_count_update AFTER UPDATE OF organization_id, created_at, last_used_at ON credentials
      WHEN OLD.organization_id IS NOT NEW.organization_id OR OLD.created_at IS NOT NEW.created_at
        OR substr(OLD.last_used_at, 1, 10) IS NOT substr(NEW.last_used_at, 1, 10) BEGIN
      UPDATE credential_day_counts SET count = count - 1
        WHERE organization_id = OLD.organization_id AND kind = 'created' AND day = substr(OLD.created_at, 1, 10);
      UPDATE credential_day_counts SET count = count - 1
        WHERE organization_id = OLD.organization_id AND kind = iif(OLD.last_used_at IS NULL, 'never', 'used')
        AND day = substr(ifnull(OLD.last_used_at, OLD.created_at), 1, 10);
      INSERT INTO credential_day_counts (organization_id, kind, day, count)
        SELECT NEW.organization_id, 'created', substr(NEW.created_at, 1, 10), 1 WHERE NEW.organization_id IS NOT NULL
        ON CONFLICT DO UPDATE SET count = count + 1;
      INSERT INTO credential_day_counts (organization_id, kind, day, count)
        SELECT NEW.organization_id, iif(NEW.last_used_at IS NULL, 'never', 'used'), substr(ifnull(NEW.last_used_at, NEW.created_at), 1, 10), 1
          WHERE NEW.organization_id IS NOT NULL
        ON CONFLICT DO UPDATE SET count = count + 1;
    END;
    CREATE TRIGGER credentials_count_delete AFTER DELETE ON credentials
      WHEN OLD.organization_id IS NOT NULL BEGIN
      UPDATE credential_day_counts SET count = count - 1
        WHERE organization_id = OLD.organization_id AND kind = 'created' AND day = substr(OLD.created_at, 1, 10);
      UPDATE credential_day_counts SET count = count - 1
        WHERE organization_id = OLD.organization_id AND kind = iif(OLD.last_used_at IS NULL, 'never', 'used')
        AND day = substr(ifnull(OLD.last_used_at, OLD.created_at), 1, 10);
    END;
  `);
}

/**
 * The stats of a broad `q` (one the trigram index would return tens of thousands of rows for):
 * credentials_org_use also carries the searched text, so they are one pass over that index with
 * LIKE, never a read of the credential rows. Same leading columns as before, so its other uses
 * (narrow time filters, the range counts of the stats) are unchanged.
 */
function searchableUseIndex(db: Db): void {
  db.exec(`
    DROP INDEX IF EXISTS credentials_org_use;
    CREATE INDEX credentials_org_use ON credentials
      (organization_id, last_used_at, created_at, name, client_id, service_account_name, description);
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
  // Extensions `usage` and `audit_events` (issue 10).
  (db) => {
    db.exec(`
      -- Uses per credential per hour and per day (start = the bucket's first instant, UTC).
      -- Pruned by db/usage.ts: hours after 14 days, days after 400.
      CREATE TABLE IF NOT EXISTS credential_usage (
        credential_id TEXT NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
        bucket TEXT NOT NULL CHECK (bucket IN ('hour', 'day')),
        start TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (credential_id, bucket, start)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS credential_usage_expiry ON credential_usage (bucket, start);

      -- Append only: no API changes or deletes a row, and no foreign key to the target, so the
      -- history of a deleted service account or credential stays.
      CREATE TABLE IF NOT EXISTS audit_events (
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
      CREATE INDEX IF NOT EXISTS audit_events_page ON audit_events (organization_id, created_at, id);
      CREATE INDEX IF NOT EXISTS audit_events_target ON audit_events (target_id, created_at, id);
      CREATE INDEX IF NOT EXISTS audit_events_actor ON audit_events (organization_id, actor_id, created_at, id);
      CREATE INDEX IF NOT EXISTS audit_events_action ON audit_events (organization_id, action, created_at, id);
    `);
    // Where the latest recorded token exchange came from, on the credential's row: the token
    // endpoint already rewrites that row (last_used_at), so this adds no page to its commit.
    // Re-runnable like the statements above (a test replays migrations over a migrated database).
    const columns = new Set((db.pragma('table_info(credentials)') as { name: string }[]).map((c) => c.name));
    for (const column of ['last_used_ip', 'last_used_user_agent', 'last_used_source_at']) {
      if (!columns.has(column)) db.exec(`ALTER TABLE credentials ADD COLUMN ${column} TEXT`);
    }
  },
  // Issue 9, the org_credentials budgets at 300,000 credentials.
  (db) => {
    credentialDayCounts(db);
    searchableUseIndex(db);
  },
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
