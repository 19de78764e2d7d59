import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { readOutputs, readTable, records, removeTempDirs, tempDir, tempFiles, unguardedCells, writeFixture } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** `mailsweep bounces` through the built CLI, with a store in a temp folder. */

const BOUNCE_COLUMNS = ["bounce_category", "bounce_action", "bounce_code", "bounce_enhanced_code"];

const LOG = [
  "Date,Recipient,Status,Diagnostic-Code",
  '2025-01-02 10:00:00,bob@example.com,5.1.1,"smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table"',
  "2025-01-02 10:01:00,ann@example.org,4.2.2,452 4.2.2 Mailbox full",
  "",
  '2025-01-02 10:02:00,=cmd@example.net,5.7.1,"550 5.7.1 Sender verify failed"',
  "2025-01-02 10:03:00,joe@example.com,,554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
  "2025-01-03 10:03:00,kim@example.com,,550 5.1.1 The email account that you tried to reach does not exist",
  "",
].join("\n");

interface Summary {
  rows: { input_rows: number; output_rows: number; blank_rows: number; malformed_rows: number };
  detected: { format: string; columns: Record<string, { index: number; name: string | null } | null> | null };
  by_category: { category: string; rows: number }[];
  by_domain: { domain: string; rows: number }[];
  blocklists: { list: string; rows: number }[];
  sender: { rows: number; percent: number; alert: boolean };
  advice: string[];
  applied: { recorded: number; already_recorded: number; hard_suppressed: number; soft_counted: number; sender_recorded: number } | null;
}

function summaryOf(run: CliResult): Summary {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Summary;
}

describe("bounces <log.csv> --apply", () => {
  let dir: string;
  let store: string;
  let first: CliResult;
  let again: CliResult;
  beforeAll(async () => {
    dir = tempDir();
    store = join(dir, "store.sqlite");
    const log = writeFixture(dir, "bounces-jan.csv", LOG);
    first = await runCli(["bounces", log, "--apply", "--json", "--store", store]);
    again = await runCli(["bounces", log, "--apply", "--json", "--store", store]);
  });

  it("writes the original columns plus the four bounce columns, every data row once", () => {
    summaryOf(first);
    const t = readTable(join(dir, "bounces-jan.bounces.csv"));
    expect(t.header).toEqual(["Date", "Recipient", "Status", "Diagnostic-Code", ...BOUNCE_COLUMNS]);
    expect(t.rows.map((r) => r[1])).toEqual(["bob@example.com", "ann@example.org", "'=cmd@example.net", "joe@example.com", "kim@example.com"]);
    expect(unguardedCells(t)).toEqual([]);
    expect(tempFiles(dir)).toEqual([]);
  });

  it.each([
    ["bob@example.com", "mailbox_unknown", "suppress", "550", "5.1.1"],
    ["ann@example.org", "mailbox_full", "retry", "452", "4.2.2"],
    ["'=cmd@example.net", "sender_config", "fix-sender", "550", "5.7.1"],
    ["joe@example.com", "blocklisted", "review", "554", "5.7.1"],
  ])("%s → %s %s %s %s", (address, category, action, code, enhanced) => {
    const rows = records(readTable(join(dir, "bounces-jan.bounces.csv")));
    const r = rows.find((x) => x.Recipient === address)!;
    expect([r.bounce_category, r.bounce_action, r.bounce_code, r.bounce_enhanced_code]).toEqual([category, action, code, enhanced]);
  });

  it("accounts for every row and names the detected columns", () => {
    const s = summaryOf(first);
    expect(s.rows).toMatchObject({ input_rows: 6, output_rows: 5, blank_rows: 1, malformed_rows: 0 });
    expect(s.detected.columns?.email?.name).toBe("Recipient");
    expect(s.detected.columns?.text?.name).toBe("Diagnostic-Code");
    expect(s.detected.columns?.date?.name).toBe("Date");
    expect(s.blocklists).toEqual([{ list: "zen.spamhaus.org", rows: 1 }]);
    expect(s.by_domain[0]).toEqual(expect.objectContaining({ domain: "example.com", rows: 3 }));
  });

  it("raises the sender alert (2 of 5 are sender-side) and points to `mailsweep sender`", () => {
    const s = summaryOf(first);
    expect(s.sender).toMatchObject({ rows: 2, percent: 40, alert: true });
    expect(s.advice.join("\n")).toContain("mailsweep sender");
    expect(first.stderr).toContain("SENDER ALERT");
  });

  it("records hard bounces and soft bounces, never the sender-side ones", () => {
    expect(summaryOf(first).applied).toMatchObject({ recorded: 5, hard_suppressed: 2, soft_counted: 1, sender_recorded: 2 });
  });

  it("is idempotent: re-applying the same log records nothing", () => {
    expect(summaryOf(again).applied).toMatchObject({ recorded: 0, already_recorded: 5, hard_suppressed: 0 });
  });

  it("then `clean` rejects the hard-bounced addresses as suppressed, with date and category", async () => {
    const list = writeFixture(dir, "subscribers.csv", "Name,Email\nBob,bob@example.com\nAnn,ann@example.org\nKim,KIM@example.com\n");
    const run = await runCli(["clean", list, "--offline", "--store", store]);
    expect(run.code, run.stderr).toBe(0);
    const o = readOutputs(dir, "subscribers");
    const rejected = records(o.rejected);
    expect(rejected.map((r) => r.Email!.toLowerCase()).sort()).toEqual(["bob@example.com", "kim@example.com"]);
    for (const r of rejected) {
      expect(r.sweep_reasons?.split(";")).toContain("suppressed");
      expect(r.sweep_detail).toMatch(/mailbox_unknown/);
      expect(r.sweep_detail).toMatch(/2025-01-0[23]/);
    }
    // A single soft bounce (mailbox full) suppresses nobody.
    expect(records(o.clean).map((r) => r.Email)).toEqual(["ann@example.org"]);
  });
});

