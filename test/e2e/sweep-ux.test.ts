import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { outputPaths, outputsExist, removeTempDirs, tempDir, writeFixture } from "../support/fixtures.js";
import { openStore } from "../../src/store/index.js";
import type { CleanReport } from "../../src/report/summary.js";

afterAll(removeTempDirs);

/**
 * The scheduled-sweep surface of `clean`: config file, exit thresholds, quiet/JSON output, the
 * HTML report written beside the other outputs. Spawns the built CLI (`npm run build` first).
 */

const LIST = ["name,email", "Ann,ann@gmail.com", "Bob,trash@mailinator.com", "Cat,info@example.org", "Dan,ann@gmail.com", "Eve,eve@gmail.con", ""].join("\n");
// 5 rows: 2 rejected (disposable, duplicate) = 40%.

function report(dir: string, stem = "list"): CleanReport {
  return JSON.parse(readFileSync(outputPaths(dir, stem).report, "utf8")) as CleanReport;
}

describe("config file", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    writeFixture(dir, "mailsweep.config.json", JSON.stringify({ offline: true, store: false, typos: "off", "out-dir": "out" }));
  });

  it("is found in the current folder and merged under the flags", async () => {
    const res = await runCli(["clean", "list.csv"], { cwd: dir });
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const out = join(dir, "out");
    const r = report(out);
    expect(r.options.typos).toBe("off");
    expect(r.options.offline).toBe(true);
    expect(r.options.config).toBe(join(dir, "mailsweep.config.json"));
    expect(r.by_code.typo_fixed).toBeUndefined();
  });

  it("loses to a flag on the command line", async () => {
    const res = await runCli(["clean", "list.csv", "--typos", "fix", "--out-dir", "out2"], { cwd: dir });
    expect(res.code).toBe(0);
    const r = report(join(dir, "out2"));
    expect(r.options.typos).toBe("fix");
    expect(r.by_code.typo_fixed).toBe(1);
  });

  it("--no-config ignores it", async () => {
    const res = await runCli(["clean", "list.csv", "--no-config", "--offline", "--no-store", "--out-dir", "out3"], { cwd: dir });
    expect(res.code).toBe(0);
    expect(report(join(dir, "out3")).options.typos).toBe("fix");
  });

  it.each([
    ["unknown key", { offline: true, "dns-servers": ["1.1.1.1"] }, 64, /weird\.json: unknown option "dns-servers"\. Did you mean "dns-server"\?/],
    ["bad value", { offline: true, typos: "always" }, 64, /weird\.json: "typos": expected "fix", "suggest" or "off"/],
    ["not JSON", "{offline: true", 64, /weird\.json: not valid JSON/],
  ])("%s: exit 64 naming the key and the file, nothing written", async (_what, content, code, message) => {
    const d = tempDir();
    writeFixture(d, "list.csv", LIST);
    writeFixture(d, "weird.json", typeof content === "string" ? content : JSON.stringify(content));
    const res = await runCli(["clean", "list.csv", "--config", "weird.json"], { cwd: d });
    expect(res.code).toBe(code);
    expect(res.stderr).toMatch(message);
    expect(outputsExist(d, "list")).toEqual([false, false, false]);
  });

  it("a missing --config file is exit 66", async () => {
    const res = await runCli(["clean", "list.csv", "--config", "absent.json"], { cwd: dir });
    expect(res.code).toBe(66);
    expect(res.stderr).toContain("absent.json");
  });
});

