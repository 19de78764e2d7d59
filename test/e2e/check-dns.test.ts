import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";
import { readOutputs, records, sweepRows, tempDir, writeFixture, type Outputs, removeTempDirs } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** `check`, and a couple of runs against the loopback DNS server (never the internet). */

interface CheckLine {
  input: string;
  normalized: string | null;
  status: string;
  codes: string[];
  details: string[];
  suggestion: string | null;
}

function jsonLines(stdout: string): CheckLine[] {
  return stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CheckLine);
}

describe("check --offline --json", () => {
  let run: CliResult;
  beforeAll(async () => {
    run = await runCli(["check", "--offline", "--json", "a@gmail.com", "Bad@Mail.RI", "not an address", "info@example.org"]);
  });

  it("prints one JSON object per address, in order", () => {
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.input)).toEqual(["a@gmail.com", "Bad@Mail.RI", "not an address", "info@example.org"]);
    for (const l of lines) expect(l.details).toHaveLength(l.codes.length);
  });

  it.each([
    [0, "a@gmail.com", "valid", ["free_mail"]],
    [1, "Bad@mail.ru", "valid", ["typo_fixed", "normalized"]],
    [2, null, "invalid", ["syntax_invalid"]],
    [3, "info@example.org", "risky", ["role_account"]],
  ])("line %i → %s %s %j", (i, normalized, status, codes) => {
    const l = jsonLines(run.stdout)[i]!;
    if (normalized !== null) expect(l.normalized).toBe(normalized);
    expect(l.status).toBe(status);
    for (const c of codes) expect(l.codes).toContain(c);
  });
});

const ZONE = `
good-mx.com MX 10 mx.good-mx.com
mx.good-mx.com A 93.184.215.14
nullmx-example.com MX 0 .
a-only-example.com A 93.184.215.40
private-only-example.com A 10.1.2.3
localmx-example.com MX 10 localhost
sf-example.com FAULT servfail
`;

describe("clean and check against the loopback DNS server", () => {
  let srv: TestDnsServer;
  let run: CliResult;
  let o: Outputs;
  let check: CliResult;

  beforeAll(async () => {
    srv = await startDnsServer({ zone: ZONE });
    const dir = tempDir();
    writeFixture(
      dir,
      "dns.csv",
      [
        "Email",
        "a@good-mx.com", // 1
        "b@nx-example.com", // 2 NXDOMAIN
        "c@nullmx-example.com", // 3
        "d@a-only-example.com", // 4 implicit MX
        "e@private-only-example.com", // 5 only a private A
        "f@sf-example.com", // 6 SERVFAIL: unknown, kept
        "g@localmx-example.com", // 7
        "h@GOOD-MX.com", // 8 same domain again
        "",
      ].join("\n"),
    );
    const dns = ["--dns-server", srv.server, "--dns-timeout", "500", "--no-store"];
    [run, check] = await Promise.all([
      runCli(["clean", "dns.csv", ...dns], { cwd: dir }),
      runCli(["check", "--json", "--dns-server", srv.server, "--dns-timeout", "500", "x@nullmx-example.com"]),
    ]);
    o = readOutputs(dir, "dns");
  });

  afterAll(async () => {
    await srv?.close();
  });

  it("exits 0 and accounts for all rows", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(sweepRows(o)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(o.report.dns.checked).toBe(true);
  });

  it.each([
    ["a@good-mx.com", "clean", "valid", null],
    ["b@nx-example.com", "rejected", "invalid", "domain_not_found"],
    ["c@nullmx-example.com", "rejected", "invalid", "null_mx"],
    ["d@a-only-example.com", "clean", "valid", "implicit_mx"],
    ["e@private-only-example.com", "rejected", "invalid", "no_mail_server"],
    ["f@sf-example.com", "clean", "unknown", "dns_unknown"],
    ["g@localmx-example.com", "rejected", "invalid", "invalid_mx"],
  ])("%s → %s, %s, %s", (email, file, status, code) => {
    const rec = records(file === "clean" ? o.clean : o.rejected).find((r) => r.Email === email);
    expect(rec, `${email} in ${file}`).toBeDefined();
    expect(rec!.sweep_status).toBe(status);
    if (code !== null) expect(rec!.sweep_reasons!.split(";")).toContain(code);
  });

  it("asks once per distinct domain", () => {
    expect(srv.queries("good-mx.com", "MX")).toBe(1);
  });

  it("check --json reports the DNS verdict", () => {
    expect(check.code, check.stderr).toBe(0);
    const [line] = jsonLines(check.stdout);
    expect(line!.status).toBe("invalid");
    expect(line!.codes).toContain("null_mx");
  });
});