describe("bounces: exit codes and options", () => {
  it.each([
    ["--apply with --no-store", (log: string) => ["bounces", log, "--apply", "--no-store"], 64],
    ["a missing log", (_log: string) => ["bounces", "/nonexistent/log.csv", "--no-store"], 66],
    ["an unknown column", (log: string) => ["bounces", log, "--text-column", "nope"], 64],
    ["sender alert with --fail-on-sender-alert", (log: string) => ["bounces", log, "--fail-on-sender-alert"], 1],
    ["sender alert below a raised level", (log: string) => ["bounces", log, "--fail-on-sender-alert", "--sender-alert-percent", "50"], 0],
    ["a log without a text column", (_log: string) => ["bounces", "NOTEXT"], 65],
  ] as const)("%s", async (_label, args, code) => {
    const dir = tempDir();
    const log = writeFixture(dir, "log.csv", LOG);
    writeFixture(dir, "NOTEXT", "email,name\nbob@example.com,Bob\n");
    const run = await runCli(args(log), { cwd: dir });
    expect(run.code, run.stderr).toBe(code);
  });

  it("does not open the store without --apply", async () => {
    const dir = tempDir();
    const log = writeFixture(dir, "log.csv", LOG);
    const run = await runCli(["bounces", log, "--store", join(dir, "never.sqlite")]);
    expect(run.code, run.stderr).toBe(0);
    expect(() => readFileSync(join(dir, "never.sqlite"))).toThrow();
  });

  it("reads stdin and writes stdin.bounces.csv in the current folder", async () => {
    const dir = tempDir();
    const run = await runCli(["bounces", "-", "--json"], { cwd: dir, stdin: LOG });
    expect(summaryOf(run).rows.output_rows).toBe(5);
    expect(readTable(join(dir, "stdin.bounces.csv")).rows).toHaveLength(5);
  });

  it("reads a plain-text log: one bounce per line, the recipient found in the line", async () => {
    const dir = tempDir();
    const log = writeFixture(
      dir,
      "mail.log",
      [
        "2025-01-02T10:00:00Z postfix/smtp[1]: 4Xz: from=<me@mycorp.com>, to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, status=bounced (host mx.example.com said: 550 5.1.1 User unknown, mailbox not found (in reply to RCPT TO command))",
        "2025-01-02T10:05:00Z postfix/smtp[1]: 4Ya: from=<me@mycorp.com>, to=<ann@example.org>, status=deferred (host mx said: 452 4.2.2 Mailbox full, quota exceeded)",
        "",
        "a line without any address",
      ].join("\n"),
    );
    const run = await runCli(["bounces", log, "--json"]);
    const s = summaryOf(run);
    expect(s.detected.format).toBe("text");
    expect(s.rows).toMatchObject({ input_rows: 4, output_rows: 3, blank_rows: 1 });
    const rows = records(readTable(join(dir, "mail.bounces.csv")));
    expect(rows.map((r) => [r.email, r.bounce_category])).toEqual([
      ["bob@example.com", "mailbox_unknown"],
      ["ann@example.org", "mailbox_full"],
      ["", "unknown"],
    ]);
  });

  it("keeps a row whose unquoted reply has commas, when the text is the last column", async () => {
    const dir = tempDir();
    const log = writeFixture(dir, "log.csv", "email,error\nbob@example.com,550 5.1.1 sorry, no mailbox here by that name\n");
    const run = await runCli(["bounces", log, "--json"]);
    expect(summaryOf(run).rows.malformed_rows).toBe(0);
    const rows = records(readTable(join(dir, "log.bounces.csv")));
    expect(rows[0]).toMatchObject({ error: "550 5.1.1 sorry, no mailbox here by that name", bounce_category: "mailbox_unknown" });
  });

  it("re-reading its own output replaces the bounce columns instead of adding more", async () => {
    const dir = tempDir();
    const log = writeFixture(dir, "log.csv", LOG);
    expect((await runCli(["bounces", log])).code).toBe(0);
    const out = join(dir, "log.bounces.csv");
    const run = await runCli(["bounces", out, "--out-dir", join(dir, "second")]);
    expect(run.code, run.stderr).toBe(0);
    const t = readTable(join(dir, "second", "log.bounces.bounces.csv"));
    expect(t.header).toEqual(["Date", "Recipient", "Status", "Diagnostic-Code", ...BOUNCE_COLUMNS]);
    expect(t.rows).toEqual(readTable(out).rows);
  });

  it("soft bounces over weeks, applied log by log, suppress past the threshold", async () => {
    const dir = tempDir();
    const store = join(dir, "store.sqlite");
    const week = (d: string): string => writeFixture(dir, `w${d}.csv`, `date,email,reason\n2025-01-${d},ann@example.org,452 4.2.2 Mailbox full\n`);
    for (const d of ["01", "08"]) expect((await runCli(["bounces", week(d), "--apply", "--store", store])).code).toBe(0);
    let list = await runCli(["suppress", "list", "--json", "--store", store]);
    expect(list.stdout.trim()).toBe("");
    expect((await runCli(["bounces", week("16"), "--apply", "--store", store])).code).toBe(0);
    list = await runCli(["suppress", "list", "--json", "--store", store]);
    expect(JSON.parse(list.stdout.trim())).toMatchObject({ address: "ann@example.org", reason: "soft_bounce_threshold", category: "mailbox_full" });
  });
});

describe("check --bounce", () => {
  it.each([
    ["550 5.1.1 <x@example.com>: Recipient address rejected: User unknown", "mailbox_unknown", "suppress"],
    ["550 5.7.1 Sender verify failed", "sender_config", "fix-sender"],
    ["451 4.7.1 Greylisted, please try again later", "transient", "retry"],
  ])("%s → %s / %s", async (text, category, action) => {
    const json = await runCli(["check", "--bounce", text, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ category, action });
    const plain = await runCli(["check", "--bounce", text]);
    expect(plain.stdout).toContain(`bounce: ${category} → ${action}`);
    expect(plain.stdout).toContain("advice:");
  });

  it("without addresses or --bounce is a usage error", async () => {
    expect((await runCli(["check"])).code).toBe(64);
  });
});