describe("exit thresholds for scheduled sweeps", () => {
  it.each([
    ["--fail-on a present code", ["--fail-on", "disposable_domain"], 1, /1 row\(s\) carry disposable_domain/],
    ["--fail-on absent codes", ["--fail-on", "domain_not_found,null_mx"], 0, null],
    ["--max-rejected-percent below the share", ["--max-rejected-percent", "30"], 1, /40\.0% of rows rejected, above --max-rejected-percent 30/],
    ["--max-rejected-percent above the share", ["--max-rejected-percent", "40"], 0, null],
  ])("%s: exit status as asked, outputs written either way", async (_what, args, code, message) => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    const res = await runCli(["clean", join(dir, "list.csv"), "--offline", "--no-store", ...args]);
    expect(res.code).toBe(code);
    expect(outputsExist(dir, "list")).toEqual([true, true, true]);
    if (message === null) expect(res.stderr).toBe("");
    else {
      expect(res.stderr).toMatch(message);
      expect(res.stdout).toMatch(message); // the summary says it too
    }
  });

  it("an unknown --fail-on code is a usage error before anything runs", async () => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    const res = await runCli(["clean", join(dir, "list.csv"), "--offline", "--no-store", "--fail-on", "bounced"]);
    expect(res.code).toBe(64);
    expect(res.stderr).toContain('"bounced"');
    expect(outputsExist(dir, "list")).toEqual([false, false, false]);
  });
});

describe("stdout stays clean", () => {
  it("--json prints exactly one JSON document, and nothing reaches stderr off a terminal", async () => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    const res = await runCli(["clean", join(dir, "list.csv"), "--offline", "--no-store", "--json"]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const parsed = JSON.parse(res.stdout) as CleanReport;
    expect(parsed).toEqual(report(dir));
  });

  it("--quiet prints nothing at all on success", async () => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    const res = await runCli(["clean", join(dir, "list.csv"), "--offline", "--no-store", "--quiet"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe("");
  });

  it("the summary lists counts, reasons and where the files are", async () => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    const res = await runCli(["clean", join(dir, "list.csv"), "--offline", "--no-store"]);
    expect(res.code).toBe(0);
    const r = report(dir);
    expect(res.stdout).toContain(`rows in 5   kept 3 (60.0%)   rejected 2 (40.0%)`);
    expect(res.stdout).toMatch(/disposable_domain\s+1\s+20\.0%\s+rejects/);
    expect(res.stdout).toContain(`report:   ${r.files.report}`);
  });
});

describe("--report-html", () => {
  it("writes one escaped page beside the outputs, listing the suppressed rows", async () => {
    const dir = tempDir();
    const hostile = 'list"><img src=x onerror=alert(1)>.csv';
    writeFixture(dir, hostile, LIST.replace("Cat,info@example.org", 'Cat,"""<script>x</script>""@example.org"'));
    const storePath = join(dir, "store.db");
    const store = openStore(storePath);
    store.suppressionAdd({ address: "info@example.org", reason: "manual", source: "test" });
    store.suppressionAdd({ address: "ann@gmail.com", reason: "hard_bounce", category: "mailbox_unknown", source: "test" });
    store.close();
    mkdirSync(join(dir, "html"));
    const res = await runCli(["clean", join(dir, hostile), "--offline", "--store", storePath, "--report-html", join(dir, "html", "r.html")]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`html:     ${join(dir, "html", "r.html")}`);
    const html = readFileSync(join(dir, "html", "r.html"), "utf8");
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain("list&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.csv");
    expect(html).toMatch(/<table id="suppressed">[\s\S]*ann@gmail\.com[\s\S]*mailbox_unknown/);
    expect(readdirSync(join(dir, "html"))).toEqual(["r.html"]); // no temp file left
    const r = JSON.parse(readFileSync(join(dir, 'list"><img src=x onerror=alert(1)>.report.json'), "utf8")) as CleanReport;
    expect(r.options.report_html).toBe(join(dir, "html", "r.html"));
  });

  it("refuses to overwrite the input", async () => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    const res = await runCli(["clean", join(dir, "list.csv"), "--offline", "--no-store", "--report-html", join(dir, "list.csv")]);
    expect(res.code).toBe(64);
    expect(readFileSync(join(dir, "list.csv"), "utf8")).toBe(LIST);
    expect(existsSync(join(dir, "list.report.json"))).toBe(false);
  });
});

