import Database from "better-sqlite3";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultStorePath, openStore, SCHEMA_VERSION, StoreError } from "../../src/store/index.js";
import { useTempStores } from "./tmp.js";

const t = useTempStores();

function raw(path: string): Database.Database {
  return new Database(path);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return (err as StoreError).code;
  }
  return undefined;
}

describe("defaultStorePath", () => {
  it.each([
    [{ XDG_DATA_HOME: "/data", HOME: "/home/u" }, "/data/mailsweep/store.sqlite"],
    [{ HOME: "/home/u" }, "/home/u/.local/share/mailsweep/store.sqlite"],
    [{ XDG_DATA_HOME: "", HOME: "/home/u" }, "/home/u/.local/share/mailsweep/store.sqlite"],
    // XDG Base Directory spec: a relative path is invalid and ignored.
    [{ XDG_DATA_HOME: "rel/data", HOME: "/home/u" }, "/home/u/.local/share/mailsweep/store.sqlite"],
  ])("%j → %s", (env, expected) => {
    expect(defaultStorePath(env)).toBe(expected);
  });
});

describe("opening and migrations", () => {
  it("creates folders and migrates a new file to the current version", () => {
    const path = join(t.dir(), "a", "b", "store.sqlite");
    const s = openStore(path);
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.path).toBe(path);
    s.close();
    const db = raw(path);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(["bounce_events", "dns_cache", "suppression", "sweep_domains", "sweep_rejected", "sweeps"]),
    );
    db.close();
  });

  it("keeps the file private (0600) since it holds subscribers' addresses", () => {
    const path = join(t.dir(), "private", "store.sqlite");
    openStore(path).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(t.dir(), "private")).mode & 0o777).toBe(0o700);
  });

  it("re-opening is idempotent and keeps data", () => {
    const path = join(t.dir(), "store.sqlite");
    const s1 = openStore(path);
    s1.suppressionAdd({ address: "a@example.com", reason: "manual", source: "manual" });
    s1.close();
    for (let i = 0; i < 3; i++) {
      const s = openStore(path);
      expect(s.schemaVersion).toBe(SCHEMA_VERSION);
      expect(s.suppressionCount()).toBe(1);
      s.close();
    }
  });

  it("migrates an existing empty (0-byte) file", () => {
    const path = join(t.dir(), "empty.sqlite");
    writeFileSync(path, "");
    const s = openStore(path);
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    s.close();
  });

  it("refuses a store written by a newer version and leaves it untouched", () => {
    const path = join(t.dir(), "store.sqlite");
    openStore(path).close();
    const db = raw(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(codeOf(() => openStore(path))).toBe("newer_schema");
    expect(codeOf(() => openStore(path, { readonly: true }))).toBe("newer_schema");
    const check = raw(path);
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });

  it("names the path and the versions in the newer-version message", () => {
    const path = join(t.dir(), "store.sqlite");
    openStore(path).close();
    const db = raw(path);
    db.pragma("user_version = 99");
    db.close();
    expect(() => openStore(path)).toThrow(new RegExp(`${path}.*newer mailsweep.*99`));
  });

  it("refuses a file that is not an SQLite database, without changing it", () => {
    const path = join(t.dir(), "notes.txt");
    const text = "name,email\nAda,ada@example.com\n".repeat(20);
    writeFileSync(path, text);
    let caught: unknown;
    try {
      openStore(path);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe("not_a_database");
    expect((caught as StoreError).path).toBe(path);
    expect((caught as StoreError).message).toContain(path);
    expect(readFileSync(path, "utf8")).toBe(text);
  });

  it("refuses another program's SQLite database instead of migrating it", () => {
    const path = join(t.dir(), "other.sqlite");
    const db = raw(path);
    db.exec("CREATE TABLE contacts (email TEXT)");
    db.close();
    expect(codeOf(() => openStore(path))).toBe("not_a_store");
    const check = raw(path);
    expect(check.prepare("SELECT name FROM sqlite_schema").pluck().all()).toEqual(["contacts"]);
    check.close();
  });

  it.each([
    ["a directory", (dir: string) => (mkdirSync(join(dir, "d")), join(dir, "d"))],
    ["a folder under a regular file", (dir: string) => (writeFileSync(join(dir, "f"), "x"), join(dir, "f", "s.sqlite"))],
  ])("fails with open_failed for %s", (_label, make) => {
    const path = make(t.dir());
    let caught: unknown;
    try {
      openStore(path);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe("open_failed");
    expect((caught as StoreError).message).toContain(path);
  });

  it("read-only: a missing file is an error, not a new store", () => {
    const path = join(t.dir(), "missing.sqlite");
    expect(codeOf(() => openStore(path, { readonly: true }))).toBe("open_failed");
    expect(() => statSync(path)).toThrow();
  });

  it("read-only: reads work, writes fail with read_only", () => {
    const path = join(t.dir(), "store.sqlite");
    const w = openStore(path);
    w.suppressionAdd({ address: "a@example.com", reason: "manual", source: "manual" });
    w.close();
    const r = openStore(path, { readonly: true });
    expect(r.readonly).toBe(true);
    expect(r.suppressionGet("A@example.com")?.reason).toBe("manual");
    expect(codeOf(() => r.suppressionAdd({ address: "b@example.com", reason: "manual", source: "manual" }))).toBe(
      "read_only",
    );
    r.close();
  });

  it("read-only: an un-migrated file needs an upgrade", () => {
    const path = join(t.dir(), "empty.sqlite");
    writeFileSync(path, "");
    expect(codeOf(() => openStore(path, { readonly: true }))).toBe("needs_upgrade");
  });

  it("close() is idempotent", () => {
    const s = t.open();
    s.close();
    expect(() => s.close()).not.toThrow();
  });
});
