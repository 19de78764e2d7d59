/**
 * The store's schema, versioned in code. `PRAGMA user_version` holds how many entries of
 * MIGRATIONS have been applied; each is applied in its own transaction, so a store is always at
 * exactly one version. Never edit a released migration: append a new one.
 *
 * Dates are ISO-8601 strings from Date#toISOString (UTC, fixed width), so `<` on the text is
 * `<` in time. DNS expiry is kept as epoch milliseconds because it is compared on every lookup.
 */

/**
 * Marks the file as ours (`PRAGMA application_id`, a 32-bit signed integer; 0x4d535750 is
 * "MSWP"), so `--store` pointed at another program's SQLite file is refused instead of migrated.
 */
export const APPLICATION_ID = 0x4d535750;

export const MIGRATIONS: readonly string[] = [
  // 1: DNS cache, suppression list, bounce events, sweep history.
  `
  CREATE TABLE dns_cache (
    domain     TEXT PRIMARY KEY,
    value      TEXT NOT NULL,     -- JSON
    expires_at INTEGER NOT NULL,  -- epoch ms
    stored_at  INTEGER NOT NULL   -- epoch ms
  ) WITHOUT ROWID;
  CREATE INDEX dns_cache_expires ON dns_cache (expires_at);

  CREATE TABLE suppression (
    key        TEXT PRIMARY KEY,  -- suppressionKey(address)
    address    TEXT NOT NULL,     -- as given
    reason     TEXT NOT NULL,
    category   TEXT,
    source     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    note       TEXT
  );

  CREATE TABLE bounce_events (
    fingerprint TEXT PRIMARY KEY,
    key         TEXT NOT NULL,
    address     TEXT NOT NULL,
    category    TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('hard', 'soft', 'sender')),
    at          TEXT NOT NULL,
    source      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX bounce_events_key ON bounce_events (key, severity, at);

  -- When an address was taken off the suppression list by hand: soft bounces dated before this
  -- no longer count, so re-applying an old log does not suppress it again at once.
  CREATE TABLE bounce_reset (
    key      TEXT PRIMARY KEY,
    reset_at TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE sweeps (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused after pruning
    list_id     TEXT NOT NULL,
    input_hash  TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    options     TEXT NOT NULL,  -- JSON
    counts      TEXT NOT NULL   -- JSON
  );
  CREATE INDEX sweeps_list ON sweeps (list_id, id);

  CREATE TABLE sweep_rejected (
    sweep_id INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
    key      TEXT NOT NULL,
    codes    TEXT NOT NULL
  );
  CREATE UNIQUE INDEX sweep_rejected_key ON sweep_rejected (sweep_id, key);

  CREATE TABLE sweep_domains (
    sweep_id INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
    domain   TEXT NOT NULL,
    verdict  TEXT NOT NULL,
    PRIMARY KEY (sweep_id, domain)
  ) WITHOUT ROWID;
  `,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
