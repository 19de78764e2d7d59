import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";
import { readOutputs, records, removeTempDirs, tempDir, writeFixture } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** Scheduled sweeps: the store's DNS cache, sweep history, and a resolver that stops answering. */

const ZONE = `
good-mx.com MX 10 mx.good-mx.com
mx.good-mx.com A 93.184.215.14
other-mx.com MX 10 mx.other-mx.com
mx.other-mx.com A 93.184.215.15
sf-example.com FAULT servfail
`;
// The same world a week later: good-mx.com is gone.
const ZONE_LATER = ZONE.replace(/^good-mx\.com MX.*$/m, "").replace(/^mx\.good-mx\.com A.*$/m, "");

const LIST = ["Email", "a@good-mx.com", "b@other-mx.com", "c@sf-example.com", "d@good-mx.com", ""].join("\n");

describe("a weekly sweep with a store", () => {
  let srv: TestDnsServer;
  let later: TestDnsServer;
  let dir: string;
  let store: string;
  let first: CliResult;
  let second: CliResult;
  let firstQueries: number;
  let secondQueries: Record<string, number>;
  let third: CliResult;

  beforeAll(async () => {
    srv = await startDnsServer({ zone: ZONE });
    later = await startDnsServer({ zone: ZONE_LATER });
    dir = tempDir();
    store = `${dir}/store.sqlite`;
    writeFixture(dir, "list.csv", LIST);
    const args = (server: string) => ["clean", "list.csv", "--dns-server", server, "--dns-timeout", "500", "--store", store];
    first = await runCli(args(srv.server), { cwd: dir });
    firstQueries = srv.queries();
    srv.resetCounts();
    second = await runCli(args(srv.server), { cwd: dir });
    secondQueries = {
      good: srv.queries("good-mx.com", "MX"),
      other: srv.queries("other-mx.com", "MX"),
      servfail: srv.queries("sf-example.com"),
    };
    third = await runCli([...args(later.server), "--refresh-dns"], { cwd: dir });
  });

  afterAll(async () => {
    await srv?.close();
    await later?.close();
  });

  it("the first sweep asks the server", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(firstQueries).toBeGreaterThan(0);
  });

  it("the second sweep asks nothing for cached domains, and again for the transient one", () => {
    expect(second.code, second.stderr).toBe(0);
    expect(secondQueries.good).toBe(0);
    expect(secondQueries.other).toBe(0);
    expect(secondQueries.servfail).toBeGreaterThan(0); // transient answers are never cached
  });

  it("with --refresh-dns a domain that stopped receiving mail shows up in what changed", () => {
    expect(third.code, third.stderr).toBe(0);
    const o = readOutputs(dir, "list");
    const since = o.report.since_previous_sweep!;
    expect(since).not.toBeNull();
    expect(since.domains_stopped_receiving).toContain("good-mx.com");
    expect(since.newly_rejected.map((r) => r.address)).toContain("a@good-mx.com");
    expect(records(o.rejected).find((r) => r.Email === "a@good-mx.com")?.sweep_reasons).toContain("domain_not_found");
    expect(third.stdout).toMatch(/since the previous sweep/);
  });
});

describe("a list full of lame domains", () => {
  it("keeps every row as unknown when the resolver still answers (exit 0, nothing rejected)", async () => {
    const zone = Array.from({ length: 30 }, (_, i) => `dead${i}.com FAULT servfail`).join("\n");
    const srv = await startDnsServer({ zone });
    try {
      const dir = tempDir();
      writeFixture(dir, "l.csv", ["Email", ...Array.from({ length: 30 }, (_, i) => `u${i}@dead${i}.com`)].join("\n") + "\n");
      const run = await runCli(["clean", "l.csv", "--dns-server", srv.server, "--dns-timeout", "300", "--no-store"], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const o = readOutputs(dir, "l");
      expect(records(o.rejected)).toEqual([]);
      expect(new Set(records(o.clean).map((r) => r.sweep_status))).toEqual(new Set(["unknown"]));
      expect(o.report.rows.clean_rows).toBe(30);
    } finally {
      await srv.close();
    }
  });
});

describe("standard input with DNS", () => {
  it("is spooled for the look-ahead, judged over DNS, and the spool file is removed", async () => {
    const srv = await startDnsServer({ zone: ZONE });
    try {
      const dir = tempDir();
      const run = await runCli(["clean", "-", "--dns-server", srv.server, "--dns-timeout", "500", "--no-store", "--out-dir", dir], { stdin: LIST });
      expect(run.code, run.stderr).toBe(0);
      const o = readOutputs(dir, "stdin");
      expect(records(o.clean).map((r) => [r.Email, r.sweep_status])).toEqual([
        ["a@good-mx.com", "valid"],
        ["b@other-mx.com", "valid"],
        ["c@sf-example.com", "unknown"],
        ["d@good-mx.com", "valid"],
      ]);
      expect(records(o.rejected)).toEqual([]);
      expect(o.files.filter((f) => f.includes(".tmp"))).toEqual([]);
      expect(srv.queries("good-mx.com", "MX")).toBe(1);
    } finally {
      await srv.close();
    }
  });
});
