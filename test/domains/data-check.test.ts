import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { checkData } from "../../scripts/data-check.mjs";

const require = createRequire(import.meta.url);
const check = checkData as (dir: string) => string[];
const DATA = fileURLToPath(new URL("../../data/", import.meta.url));
const SCRIPT = fileURLToPath(new URL("../../scripts/data-check.mjs", import.meta.url));

/** A copy of data/ with one file rewritten. */
function variant(file: string, edit: (text: string) => string): string {
  return variants([[file, edit]]);
}

/** A copy of data/ with several files rewritten. */
function variants(edits: readonly (readonly [string, (text: string) => string])[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-data-"));
  cpSync(DATA, dir, { recursive: true });
  for (const [file, edit] of edits) writeFileSync(join(dir, file), edit(readFileSync(join(DATA, file), "utf8")));
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
    // free-mail-subdomains.txt: "*." + a registrable domain that free-mail.txt lists
    ["free-mail-subdomains.txt", (t: string) => `${t}*.zzz-nowhere.com\n`, /free-mail-subdomains\.txt:\d+: "zzz-nowhere\.com" is not in free-mail\.txt/],
    ["free-mail-subdomains.txt", (t: string) => `${t}*.ne.jp\n`, /free-mail-subdomains\.txt:\d+: "ne\.jp" is not a registrable domain/],
    ["free-mail-subdomains.txt", (t: string) => `${t}*.mail.rr.com\n`, /"mail\.rr\.com" is not a registrable domain/],
    ["free-mail-subdomains.txt", (t: string) => `${t}zzz.rr.com\n`, /free-mail-subdomains\.txt:\d+: expected "\*\." and a domain name, found "zzz\.rr\.com"/],
    ["free-mail-subdomains.txt", (t: string) => `${t}*.-bad-.com\n`, /expected "\*\." and a domain name, found "\*\.-bad-\.com"/],
    ["free-mail-subdomains.txt", (t: string) => t.replace("*.rr.com\n", "*.rr.com\n*.rr.com\n"), /free-mail-subdomains\.txt:\d+: duplicate entry "\*\.rr\.com"/],
    ["free-mail-subdomains.txt", (t: string) => `${t}*.Zzz.com\n`, /free-mail-subdomains\.txt:\d+: not lower-case/],
    ["free-mail-subdomains.txt", (t: string) => t.replace("*.ocn.ne.jp\n", "").replace("*.vodafone.ne.jp\n", "*.vodafone.ne.jp\n*.ocn.ne.jp\n"), /free-mail-subdomains\.txt:\d+: not sorted: "\*\.ocn\.ne\.jp"/],
    // a wildcard in the exact list would be a literal "*.x" domain and a typo-correction target
    ["free-mail.txt", (t: string) => t.replace(/^rr\.com$/m, "*.rr.com\nrr.com"), /free-mail\.txt:\d+: "\*\.rr\.com" is a wildcard/],
    // the provider of a wildcard entry must stay in the exact list (so rr.com remains a known domain)
    ["free-mail.txt", (t: string) => t.replace(/^rr\.com\n/m, ""), /free-mail-subdomains\.txt:\d+: "rr\.com" is not in free-mail\.txt/],
    ["providers.txt", (t: string) => `${t}zz-not-free.example\n`, /providers\.txt:\d+: "zz-not-free\.example" is not in free-mail\.txt/],
    ["typo-domains.txt", (t: string) => `${t}zz-typo.example zz-nowhere.example\n`, /typo-domains\.txt:\d+: target "zz-nowhere\.example"/],
    ["typo-domains.txt", (t: string) => t.replace("gmai.com gmail.com", "gmx.com gmail.com"), /gmx\.com" is a real provider/],
    ["tld-typos.txt", (t: string) => `${t}zw com\n`, /\.zw" is a delegated TLD/],
  ] as const)("%s: a broken edit is reported", (file, edit, expected) => {
    const problems = check(variant(file, edit));
    expect(problems.join("\n")).toMatch(expected);
  });

  it("an npm entry under a free-subdomain provider must be acknowledged in free-overrides.txt", () => {
    // 1.localaddres.com is in the pinned npm list; its registrable domain localaddres.com is not
    const npm = require("disposable-email-domains/index.json") as string[];
    expect(npm).toContain("1.localaddres.com");
    expect(npm).not.toContain("localaddres.com");
    const free = ["free-mail.txt", (t: string) => `${t}localaddres.com\n`] as const;
    const sub = ["free-mail-subdomains.txt", (t: string) => `${t}*.localaddres.com\n`] as const;
    const unacknowledged = check(variants([free, sub]));
    expect(unacknowledged.join("\n")).toMatch(/free-mail-subdomains\.txt:\d+: "\*\.localaddres\.com" covers "1\.localaddres\.com"/);
    const acknowledged = check(variants([free, sub, ["free-overrides.txt", (t: string) => `${t}1.localaddres.com\n`]]));
    expect(acknowledged.filter((p) => !/not sorted/.test(p))).toEqual([]);
  });

  it("an override that is neither a free domain nor under a free-subdomain provider is reported", () => {
    const problems = check(variant("free-overrides.txt", (t) => `${t}zz.example.org\n`));
    expect(problems.join("\n")).toMatch(/free-overrides\.txt:\d+: "zz\.example\.org" is not in free-mail\.txt nor under a free-mail-subdomains\.txt entry/);
  });

  it("the script exits non-zero naming file and line", () => {
    const dir = variant("gov-suffixes.txt", (t) => `${t}aaa.gov\n`);
    const r = spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/gov-suffixes\.txt:\d+: not sorted: "aaa\.gov"/);
  });
});
