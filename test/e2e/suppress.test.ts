import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { readTable, records, removeTempDirs, tempDir, tempFiles, unguardedCells, writeFixture } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** `mailsweep suppress list|add|remove|export` through the built CLI, one store per test. */

const EXPORT_HEADER = ["address", "reason", "category", "source", "first_seen", "last_seen", "note"];

interface Line {
  address: string;
  reason: string;
  category: string | null;
  source: string;
  note: string | null;
}

async function listJson(store: string): Promise<Line[]> {
  const run = await runCli(["suppress", "list", "--json", "--store", store]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Line);
}

function fresh(): { dir: string; store: string } {
  const dir = tempDir();
  return { dir, store: join(dir, "store.sqlite") };
}

describe("suppress add / list / remove", () => {
  it("adds normalised addresses with reason and note, lists them, removes one", async () => {
    const { store } = fresh();
    const add = await runCli(["suppress", "add", "Bob <Bob@Example.COM>", "mailto:ann@example.org", "--reason", "complaint", "--note", "asked twice", "--store", store]);
    expect(add.code, add.stderr).toBe(0);
    expect(await listJson(store)).toEqual([
      expect.objectContaining({ address: "ann@example.org", reason: "complaint", note: "asked twice", source: "manual" }),
      expect.objectContaining({ address: "Bob@example.com", reason: "complaint" }),
    ]);
    const table = await runCli(["suppress", "list", "--store", store]);
    expect(table.stdout).toMatch(/^address\s+reason\s+category/);
    expect(table.stdout).toContain("2 suppressed addresses.");
    const rm = await runCli(["suppress", "remove", "bob@example.com", "nobody@example.com", "--store", store]);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toContain("removed: bob@example.com");
    expect(rm.stdout).toContain("not on the list: nobody@example.com");
    expect((await listJson(store)).map((l) => l.address)).toEqual(["ann@example.org"]);
  });

  it.each([
    ["an invalid address", ["suppress", "add", "not-an-address"], 64],
    ["an unknown reason", ["suppress", "add", "a@example.com", "--reason", "because"], 64],
    ["add without addresses", ["suppress", "add"], 64],
    ["--no-store", ["suppress", "list", "--no-store"], 64],
    ["a missing --file", ["suppress", "add", "--file", "/nonexistent/x.csv"], 66],
  ])("%s is refused (exit %i) and adds nothing", async (_label, args, code) => {
    const { store } = fresh();
    const run = await runCli([...args, ...(args.includes("--no-store") ? [] : ["--store", store])]);
    expect(run.code, run.stderr).toBe(code);
    expect(await listJson(store)).toEqual([]);
  });

  it("lists an empty list when the store does not exist yet, without creating it", async () => {
    const { store } = fresh();
    const run = await runCli(["suppress", "list", "--store", store]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("empty");
    expect(existsSync(store)).toBe(false);
  });
});

describe("suppress add --file", () => {
  it.each([
    ["a CSV with a detected address column", "Name;E-mail\nBob;bob@example.com\nAnn;ann@example.org\nBad;nope\n", ["ann@example.org", "bob@example.com"], 1],
    ["one address a line", "bob@example.com\n\nann@example.org\n", ["ann@example.org", "bob@example.com"], 0],
    ["formula-guarded cells", "email\n'=x@example.com\n", ["=x@example.com"], 0],
  ])("%s", async (_label, content, expected, skipped) => {
    const { dir, store } = fresh();
    const file = writeFixture(dir, "list.csv", content);
    const run = await runCli(["suppress", "add", "--file", file, "--store", store]);
    expect(run.code, run.stderr).toBe(0);
    const lines = await listJson(store);
    expect(lines.map((l) => l.address)).toEqual(expected);
    expect(lines.every((l) => l.source === "list.csv" && l.reason === "manual")).toBe(true);
    expect(run.stderr.split("\n").filter((l) => l.includes("skipped")).length).toBe(skipped);
  });
});

describe("suppress export", () => {
  it("writes a formula-guarded CSV atomically with --out, and re-imports it unchanged", async () => {
    const { dir, store } = fresh();
    await runCli(["suppress", "add", "=cmd@example.com", "bob@example.com", "--note", "-1 from support", "--store", store]);
    const out = join(dir, "out", "..", "suppressed.csv");
    const run = await runCli(["suppress", "export", "--out", out, "--store", store]);
    expect(run.code, run.stderr).toBe(0);
    const t = readTable(out);
    expect(t.header).toEqual(EXPORT_HEADER);
    expect(unguardedCells(t)).toEqual([]);
    expect(records(t).map((r) => [r.address, r.reason, r.note])).toEqual([
      ["'=cmd@example.com", "manual", "'-1 from support"],
      ["bob@example.com", "manual", "'-1 from support"],
    ]);
    expect(tempFiles(dir)).toEqual([]);

    const other = join(dir, "other.sqlite");
    const imported = await runCli(["suppress", "add", "--file", out, "--store", other]);
    expect(imported.code, imported.stderr).toBe(0);
    const before = await listJson(store);
    const after = await listJson(other);
    expect(after.map((l) => [l.address, l.reason, l.note])).toEqual(before.map((l) => [l.address, l.reason, l.note]));
  });

  it("prints the same CSV to stdout without --out; --formula-guard off writes raw cells", async () => {
    const { store } = fresh();
    await runCli(["suppress", "add", "=cmd@example.com", "--store", store]);
    const guarded = await runCli(["suppress", "export", "--store", store]);
    expect(guarded.stdout.split("\n")[0]).toBe(EXPORT_HEADER.join(","));
    expect(guarded.stdout.split("\n")[1]).toMatch(/^'=cmd@example\.com,manual,/);
    const raw = await runCli(["suppress", "export", "--formula-guard", "off", "--store", store]);
    expect(raw.stdout.split("\n")[1]).toMatch(/^=cmd@example\.com,manual,/);
  });
});
