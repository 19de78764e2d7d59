import Database from "better-sqlite3";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreBusyError, StoreError } from "../../src/store/index.js";
import { useTempStores } from "./tmp.js";

const t = useTempStores();
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

/**
 * Another process writing the same store: it opens the file with plain better-sqlite3 (as any
 * other mailsweep run would, at the SQLite level) and either holds a write transaction or
 * writes batches of rows in a loop.
 */
const CHILD = `
const [, , mod, path, mode, arg] = process.argv;
const Database = require(mod);
const db = new Database(path, { timeout: 5000 });
const insert = db.prepare(
  "INSERT INTO suppression (key, address, reason, category, source, first_seen, last_seen, note) " +
  "VALUES (?, ?, 'manual', NULL, 'child', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', NULL)");
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
if (mode === "hold") {
  db.exec("BEGIN IMMEDIATE");
  insert.run("child@example.com", "child@example.com");
  process.stdout.write("locked\\n");
  const commit = () => { db.exec("COMMIT"); db.close(); process.stdout.write("committed\\n"); process.exit(0); };
  if (arg === "stdin") process.stdin.once("data", commit); else setTimeout(commit, Number(arg));
} else {
  process.stdout.write("started\\n");
  const batch = db.transaction((b) => { for (let i = 0; i < 100; i++) insert.run("c" + b + "-" + i + "@x.example", "c" + b + "-" + i + "@x.example"); });
  for (let b = 0; b < Number(arg); b++) { batch.immediate(b); pause(3); }
  db.close();
  process.stdout.write("done\\n");
}
`;

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

function child(path: string, mode: "hold" | "write", arg: string): { proc: ChildProcessWithoutNullStreams; line: (text: string) => Promise<void> } {
  const script = join(t.dir(), "child.cjs");
  writeFileSync(script, CHILD);
  const proc = spawn(process.execPath, [script, betterSqlite, path, mode, arg]);
  children.push(proc);
  let out = "";
  let err = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  proc.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.splice(0)) {
      if (out.includes(`${w.text}\n`)) w.resolve();
      else waiters.push(w);
    }
  });
  proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const line = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (out.includes(`${text}\n`)) return resolve();
      waiters.push({ text, resolve });
      proc.once("exit", (code) => (out.includes(`${text}\n`) ? resolve() : reject(new Error(`child exited ${code}: ${err}`))));
    });
  return { proc, line };
}

const entry = (address: string) => ({ address, reason: "manual" as const, source: "manual" });

describe("two connections in one process", () => {
  it("a second writer fails with StoreBusyError while the first holds the write lock, then succeeds", () => {
    const a = t.open("s.sqlite");
    const b = t.open("s.sqlite", { busyTimeoutMs: 50 });
    a.batch(() => {
      a.suppressionAdd(entry("a@example.com"));
      let caught: unknown;
      try {
        b.suppressionAdd(entry("b@example.com"));
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(StoreBusyError);
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreBusyError).code).toBe("busy");
      expect((caught as StoreBusyError).message).toContain(b.path);
      // WAL: reading is not blocked, and sees only committed data.
      expect(b.suppressionGet("a@example.com")).toBeUndefined();
      expect(b.suppressionCount()).toBe(0);
    });
    expect(b.suppressionAdd(entry("b@example.com")).key).toBe("b@example.com");
    expect(a.suppressionCount()).toBe(2);
  });

  it.each([
    ["recordBounce", (s: ReturnType<typeof t.open>) =>
      s.recordBounce({ address: "x@example.com", category: "mailbox_full", severity: "soft", at: "2025-01-01", source: "l", fingerprint: "f" })],
    ["sweepRecord", (s: ReturnType<typeof t.open>) =>
      s.sweepRecord({ listId: "l", inputHash: "h", startedAt: "2025-01-01", finishedAt: "2025-01-01", options: {}, counts: {}, rejected: [], domains: [] })],
    ["dns flush", (s: ReturnType<typeof t.open>) => (s.dnsPut("example.com", 1, 60), s.flush())],
  ])("%s is refused cleanly under a foreign write lock and nothing half-written remains", (_label, write) => {
    const a = t.open("s.sqlite");
    const b = t.open("s.sqlite", { busyTimeoutMs: 30 });
    a.batch(() => {
      expect(() => write(b)).toThrow(StoreBusyError);
    });
    const db = new Database(join(t.dir(), "s.sqlite"), { readonly: true });
    const total = db
      .prepare("SELECT (SELECT count(*) FROM bounce_events) + (SELECT count(*) FROM sweeps) + (SELECT count(*) FROM dns_cache)")
      .pluck()
      .get();
    db.close();
    expect(total).toBe(0);
    // The failed DNS batch stays buffered and is written on the next try.
    expect(() => write(b)).not.toThrow();
  });
});

describe("two processes", () => {
  it("waits for the other process's write transaction, then succeeds", async () => {
    const s = t.open("s.sqlite", { busyTimeoutMs: 5000 });
    const c = child(s.path, "hold", "400");
    await c.line("locked");
    const started = Date.now();
    s.suppressionAdd(entry("parent@example.com")); // blocks in SQLite's busy handler
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await c.line("committed");
    expect(s.suppressionGet("child@example.com")?.source).toBe("child");
    expect(s.suppressionGet("parent@example.com")?.source).toBe("manual");
  });

  it("fails with StoreBusyError after a short busy timeout, and works once the lock is gone", async () => {
    const s = t.open("s.sqlite", { busyTimeoutMs: 100 });
    const c = child(s.path, "hold", "stdin");
    await c.line("locked");
    expect(() => s.suppressionAdd(entry("parent@example.com"))).toThrow(StoreBusyError);
    expect(s.suppressionCount()).toBe(0);
    c.proc.stdin.write("go\n");
    await c.line("committed");
    s.suppressionAdd(entry("parent@example.com"));
    expect(s.suppressionCount()).toBe(2);
  });

  it("interleaved writers from two processes lose nothing and leave a sound file", async () => {
    const s = t.open("s.sqlite", { busyTimeoutMs: 10_000 });
    const c = child(s.path, "write", "20");
    await c.line("started");
    const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (let b = 0; b < 20; b++) {
      s.batch(() => {
        for (let i = 0; i < 100; i++) s.suppressionAdd(entry(`p${b}-${i}@x.example`));
      });
      pause(3);
    }
    await c.line("done");
    expect(s.suppressionCount()).toBe(4000);
    s.close();
    const db = new Database(s.path, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });
});
