import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";
import { readOutputs, records, removeTempDirs, tempDir, writeFixture, type Outputs } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** Domain intelligence through the CLI: typos (with DNS evidence), lists, overrides, provenance. */

const LIST = [
  "Email,Name",
  "kate@mail.ri,Kate", // 1 not a TLD: fixed offline
  "anna@gmaik.com,Anna", // 2 a real TLD: only suggested offline; DNS evidence upgrades it
  "bob@mailinator.com,Bob", // 3 disposable
  "carl@my-own-throwaway.net,Carl", // 4 disposable only by --deny-domains
  "dora@sub.my-own-throwaway.net,Dora", // 5 a subdomain of a denied domain
  "eve@guerrillamail.com,Eve", // 6 disposable, but allowed by --allow-domains
  "info@acme-corp.com,Info", // 7 role at a corporate domain
  "fred@physics.uni-example.ac.uk,Fred", // 8 academic (subdomain of the registrable domain)
  "gina@gmx.com,Gina", // 9 real provider: never touched
  "",
].join("\n");

describe("domain intelligence offline, with --allow-domains / --deny-domains", () => {
  let run: CliResult;
  let o: Outputs;
  const row = (n: number) => [...records(o.clean), ...records(o.rejected)].find((r) => r.sweep_row === String(n))!;

  beforeAll(async () => {
    const dir = tempDir();
    writeFixture(dir, "list.csv", LIST);
    writeFixture(dir, "deny.txt", "# our own list\nmy-own-throwaway.net\n");
    writeFixture(dir, "allow.txt", "guerrillamail.com\n");
    run = await runCli(["clean", "list.csv", "--offline", "--no-store", "--deny-domains", "deny.txt", "--allow-domains", "allow.txt"], { cwd: dir });
    o = readOutputs(dir, "list");
  });

  it.each([
    [1, "valid", ["typo_fixed", "free_mail"], "kate@mail.ru", ""],
    [2, "risky", ["typo_suspected"], "anna@gmaik.com", "anna@gmail.com"],
    [3, "invalid", ["disposable_domain"], "bob@mailinator.com", ""],
    [4, "invalid", ["disposable_domain"], "carl@my-own-throwaway.net", ""],
    [5, "invalid", ["disposable_domain"], "dora@sub.my-own-throwaway.net", ""],
    [7, "risky", ["role_account", "corporate_domain"], "info@acme-corp.com", ""],
    [8, "valid", ["corporate_domain", "edu_domain"], "fred@physics.uni-example.ac.uk", ""],
    [9, "valid", ["free_mail"], "gina@gmx.com", ""],
  ])("row %i → %s %j", (n, status, codes, email, suggestion) => {
    expect(run.code, run.stderr).toBe(0);
    const r = row(n);
    expect(r.sweep_status).toBe(status);
    for (const c of codes) expect(r.sweep_reasons!.split(";")).toContain(c);
    expect(r.Email).toBe(email);
    expect(r.sweep_suggestion).toBe(suggestion);
  });

  it("--allow-domains wins over the disposable list", () => {
    expect(row(6).sweep_reasons!.split(";")).not.toContain("disposable_domain");
    expect(row(6).sweep_status).toBe("valid");
  });

  it("records the lists that decided, with versions", () => {
    const names = o.report.data_sources.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["disposable-email-domains", "free-mail", "providers", "role-local-parts"]));
    expect(o.report.data_sources.find((s) => s.name === "disposable-email-domains")!.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("DNS evidence makes a suspected typo a confident fix", () => {
  let srv: TestDnsServer;
  let o: Outputs;
  let run: CliResult;
  beforeAll(async () => {
    // gmaik.com does not exist here; gmail.com receives mail.
    srv = await startDnsServer({ zone: "gmail.com MX 5 gmail-smtp-in.l.google.com\ngmail-smtp-in.l.google.com A 142.250.102.26\n" });
    const dir = tempDir();
    writeFixture(dir, "l.csv", "Email\nanna@gmaik.com\nbea@gmail.com\n");
    run = await runCli(["clean", "l.csv", "--dns-server", srv.server, "--dns-timeout", "500", "--no-store"], { cwd: dir });
    o = readOutputs(dir, "l");
  });
  afterAll(async () => {
    await srv?.close();
  });

  it("corrects gmaik.com to gmail.com, keeps the original, and names the provider", () => {
    expect(run.code, run.stderr).toBe(0);
    const anna = records(o.clean).find((r) => r.sweep_row === "1")!;
    expect(anna.Email).toBe("anna@gmail.com");
    expect(anna.sweep_original_email).toBe("anna@gmaik.com");
    expect(anna.sweep_reasons!.split(";")).toContain("typo_fixed");
    expect(o.report.top_domains.find((d) => d.domain === "gmail.com")).toMatchObject({ rows: 2, verdict: "mx", provider: expect.stringMatching(/Gmail|Google/) });
  });
});

describe("mailsweep data", () => {
  it("prints every list with its source, one JSON object per line", async () => {
    const run = await runCli(["data", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const lists = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { name: string; entries: number; source: string });
    expect(lists.map((l) => l.name)).toContain("disposable-email-domains");
    for (const l of lists) expect(l.source.length).toBeGreaterThan(0);
    expect(lists.find((l) => l.name === "free-mail")!.entries).toBeGreaterThan(100);
  });
});
