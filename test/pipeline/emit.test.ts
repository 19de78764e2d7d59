import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { checkCell } from "../../src/check/address.js";
import { DomainAnalyzer } from "../../src/check/domain.js";
import { createDomainIntel } from "../../src/domains/index.js";
import { renderReason } from "../../src/messages.js";
import type { Reason, ReasonCode } from "../../src/reasons.js";
import type { RunCounts } from "../../src/report/summary.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createTypoCorrector } from "../../src/typos/index.js";
import { DEFAULT_POLICY, type VerdictPolicy } from "../../src/verdict.js";
import { emptyCounts } from "../../src/pipeline/counts.js";
import { CsvRecordReader } from "../../src/pipeline/csv-reader.js";
import { InputDecoder } from "../../src/pipeline/decode.js";
import { RowEmitter } from "../../src/pipeline/emit.js";
import { RowIntake, type Pending } from "../../src/pipeline/intake.js";
import { detectLayout, openOutputs, type Layout, type Outputs } from "../../src/pipeline/setup.js";
import { readTable, removeTempDirs, tempDir, type Table } from "../support/fixtures.js";

/**
 * The emitter through its seam, with real parts: rows from a real RowIntake over a detected
 * layout, real AtomicCsvWriters into a temp folder, a real SQLite store for suppressions.
 */
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
afterAll(removeTempDirs);

interface Run {
  readonly dir: string;
  readonly layout: Layout;
  readonly writers: Outputs;
  readonly intake: RowIntake;
  readonly emitter: RowEmitter;
  readonly counts: RunCounts;
}

async function setUp(input: string, o: { policy?: VerdictPolicy; formulaGuard?: boolean; store?: Store } = {}): Promise<Run> {
  const dir = tempDir();
  const decoder = new InputDecoder({ fileLabel: "list.csv" });
  const layout = detectLayout(input, true, { label: "list.csv", decoder });
  const formulaGuard = o.formulaGuard ?? true;
  const paths = { clean: join(dir, "list.clean.csv"), rejected: join(dir, "list.rejected.csv") };
  const writers = await openOutputs(paths, layout, decoder.info, { formulaGuard });
  const counts = emptyCounts();
  const analyzer = new DomainAnalyzer({ intel: createDomainIntel({ memo: false }), typos: createTypoCorrector({ memo: false }), dns: null, typoMode: "fix" });
  const intake = new RowIntake(layout, analyzer, counts, decoder);
  const emitter = new RowEmitter({
    writers,
    counts,
    policy: o.policy ?? DEFAULT_POLICY,
    formulaGuard,
    width: layout.width,
    emailIndex: layout.emailIndex,
    suppressed: o.store?.suppressionLookup() ?? null,
    keepRejected: o.store !== undefined,
  });
  return { dir, layout, writers, intake, emitter, counts };
}

/** Take and emit every record of the layout's body, then commit both outputs and read them back. */
async function sweep(run: Run): Promise<{ clean: Table; rejected: Table }> {
  const reader = new CsvRecordReader({ delimiter: run.layout.delimiter });
  for (const record of [...reader.push(run.layout.body), ...reader.end()]) {
    const p = run.intake.take(record);
    if (p !== null) await run.emitter.emit(p);
  }
  await Promise.all([run.writers.clean.finish(), run.writers.rejected.finish()]);
  await run.writers.clean.commit();
  await run.writers.rejected.commit();
  expect(readdirSync(run.dir).sort()).toEqual(["list.clean.csv", "list.rejected.csv"]);
  return { clean: readTable(join(run.dir, "list.clean.csv")), rejected: readTable(join(run.dir, "list.rejected.csv")) };
}

const COLUMNS = ["Name", "Email", "sweep_status", "sweep_reasons", "sweep_detail", "sweep_original_email", "sweep_suggestion", "sweep_row"];

