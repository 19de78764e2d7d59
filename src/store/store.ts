import Database from "better-sqlite3";
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import {
  BounceTable,
  crossesSoftThreshold,
  DEFAULT_SOFT_THRESHOLD,
  type BounceEvent,
  type SoftBounceSummary,
  type SoftThreshold,
} from "./bounces.js";
import { isoDate } from "./dates.js";
import { DEFAULT_DNS_FLUSH_EVERY, DnsCacheTable, type StoreDnsCache } from "./dns-cache.js";
import { StoreError, toStoreError } from "./errors.js";
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from "./schema.js";
import {
  SuppressionTable,
  type Suppression,
  type SuppressionEntry,
  type SuppressionLookup,
} from "./suppression.js";
import {
  DEFAULT_DIFF_LIMIT,
  DEFAULT_KEEP_SWEEPS,
  SweepTable,
  type SweepDiff,
  type SweepRecordInput,
  type SweepSummary,
} from "./sweeps.js";

export interface OpenStoreOptions {
  /** Open an existing store for reading only (`suppress list`, `suppress export`). */
  readonly readonly?: boolean | undefined;
  /** How long to wait for another process's write lock before StoreBusyError. Default 5000. */
  readonly busyTimeoutMs?: number | undefined;
  /** Sweeps kept per list (at least 2, so there is always a previous one to diff). Default 10. */
  readonly keepSweeps?: number | undefined;
  /** DNS cache puts per write transaction. Default 500. */
  readonly dnsFlushEvery?: number | undefined;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Above this many suppressed addresses, `suppressionLookup` queries the store per row instead
 * of holding every key in memory (a million short keys cost on the order of 100 MB).
 */
export const DEFAULT_SUPPRESSION_PRELOAD_MAX = 1_000_000;

/** Creates the folder (private: the store holds subscribers' addresses) and an empty 0600 file. */
function prepareFile(path: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new StoreError("open_failed", path, `Cannot create the folder ${dir} for the store ${path}: ${why}`, {
      cause: err,
    });
  }
  try {
    // SQLite would create the file with the umask's mode (often world-readable); its -wal and
    // -shm files copy the main file's mode, so setting it here covers all three.
    closeSync(openSync(path, "wx", 0o600));
  } catch {
    // Exists already (or is a directory): SQLite's own open reports what is wrong with it.
  }
}

function userVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Refuses files that are SQLite but not ours, and stores from a newer mailsweep. */
function checkIdentity(db: Database.Database, path: string, version: number): void {
  const appId = db.pragma("application_id", { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      "newer_schema",
      path,
      `The store ${path} was written by a newer mailsweep (schema version ${version}; this version ` +
        `knows up to ${SCHEMA_VERSION}). Upgrade mailsweep, or pass --store with another file.`,
    );
  }
  const foreign =
    (appId !== 0 && appId !== APPLICATION_ID) ||
    (appId === 0 && version !== 0) ||
    (version === 0 &&
      (db.prepare("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().get() as number) > 0);
  if (foreign) {
    throw new StoreError(
      "not_a_store",
      path,
      `${path} is an SQLite database of another program, not a mailsweep store; it was left untouched.`,
    );
  }
}

/**
 * Applies the missing migrations, each in its own IMMEDIATE transaction. The version is read
 * again under the write lock, so two processes opening a new store at once migrate it once.
 */
function migrate(db: Database.Database, path: string): number {
  for (;;) {
    const step = db.transaction((): number | undefined => {
      const version = userVersion(db);
      checkIdentity(db, path, version);
      const sql = MIGRATIONS[version];
      if (sql === undefined) return version;
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      return undefined;
    });
    const done = step.immediate();
    if (done !== undefined) return done;
  }
}

/**
 * The embedded store: DNS cache, suppression list, bounce history, sweep history, in one SQLite
 * file. Synchronous (better-sqlite3). Safe to open from several processes at once: WAL lets
 * readers run beside a writer; writers queue for up to busyTimeoutMs, then StoreBusyError.
 *
 * Every failure is a StoreError naming the path. One connection runs one statement at a time:
 * do not call other methods while iterating `suppressionList()`.
 */
export class Store {
  readonly path: string;
  readonly readonly: boolean;
  /** The schema version of the file (equal to SCHEMA_VERSION once open). */
  readonly schemaVersion: number;
  private readonly db: Database.Database;
  private readonly busyTimeoutMs: number;
  private readonly keepSweeps: number;
  private readonly dns: DnsCacheTable;
  private readonly suppressions: SuppressionTable;
  private readonly bounces: BounceTable;
  private readonly sweeps: SweepTable;

  constructor(path: string, opts: OpenStoreOptions = {}) {
    this.path = path;
    this.readonly = opts.readonly ?? false;
    this.busyTimeoutMs = Math.max(0, Math.floor(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
    this.keepSweeps = Math.max(2, Math.floor(opts.keepSweeps ?? DEFAULT_KEEP_SWEEPS));
    const memory = path === ":memory:";

    if (this.readonly && !memory && !existsSync(path)) {
      throw new StoreError("open_failed", path, `The store ${path} does not exist.`);
    }
    if (!this.readonly && !memory) prepareFile(path);

    let db: Database.Database;
    try {
      db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly, timeout: this.busyTimeoutMs });
    } catch (err) {
      throw toStoreError(err, path, this.busyTimeoutMs);
    }
    try {
      // One read transaction: the version, the marker and the table list must come from the same
      // snapshot. Read separately, a second process creating the store at the same moment could
      // be seen half-way (version 0, tables present) and the file taken for another program's.
      const version = db.transaction((): number => {
        const v = userVersion(db); // the first read: SQLITE_NOTADB surfaces here
        checkIdentity(db, path, v);
        return v;
      })();
      if (!this.readonly) {
        // WAL: a sweep reading the suppression list does not block `bounces --apply` writing it.
        db.pragma("journal_mode = WAL");
        // In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits,
        // which for a cache and a history is the right trade for not fsyncing every commit.
        db.pragma("synchronous = NORMAL");
      }
      db.pragma("foreign_keys = ON");
      if (version < SCHEMA_VERSION) {
        if (this.readonly) {
          throw new StoreError(
            "needs_upgrade",
            path,
            `The store ${path} has schema version ${version} and needs an upgrade; open it once without read-only.`,
          );
        }
        this.schemaVersion = migrate(db, path);
      } else {
        this.schemaVersion = version;
      }
      this.suppressions = new SuppressionTable(db);
      this.bounces = new BounceTable(db);
      this.sweeps = new SweepTable(db);
      this.dns = new DnsCacheTable(db, Math.max(1, opts.dnsFlushEvery ?? DEFAULT_DNS_FLUSH_EVERY), (fn) =>
        this.write(fn),
      );
    } catch (err) {
      db.close();
      throw toStoreError(err, path, this.busyTimeoutMs);
    }
    this.db = db;
  }

  // --- DNS cache -------------------------------------------------------------------------------

  /** The cached JSON value, or undefined when missing or expired at `now` (epoch ms). */
  dnsGet(domain: string, now: number = Date.now()): unknown {
    return this.guard(() => this.dns.get(domain, now));
  }

  /** Caches a value for ttlSeconds (capped at MAX_DNS_TTL_SECONDS; ≤ 0 is not cached). Buffered. */
  dnsPut(domain: string, value: unknown, ttlSeconds: number, now: number = Date.now()): void {
    this.guard(() => this.dns.put(domain, value, ttlSeconds, now));
  }

  /** The DNS module's DnsCache over this store (the caller casts the values). */
  asDnsCache(): StoreDnsCache {
    return {
      get: (domain) => this.dnsGet(domain),
      put: (domain, value, ttlSeconds) => this.dnsPut(domain, value, ttlSeconds),
    };
  }

  /** Deletes expired answers; returns how many rows went. */
  dnsPurgeExpired(now: number = Date.now()): number {
    return this.guard(() => this.dns.purgeExpired(now));
  }

  /** Writes buffered DNS puts now (close() does it too). */
  flush(): void {
    this.guard(() => this.dns.flush());
  }

  // --- Suppression list ------------------------------------------------------------------------

  /** Adds or updates (first_seen is kept, last_seen moves on). Returns the stored row. */
  suppressionAdd(entry: SuppressionEntry): Suppression {
    return this.write(() => this.suppressions.add(entry, new Date()));
  }

  /**
   * Takes an address off the list; true if it was there. Soft bounces dated up to `at` stop
   * counting towards the threshold, so re-applying an old log does not suppress it again.
   */
  suppressionRemove(address: string, at: string | Date = new Date()): boolean {
    const when = new Date(isoDate(at, "Removal date"));
    return this.write(() => this.suppressions.removeAndReset(address, when));
  }

  suppressionGet(address: string): Suppression | undefined {
    return this.guard(() => this.suppressions.get(address));
  }

  /** Every suppressed address, ordered by key, streamed. Call no other method while iterating. */
  *suppressionList(): Generator<Suppression, void, undefined> {
    try {
      yield* this.suppressions.list();
    } catch (err) {
      throw toStoreError(err, this.path, this.busyTimeoutMs);
    }
  }

  suppressionCount(): number {
    return this.guard(() => this.suppressions.count());
  }

  /**
   * A per-row lookup for `clean` (the argument is an address or its key). Up to `preloadMax`
   * entries the keys are preloaded, a snapshot of the list at this call; above it every call
   * queries the store.
   */
  suppressionLookup(opts: { preloadMax?: number } = {}): SuppressionLookup {
    const lookup = this.guard(() => this.suppressions.lookup(opts.preloadMax ?? DEFAULT_SUPPRESSION_PRELOAD_MAX));
    const guarded = (address: string): Suppression | undefined => this.guard(() => lookup(address));
    return Object.assign(guarded, { strategy: lookup.strategy });
  }

  // --- Bounce events ---------------------------------------------------------------------------

  /** Records a bounce; false when its fingerprint was recorded before (nothing changes). */
  recordBounce(event: BounceEvent): boolean {
    return this.write(() => this.bounces.record(event, new Date()));
  }

  /** Count and date range of the soft bounces that count (not before a manual removal). */
  softBounceSummary(address: string): SoftBounceSummary {
    return this.guard(() => this.bounces.softSummary(address));
  }

  /**
   * Suppresses the address (reason `soft_bounce_threshold`) when its soft bounces reach
   * `threshold.count` and span at least `threshold.days`. Returns the new Suppression, or
   * undefined when it did nothing (below the threshold, or already suppressed for any reason).
   */
  applySoftThreshold(address: string, threshold: SoftThreshold = DEFAULT_SOFT_THRESHOLD): Suppression | undefined {
    return this.write(() => {
      if (this.suppressions.get(address) !== undefined) return undefined;
      const summary = this.bounces.softSummary(address);
      const latest = this.bounces.latestSoft(address);
      if (!crossesSoftThreshold(summary, threshold) || latest === undefined || summary.first === null) return undefined;
      return this.suppressions.add(
        {
          address,
          reason: "soft_bounce_threshold",
          category: latest.category,
          source: latest.source,
          at: summary.last ?? undefined,
        },
        new Date(),
        summary.first,
      );
    });
  }

  // --- Sweep history ---------------------------------------------------------------------------

  /**
   * Records a finished sweep with its rejected keys and per-domain verdicts, and prunes the
   * list's history to the newest keepSweeps, all in one transaction. Returns the sweep id.
   */
  sweepRecord(input: SweepRecordInput): number {
    return this.write(() => this.sweeps.record(input, this.keepSweeps));
  }

  /** The list's newest sweep (or the newest before sweep `beforeId`), or undefined. */
  sweepPrevious(listId: string, beforeId?: number): SweepSummary | undefined {
    return this.guard(() => this.sweeps.previous(listId, beforeId));
  }

  /** What changed from one sweep to another. Throws StoreError `not_found` for a pruned id. */
  sweepDiff(previousId: number, currentId: number, opts: { limit?: number } = {}): SweepDiff {
    return this.guard(() => {
      for (const id of [previousId, currentId]) {
        if (this.sweeps.get(id) === undefined) {
          throw new StoreError("not_found", this.path, `The store ${this.path} has no sweep ${id} (pruned, or never recorded).`);
        }
      }
      return this.sweeps.diff(previousId, currentId, Math.max(0, Math.floor(opts.limit ?? DEFAULT_DIFF_LIMIT)));
    });
  }

  // --- Lifecycle -------------------------------------------------------------------------------

  /**
   * Runs fn in one write transaction: many recordBounce/suppressionAdd calls commit once (and
   * all or nothing). Takes the write lock at the start, so it waits for (or fails on) another
   * writer before fn runs, never halfway through.
   */
  batch<T>(fn: () => T): T {
    return this.write(fn);
  }

  /** Flushes buffered DNS puts and closes. Closes even when the flush fails (then rethrows). */
  close(): void {
    if (!this.db.open) return;
    try {
      this.flush();
    } finally {
      this.db.close();
    }
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw toStoreError(err, this.path, this.busyTimeoutMs);
    }
  }

  /**
   * IMMEDIATE takes the write lock at BEGIN, where SQLite's busy handler can wait for it. A
   * deferred transaction that reads first and then writes gets SQLITE_BUSY without waiting
   * (it cannot upgrade past a newer snapshot), which would fail two concurrent sweeps at once.
   * Nested calls become savepoints of the outer transaction.
   */
  private write<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).immediate());
  }
}

export function openStore(path: string, opts: OpenStoreOptions = {}): Store {
  return new Store(path, opts);
}
