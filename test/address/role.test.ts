import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRoleMatcher, defaultRoleMatcher, parseListFile, roleOf } from "../../src/address/index.js";

describe("roleOf", () => {
  it.each([
    ["info", "info"],
    ["INFO", "info"],
    ["Info+newsletter", "info"],
    ["admin", "admin"],
    ["administrator", "administrator"],
    ["support", "support"],
    ["sales", "sales"],
    ["contact", "contact"],
    ["noreply", "noreply"],
    ["no-reply", "noreply"],
    ["no_reply", "noreply"],
    ["no.reply", "noreply"],
    ["No-Reply+bounce", "noreply"],
    ["postmaster", "postmaster"],
    ["abuse", "abuse"],
    ["webmaster", "webmaster"],
    ["hostmaster", "hostmaster"],
    ["mailer-daemon", "mailer-daemon"],
    ["MAILER_DAEMON", "mailer-daemon"],
    ["office", "office"],
    ["hr", "hr"],
    ["billing", "billing"],
    ["marketing", "marketing"],
    ["help", "help"],
    ["team", "team"],
    ["jobs", "jobs"],
    ["careers", "careers"],
    ["press", "press"],
    ["security", "security"],
    ["privacy", "privacy"],
    ["legal", "legal"],
    ["newsletter", "newsletter"],
    ["root", "root"],
    ["enquiries", "enquiries"],
    ["feedback", "feedback"],
    ["orders", "orders"],
    ["buh", "buh"],
    ["zakaz", "zakaz"],
    ["priem", "priem"],
    ["reklama", "reklama"],
    ["otdel", "otdel"],
    ["otdel-kadrov", "otdelkadrov"],
    ["kadry", "kadry"],
  ])("%s → %s", (local, role) => {
    expect(roleOf(local)).toBe(role);
  });

  // Whole local parts only: a prefix rule would flag personal and product addresses.
  it.each([
    "ivan",
    "maria",
    "john.smith",
    "infoservices",
    "info2024",
    "salesforce",
    "supporter",
    "admin1",
    "my-info",
    "+info",
    "",
    "ольга",
    "инфо", // Cyrillic spelling is not in the list (transliterations are)
  ])("%j is not a role", (local) => {
    expect(roleOf(local)).toBeNull();
  });
});

describe("createRoleMatcher", () => {
  it.each([
    [["a-b", "ab"], "a_b", "ab"],
    [["ab", "a-b"], "a-b", "ab"],
    [["x-y", "x_y"], "x.y", "x-y"],
  ])("%j: %s → %s", (entries, local, role) => {
    expect(createRoleMatcher(entries).roleOf(local)).toBe(role);
  });

  it("loads the data list once", () => {
    expect(defaultRoleMatcher()).toBe(defaultRoleMatcher());
    expect(defaultRoleMatcher().size).toBeGreaterThan(100);
  });
});

describe("data/role-local-parts.txt", () => {
  const text = readFileSync(new URL("../../data/role-local-parts.txt", import.meta.url), "utf8");
  const entries = parseListFile(text);

  it("has the source header", () => {
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^# source: \S/);
    expect(lines[1]).toMatch(/^# updated: \d{4}-\d{2}-\d{2}$/);
  });

  it("is lower-case, sorted by code unit and unique", () => {
    for (const e of entries) expect(e).toBe(e.toLowerCase());
    for (let i = 1; i < entries.length; i++) expect((entries[i - 1] ?? "") < (entries[i] ?? "")).toBe(true);
  });

  it("holds only local-part characters", () => {
    for (const e of entries) expect(e).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });
});