describe("RowEmitter", () => {
  it("routes rows by verdict, in input order, with the sweep_* columns", async () => {
    const store = openStore(join(tempDir(), "store.sqlite"));
    stores.push(store);
    store.suppressionAdd({ address: "Sup@Example.org", reason: "hard_bounce", category: "mailbox_unknown", source: "march.log", at: "2025-03-02T10:00:00Z" });
    const run = await setUp(
      [
        "Name,Email",
        "Ann,ann@example.org", // 1 valid
        "Ann again, ANN@example.org", // 2 duplicate of 1
        "Sue,sup@example.org", // 3 suppressed
        "Broken", // 4 malformed
        "Info,info@example.org", // 5 role account: risky, kept
        "Gil,gil@gmial.com", // 6 typo fixed
        "", // 7 blank
        "Nobody,", // 8 empty
      ].join("\n"),
      { store },
    );
    const out = await sweep(run);
    expect(out.clean.header).toEqual(COLUMNS);
    expect(out.rejected.header).toEqual(COLUMNS);
    const summary = (t: Table) => t.rows.map((r) => [r[7], r[2], r[3], r[1]]);
    expect(summary(out.clean)).toEqual([
      ["1", "valid", "corporate_domain", "ann@example.org"],
      ["5", "risky", "role_account;corporate_domain", "info@example.org"],
      ["6", "valid", "typo_fixed;free_mail", "gil@gmail.com"],
    ]);
    expect(summary(out.rejected)).toEqual([
      // Row-level reasons (duplicate, suppressed) sorted in with the cell's own, reject codes first.
      ["2", "invalid", "duplicate;corporate_domain;normalized", "ANN@example.org"],
      ["3", "invalid", "suppressed;corporate_domain", "sup@example.org"],
      ["4", "invalid", "malformed_row", ""],
      ["8", "invalid", "empty", ""],
    ]);
    // Domain-level flags (corporate_domain, free_mail) come from the bundled lists.
    // The original address goes beside the corrected one; a malformed row keeps no cells.
    expect(out.clean.rows[2]![5]).toBe("gil@gmial.com");
    expect(out.rejected.rows[2]!.slice(0, 2)).toEqual(["", ""]);

    const c = run.counts;
    expect(c).toMatchObject({ inputRows: 8, blankRows: 1, cleanRows: 3, rejectedRows: 4 });
    expect(c.byStatus).toEqual({ valid: 2, risky: 1, unknown: 0, invalid: 4 });
    expect(c.byCode).toMatchObject({ duplicate: 1, suppressed: 1, malformed_row: 1, role_account: 1, typo_fixed: 1, empty: 1 });
    expect([...c.typoFixes]).toEqual([["gmial.com → gmail.com", 1]]);
    expect(c.domainRows.get("example.org")).toBe(4);
    expect([...c.rejectedDomains]).toEqual([["example.org", 2]]);
    expect(c.suppressed).toEqual([{ address: "sup@example.org", row: 3, since: "2025-03-02", category: "mailbox_unknown", source: "march.log" }]);
    // For the sweep history: rejected rows that have an address key, with their codes.
    expect([...run.emitter.rejected()]).toEqual([
      { key: "ann@example.org", codes: "duplicate;corporate_domain;normalized" },
      { key: "sup@example.org", codes: "suppressed;corporate_domain" },
    ]);
  });

  it("names the first row of a duplicate in the detail, rendered from the reasons", async () => {
    const run = await setUp("Name,Email\nA,a@example.org\nB,b@example.org\nA2,A@Example.org\n");
    const out = await sweep(run);
    const [row] = out.rejected.rows;
    const reasons: Reason[] = [{ code: "duplicate", firstRow: 1 }];
    expect(row![3]).toMatch(/^duplicate/);
    expect(row![4]!.startsWith(renderReason(reasons[0]!))).toBe(true);
    expect(run.emitter.detail(reasons)).toBe(renderReason(reasons[0]!));
  });

  it("joins sentences with ' | ', the same again from the cache", async () => {
    const run = await setUp("Email\na@example.org\n");
    const shared: Reason = { code: "free_mail", domain: "gmail.com" };
    const other: Reason = { code: "role_account", localPart: "info" };
    expect(run.emitter.detail([])).toBe("");
    expect(run.emitter.detail([shared, other])).toBe(`${renderReason(shared)} | ${renderReason(other)}`);
    expect(run.emitter.detail([shared])).toBe(run.emitter.detail([shared]));
  });

  it.each<[string, VerdictPolicy, "clean" | "rejected", string]>([
    ["default: a role account stays, risky", DEFAULT_POLICY, "clean", "risky"],
    ["--reject role_account moves it", { keep: new Set(), reject: new Set<ReasonCode>(["role_account"]) }, "rejected", "risky"],
  ])("policy — %s", async (_, policy, where, status) => {
    const run = await setUp("Email\ninfo@example.org\n", { policy });
    const out = await sweep(run);
    expect(out[where].rows.map((r) => r[1])).toEqual([status]);
    expect(out[where === "clean" ? "rejected" : "clean"].rows).toEqual([]);
  });

  it("--keep duplicate keeps the second copy in the clean list, as risky", async () => {
    const run = await setUp("Email\na@example.org\na@example.org\n", { policy: { keep: new Set<ReasonCode>(["duplicate"]), reject: new Set() } });
    const out = await sweep(run);
    expect(out.clean.rows.map((r) => [r[1], r[2], r[6]])).toEqual([
      ["valid", "corporate_domain", "1"],
      ["risky", "duplicate;corporate_domain", "2"],
    ]);
  });

  it.each([
    [true, ["'=SUM(A1)", "a@example.org"], 1],
    [false, ["=SUM(A1)", "a@example.org"], 0],
  ])("formula guard %s: cells that start a formula are neutralised and counted", async (guard, cells, neutralised) => {
    const run = await setUp("Name,Email\n=SUM(A1),a@example.org\n", { formulaGuard: guard });
    const out = await sweep(run);
    expect(out.clean.rows[0]!.slice(0, 2)).toEqual(cells);
    expect(run.counts.neutralisedCells).toBe(neutralised);
  });

  it("waits for a check that is still a promise (DNS not answered yet)", async () => {
    const run = await setUp("Email\nx@example.org\n");
    const analyzer = new DomainAnalyzer({ intel: createDomainIntel(), typos: createTypoCorrector(), dns: null, typoMode: "fix" });
    const settled = checkCell("late@example.org", analyzer);
    let answer!: (v: typeof settled) => void;
    const check = new Promise<typeof settled>((resolve) => (answer = resolve));
    const record = { fields: ["late@example.org"], raw: "late@example.org", line: 2, problem: null };
    const p: Pending = { dataRow: 1, record, cells: ["late@example.org"], malformed: null, previousOriginal: "", check: check as Pending["check"] };
    const emitting = run.emitter.emit(p);
    await new Promise((r) => setImmediate(r));
    expect(run.counts.cleanRows).toBe(0);
    answer(settled);
    await emitting;
    expect(run.counts.cleanRows).toBe(1);
  });

  it("keeps nothing for the history without a store", async () => {
    const run = await setUp("Email\nbad@\n");
    await sweep(run);
    expect(run.counts.rejectedRows).toBe(1);
    expect([...run.emitter.rejected()]).toEqual([]);
  });
});
