import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { checkData } from "../../scripts/data-check.mjs";

const check = checkData as (dir: string) => string[];
const DATA = fileURLToPath(new URL("../../data/", import.meta.url));
const SCRIPT = fileURLToPath(new URL("../../scripts/data-check.mjs", import.meta.url));

/** A copy of data/ with one file rewritten. */
function variant(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-data-"));
  cpSync(DATA, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(DATA, file), "utf8")));
  return dir;
}

describe("data lists", () => {
  it("the shipped lists pass every check", () => {
    expect(check(DATA)).toEqual([]);
  });

  it("the script exits 0 on the shipped lists", () => {
    const r = spawnSync(process.execPath, [SCRIPT, DATA], { encoding: "utf8" });
    expect(r.status).toBe(0);
  });

  it.each([
    ["free-mail.txt", (t: string) => `${t}aaa-first.com\n`, /free-mail\.txt:\d+: not sorted/],
    ["free-mail.txt", (t: string) => `${t}zzzz.example\nzzzz.example\n`, /free-mail\.txt:\d+: duplicate entry/],
    ["free-mail.txt", (t: string) => `${t}ZZZZ.example\n`, /free-mail\.txt:\d+: not lower-case/],
    ["free-mail.txt", (t: string) => t.replace(/^# source:.*\n/m, ""), /free-mail\.txt:1: missing "# source:"/],
    ["edu-suffixes.txt", (t: string) => t.replace(/^# updated:.*\n/m, ""), /edu-suffixes\.txt:1: missing "# updated/],
    // a free domain the npm list calls disposable must be acknowledged
    ["free-overrides.txt", (t: string) => t.replace(/^21cn\.com\n/m, ""), /free-mail\.txt:\d+: "21cn\.com" is also in the npm disposable list/],
    ["providers.txt", (t: string) => `${t}zz-not-free.example\n`, /providers\.txt:\d+: "zz-not-free\.example" is not in free-mail\.txt/],
    ["typo-domains.txt", (t: string) => `${t}zz-typo.example zz-nowhere.example\n`, /typo-domains\.txt:\d+: target "zz-nowhere\.example"/],
    ["typo-domains.txt", (t: string) => t.replace("gmai.com gmail.com", "gmx.com gmail.com"), /gmx\.com" is a real provider/],
    ["tld-typos.txt", (t: string) => `${t}zw com\n`, /\.zw" is a delegated TLD/],
  ] as const)("%s: a broken edit is reported", (file, edit, expected) => {
    const problems = check(variant(file, edit));
    expect(problems.join("\n")).toMatch(expected);
  });

  it("the script exits non-zero naming file and line", () => {
    const dir = variant("gov-suffixes.txt", (t) => `${t}aaa.gov\n`);
    const r = spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/gov-suffixes\.txt:\d+: not sorted: "aaa\.gov"/);
  });
});
