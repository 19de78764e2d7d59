/**
 * Operational failures of the store. Per-row outcomes are data; these are the only things the
 * store throws, each with a stable `code` the CLI maps to an exit status in one place.
 */

export type StoreErrorCode =
  /** The file or its folder could not be created or opened (permissions, a directory, ...). */
  | "open_failed"
  /** The file exists but is not an SQLite database (SQLITE_NOTADB). */
  | "not_a_database"
  /** An SQLite database, but another application's (foreign tables or application_id). */
  | "not_a_store"
  /** Written by a newer mailsweep: its schema version is above the newest we know. */
  | "newer_schema"
  /** Opened read-only but the schema needs an upgrade (or the file does not exist). */
  | "needs_upgrade"
  /** Another process held the write lock longer than busy_timeout. */
  | "busy"
  /** The file is damaged (SQLITE_CORRUPT) or the disk failed (SQLITE_IOERR, SQLITE_FULL). */
  | "io_failed"
  /** Writing to a store opened read-only. */
  | "read_only"
  /** A sweep id that no longer exists (pruned) or never did. */
  | "not_found"
  /** Any other SQLite failure; the message carries SQLite's own code. */
  | "sqlite";

export class StoreError extends Error {
  override readonly name: string = "StoreError";
  readonly code: StoreErrorCode;
  /** The store file the failure is about. */
  readonly path: string;

  constructor(code: StoreErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}

/**
 * Another sweep (or `bounces --apply`) is writing the same store and did not finish within the
 * busy timeout. Nothing was written by the failed call; retrying later is safe.
 */
export class StoreBusyError extends StoreError {
  override readonly name: string = "StoreBusyError";

  constructor(path: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(
      "busy",
      path,
      `The store ${path} is locked by another mailsweep process (waited ${timeoutMs} ms). ` +
        "Try again when the other run has finished, or pass --store with another file.",
      options,
    );
  }
}

/** SQLite's error, as better-sqlite3 throws it: an Error with a string `code` like SQLITE_BUSY. */
function sqliteCode(err: unknown): string | undefined {
  if (err instanceof Error && "code" in err && typeof err.code === "string" && err.code.startsWith("SQLITE_")) {
    return err.code;
  }
  return undefined;
}

/**
 * Turns a thrown SQLite error into a StoreError naming the path. Errors that are not SQLite's
 * (our own StoreErrors, TypeErrors from bad arguments) pass through untouched.
 */
export function toStoreError(err: unknown, path: string, busyTimeoutMs: number): unknown {
  if (err instanceof StoreError) return err;
  const code = sqliteCode(err);
  if (code === undefined) return err;
  const detail = err instanceof Error ? err.message : String(err);
  // Extended codes keep the primary code as prefix: SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, ...
  const primary = code.split("_").slice(0, 2).join("_");
  switch (primary) {
    case "SQLITE_BUSY":
    case "SQLITE_LOCKED":
      return new StoreBusyError(path, busyTimeoutMs, { cause: err });
    case "SQLITE_NOTADB":
      return new StoreError("not_a_database", path, `${path} is not a mailsweep store (not an SQLite database).`, {
        cause: err,
      });
    case "SQLITE_CANTOPEN":
    case "SQLITE_PERM":
    case "SQLITE_AUTH":
      return new StoreError("open_failed", path, `Cannot open the store ${path}: ${detail}`, { cause: err });
    case "SQLITE_READONLY":
      return new StoreError("read_only", path, `The store ${path} is read-only: ${detail}`, { cause: err });
    case "SQLITE_CORRUPT":
    case "SQLITE_IOERR":
    case "SQLITE_FULL":
      return new StoreError("io_failed", path, `The store ${path} could not be read or written: ${detail} (${code})`, {
        cause: err,
      });
    default:
      return new StoreError("sqlite", path, `Store ${path}: ${detail} (${code})`, { cause: err });
  }
}
