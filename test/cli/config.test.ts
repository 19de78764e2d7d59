import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { applyConfig, CONFIG_FILE, loadConfig, parseConfig } from "../../src/cli/config.js";
import { buildProgram } from "../../src/cli/program.js";
import { MailsweepError } from "../../src/errors.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The real `clean` command with its action replaced, parsed from `argv`: flags get source "cli". */
async function cleanCommand(argv: readonly string[]): Promise<Command> {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {}, signal: new AbortController().signal };
  const program = buildProgram(io);
  const clean = program.commands.find((c) => c.name() === "clean")!;
  clean.action(() => undefined);
  await program.parseAsync(["clean", "list.csv", ...argv], { from: "user" });
  return clean;
}

const FILE = "/etc/mailsweep/weekly.json";

async function merged(values: Record<string, unknown>, argv: readonly string[] = []): Promise<Record<string, unknown>> {
  const cmd = await cleanCommand(argv);
  applyConfig(cmd, { path: FILE, values });
  return cmd.opts();
}

function usageError(fn: () => unknown): MailsweepError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MailsweepError);
    return err as MailsweepError;
  }
  throw new Error("expected a usage error");
}

describe("applyConfig: values go through the flag's own parser", () => {
  it.each<[string, unknown, string, unknown]>([
    ["typos", "suggest", "typos", "suggest"],
    ["offline", true, "offline", true],
    ["header", false, "header", false],
    ["header", true, "header", true],
    ["store", false, "store", false],
    ["store", "sweeps.db", "store", "/etc/mailsweep/sweeps.db"],
    ["store", "/var/lib/s.db", "store", "/var/lib/s.db"],
    ["out-dir", "out", "outDir", "/etc/mailsweep/out"],
    ["report-html", "r.html", "reportHtml", "/etc/mailsweep/r.html"],
    ["dns-timeout", 2000, "dnsTimeout", 2000],
    ["dns-timeout", "2000", "dnsTimeout", 2000],
    ["concurrency", 8, "concurrency", 8],
    ["formula-guard", "off", "formulaGuard", false],
    ["formula-guard", false, "formulaGuard", false],
    ["reject", ["role_account", "free_mail"], "reject", ["role_account", "free_mail"]],
    ["reject", "role_account,free_mail", "reject", ["role_account,free_mail"]],
    ["dns-server", ["127.0.0.1:5353"], "dnsServer", ["127.0.0.1:5353"]],
    ["delimiter", "tab", "delimiter", "\t"],
    ["fail-on", ["domain_not_found"], "failOn", ["domain_not_found"]],
    ["max-rejected-percent", 12.5, "maxRejectedPercent", 12.5],
    ["quiet", true, "quiet", true],
  ])("%s: %j", async (key, value, attr, expected) => {
    expect((await merged({ [key]: value }))[attr]).toEqual(expected);
  });

  it("ignores $schema and // comment keys", async () => {
    const opts = await merged({ $schema: "x", "// why": "weekly sweep", typos: "off" });
    expect(opts.typos).toBe("off");
  });
});

describe("applyConfig: the command line wins", () => {
  it.each<[Record<string, unknown>, string[], string, unknown]>([
    [{ typos: "off" }, ["--typos", "suggest"], "typos", "suggest"],
    [{ "dns-timeout": 100 }, ["--dns-timeout", "900"], "dnsTimeout", 900],
    [{ store: "a.db" }, ["--no-store"], "store", false],
    [{ reject: ["free_mail"] }, ["--reject", "role_account"], "reject", ["role_account"]],
    [{ "formula-guard": "off" }, ["--formula-guard", "on"], "formulaGuard", true],
  ])("%j under %j", async (values, argv, attr, expected) => {
    expect((await merged(values, argv))[attr]).toEqual(expected);
  });

  it("fills what the command line left out", async () => {
    const opts = await merged({ typos: "off", offline: true }, ["--typos", "fix"]);
    expect(opts.typos).toBe("fix");
    expect(opts.offline).toBe(true);
  });
});

describe("applyConfig: clear errors (exit 64) naming the key and the file", () => {
  it.each<[Record<string, unknown>, RegExp]>([
    [{ "dns-servers": ["1.1.1.1"] }, /unknown option "dns-servers"\. Did you mean "dns-server"\?/],
    [{ colour: true }, /unknown option "colour"\. Known options: .*typos/],
    [{ "no-store": true }, /unknown option "no-store"\. Write "store": false instead\./],
    [{ config: "other.json" }, /"config" cannot be set/],
    [{ typos: "sometimes" }, /"typos": expected "fix", "suggest" or "off"/],
    [{ "dns-timeout": -1 }, /"dns-timeout": expected a positive whole number/],
    [{ "dns-timeout": { ms: 1 } }, /"dns-timeout": expected a string or number/],
    [{ offline: "yes" }, /"offline": expected true or false/],
    [{ store: true }, /"store": expected a value or false, got true/],
    [{ "report-html": true }, /"report-html": expected a value, got true/],
    [{ typos: ["fix", "off"] }, /"typos": expected a single value, not a list/],
    [{ "dns-server": ["not a host:99999"] }, /"dns-server":/],
    [{ "max-rejected-percent": 150 }, /"max-rejected-percent": expected a percentage/],
  ])("%j", async (values, message) => {
    const cmd = await cleanCommand([]);
    const err = usageError(() => applyConfig(cmd, { path: FILE, values }));
    expect(err.kind).toBe("usage");
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
    expect(err.message).toMatch(message);
  });
});

describe("loadConfig / parseConfig", () => {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-config-"));
  dirs.push(dir);

  it("finds mailsweep.config.json in the current folder, and nothing when absent", async () => {
    const empty = mkdtempSync(join(tmpdir(), "mailsweep-config-"));
    dirs.push(empty);
    expect(await loadConfig(undefined, empty)).toBeNull();
    writeFileSync(join(dir, CONFIG_FILE), '\ufeff{"typos":"off"}');
    const found = await loadConfig(undefined, dir);
    expect(found).toEqual({ path: join(dir, CONFIG_FILE), values: { typos: "off" } });
  });

  it("--no-config reads nothing even when the file exists", async () => {
    expect(await loadConfig(false, dir)).toBeNull();
  });

  it("an explicit --config that is missing is exit 66", async () => {
    await expect(loadConfig("nope.json", dir)).rejects.toMatchObject({ kind: "no_input", message: expect.stringContaining("nope.json") });
  });

  it.each([
    ["{typos: off}", /not valid JSON/],
    ["[1,2]", /expected a JSON object/],
    ["null", /expected a JSON object/],
    ['"x"', /expected a JSON object/],
  ])("%s is a usage error naming the file", (text, message) => {
    const err = usageError(() => parseConfig(text, "/x/mailsweep.config.json"));
    expect(err.kind).toBe("usage");
    expect(err.message).toMatch(/^\/x\/mailsweep\.config\.json: /);
    expect(err.message).toMatch(message);
  });
});
