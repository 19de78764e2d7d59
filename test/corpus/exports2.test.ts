import { afterAll, describe, expect, it } from "vitest";
import { cleanList } from "../../src/pipeline/clean.js";
import { MailsweepError } from "../../src/errors.js";
import { column, readOutputs, removeTempDirs, tempDir, writeFixture } from "../support/fixtures.js";
import { CASES, type ExportCase } from "./exports2/cases.js";

/**
 * Second export corpus (see exports2/cases.ts): each real-world export shape runs through
 * cleanList offline; the report's `detected` section, its row accounting and the malformed rows
 * must be what the README says.
 */

afterAll(removeTempDirs);

async function run(c: ExportCase): Promise<{ dir: string } | { error: unknown }> {
  const dir = tempDir();
  const input = writeFixture(dir, `${c.name}.csv`, c.bytes);
  try {
    await cleanList({ input, outDir: dir, dns: null, store: null, ...c.options });
    return { dir };
  } catch (error) {
    return { error };
  }
}

describe("export corpus 2", () => {
  it("has at least 40 cases with a reason each", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) expect(c.why.length, c.name).toBeGreaterThan(20);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const got = await run(c);
    if ("error" in c.expect) {
      expect("error" in got ? got.error : null, c.why).toBeInstanceOf(MailsweepError);
      const err = (got as { error: MailsweepError }).error;
      expect(err.kind).toBe(c.expect.error);
      expect(err.message).toMatch(c.expect.message);
      return;
    }
    if ("error" in got) throw new Error(`${c.name} (${c.why}) failed: ${String(got.error)}`);
    const e = c.expect;
    const o = readOutputs(got.dir, c.name, e.delimiter, e.header);
    const d = o.report.detected;
    expect({
      encoding: d.encoding,
      bom: d.bom,
      encodingDetected: d.encoding_detected,
      delimiter: d.delimiter,
      header: d.header,
      // The report numbers columns from 1, as --email-column does; the cases from 0.
      column: { index: d.email_column.index - 1, name: d.email_column.name, how: d.email_column.how },
    }, c.why).toEqual({
      encoding: e.encoding,
      bom: e.bom,
      encodingDetected: e.encodingDetected,
      delimiter: e.delimiter,
      header: e.header,
      column: e.column,
    });
    const r = o.report.rows;
    expect({ input: r.input_rows, blank: r.blank_rows, rejected: r.rejected_rows }, c.why).toEqual(e.rows);
    expect(r.clean_rows).toBe(e.rows.input - e.rows.blank - e.rows.rejected);
    expect(o.clean.rows.length + o.rejected.rows.length).toBe(r.clean_rows + r.rejected_rows);
    const reasons = column(o.rejected, "sweep_reasons");
    const malformed = column(o.rejected, "sweep_row").filter((_, i) => reasons[i]!.split(";").includes("malformed_row")).map(Number);
    expect(malformed, c.why).toEqual(e.malformed);
    expect(o.clean.sepLine).toBe(e.sepLine ?? null);
  });
});
