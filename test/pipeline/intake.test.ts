import { describe, expect, it } from "vitest";
import { DomainAnalyzer } from "../../src/check/domain.js";
import { createDomainIntel } from "../../src/domains/index.js";
import type { MalformedProblem, Reason } from "../../src/reasons.js";
import { createTypoCorrector } from "../../src/typos/index.js";
import { emptyCounts } from "../../src/pipeline/counts.js";
import { CsvRecordReader, type CsvRecord } from "../../src/pipeline/csv-reader.js";
import { InputDecoder } from "../../src/pipeline/decode.js";
import { RowIntake, type IntakeLayout } from "../../src/pipeline/intake.js";
import { detectLayout } from "../../src/pipeline/setup.js";

/** Real parts throughout: the offline analyzer with the bundled lists, a real decoder. */
function analyzer(): DomainAnalyzer {
  return new DomainAnalyzer({ intel: createDomainIntel({ memo: false }), typos: createTypoCorrector({ memo: false }), dns: null, typoMode: "fix" });
}

/** Bytes through a real InputDecoder: the text and the decoder's evidence about it. */
async function decode(bytes: Buffer): Promise<{ decoder: InputDecoder; text: string }> {
  const decoder = new InputDecoder({ fileLabel: "list.csv" });
  const text = decoder.decodeBytes(bytes) + decoder.decodeRest();
  return { decoder, text };
}

function records(text: string, delimiter = ","): CsvRecord[] {
  const reader = new CsvRecordReader({ delimiter });
  return [...reader.push(text), ...reader.end()];
}

const THREE: IntakeLayout = { delimiter: ",", width: 3, recordWidth: 3, emailIndex: 1, ownOutput: false, lineIsCell: false };

async function intakeOf(layout: IntakeLayout = THREE) {
  const counts = emptyCounts();
  const { decoder } = await decode(Buffer.from("x"));
  return { intake: new RowIntake(layout, analyzer(), counts, decoder), counts };
}

function malformedProblem(reason: Reason | null): MalformedProblem | null {
  return reason?.code === "malformed_row" ? reason.problem : null;
}

describe("RowIntake.take", () => {
  it.each<[string, string, MalformedProblem | null, string[] | null]>([
    ["a well-formed row", "Ann,ann@example.org,x", null, ["Ann", "ann@example.org", "x"]],
    ["a trailing delimiter (empty extra fields only)", "Ann,ann@example.org,x,,", null, ["Ann", "ann@example.org", "x"]],
    ["too few fields", "Ann,ann@example.org", "field_count", null],
    ["too many fields with data", "Ann,ann@example.org,x,y", "field_count", null],
    ["a quote that never closes", 'Ann,"ann@example.org,x', "unclosed_quote", null],
  ])("%s", async (_, line, problem, cells) => {
    const { intake, counts } = await intakeOf();
    const [record] = records(line);
    const p = intake.take(record!)!;
    expect(p.dataRow).toBe(1);
    expect(p.record).toBe(record);
    expect(malformedProblem(p.malformed)).toBe(problem);
    expect(p.cells).toEqual(cells);
    // A check is started exactly for rows with usable cells.
    expect(p.check === null).toBe(cells === null);
    expect(counts.inputRows).toBe(1);
    expect(counts.blankRows).toBe(0);
  });

  it.each<[string, string, string[] | null]>([
    ["a comma slip in a one-column file stays in the cell", "petr@mail,ru", ["petr@mail,ru"]],
    ["a quoted cell is still unquoted", '"Doe, John" <john@example.org>', ["Doe, John <john@example.org>"]],
    ["a trailing delimiter is still only empty fields", "ann@example.org,", ["ann@example.org"]],
  ])("one column, no separator in use: %s", async (_, line, cells) => {
    const { intake } = await intakeOf({ delimiter: ",", width: 1, recordWidth: 1, emailIndex: 0, ownOutput: false, lineIsCell: true });
    const p = intake.take(records(line)[0]!)!;
    expect(p.malformed).toBeNull();
    expect(p.cells).toEqual(cells);
  });

  it("one column whose separator is in use: extra fields are still a malformed row", async () => {
    const { intake } = await intakeOf({ delimiter: ",", width: 1, recordWidth: 1, emailIndex: 0, ownOutput: false, lineIsCell: false });
    expect(malformedProblem(intake.take(records("petr@mail,ru")[0]!)!.malformed)).toBe("field_count");
  });

  it("reports expected and found field counts, the raw text shown readably", async () => {
    const { intake } = await intakeOf();
    const p = intake.take(records("Ann,ann@example.org")[0]!)!;
    expect(p.malformed).toEqual({ code: "malformed_row", problem: "field_count", raw: "Ann,ann@example.org", expected: 3, found: 2 });
  });

  it("counts a blank line as an input row and a data row, and emits nothing for it", async () => {
    const { intake, counts } = await intakeOf();
    const rows = records("Ann,ann@example.org,x\n   \nBob,bob@example.org,y\n");
    const taken = rows.map((r) => intake.take(r));
    expect(taken.map((p) => p?.dataRow ?? null)).toEqual([1, null, 3]);
    expect(intake.dataRow).toBe(3);
    expect(counts).toMatchObject({ inputRows: 3, blankRows: 1 });
  });

  it("starts the address check on the email column, synchronously when offline", async () => {
    const { intake } = await intakeOf();
    const p = intake.take(records("Ann, Ann@GMIAL.com ,x")[0]!)!;
    const check = p.check;
    if (check === null || check instanceof Promise) throw new Error("expected a settled offline check");
    expect(check.original).toBe(" Ann@GMIAL.com ");
    expect(check.written).toBe("Ann@gmail.com");
    expect(check.key).toBe("ann@gmail.com");
    expect(check.reasons.map((r) => r.code)).toContain("typo_fixed");
  });

  it("flags undecodable bytes per row, and stops once they clearly mean another encoding", async () => {
    // windows-1251 Cyrillic read as UTF-8: every row has bytes that are not UTF-8.
    const lines = Array.from({ length: 40 }, (_, i) => `\xc8\xe2\xe0\xed ${i},ivan${i}@example.org,x`);
    const { decoder, text } = await decode(Buffer.from(lines.join("\n"), "latin1"));
    const counts = emptyCounts();
    const intake = new RowIntake(THREE, analyzer(), counts, decoder);
    const rows = records(text);
    const first = intake.take(rows[0]!)!;
    expect(first.malformed).toMatchObject({ code: "malformed_row", problem: "undecodable_bytes", raw: "\\xC8\\xE2\\xE0\\xED 0,ivan0@example.org,x" });
    expect(first.check).toBeNull();
    let stoppedAt = 0;
    expect(() => {
      for (const r of rows.slice(1)) {
        intake.take(r);
        stoppedAt = intake.dataRow;
      }
    }).toThrow(/not valid utf-8/);
    // The 20th undecodable row is the first that may stop the run.
    expect(stoppedAt).toBe(19);
    expect(counts.undecodableRecords).toBe(20);
  });

  it("keeps a lone undecodable row in a UTF-8 file as a malformed row", async () => {
    const good = Array.from({ length: 30 }, (_, i) => `Zoë ${i},zoe${i}@example.org,é`);
    const bytes = Buffer.concat([Buffer.from(good.join("\n") + "\n"), Buffer.from("Bad \xff,bad@example.org,x\n", "latin1")]);
    const { decoder, text } = await decode(bytes);
    const counts = emptyCounts();
    const intake = new RowIntake(THREE, analyzer(), counts, decoder);
    const taken = records(text).map((r) => intake.take(r)!);
    expect(taken.filter((p) => p.malformed !== null).map((p) => p.dataRow)).toEqual([31]);
    expect(counts.undecodableRecords).toBe(1);
  });
});

describe("RowIntake reading its own output again", () => {
  const HEADER = "Name,Email,sweep_status,sweep_reasons,sweep_detail,sweep_original_email,sweep_suggestion,sweep_row";

  async function ownOutput(rows: string[]) {
    const { decoder } = await decode(Buffer.from("x"));
    const layout = detectLayout([HEADER, ...rows].join("\n") + "\n", true, { label: "list.clean.csv", decoder });
    expect(layout).toMatchObject({ ownOutput: true, width: 2, recordWidth: 8, emailIndex: 1 });
    const intake = new RowIntake(layout, analyzer(), emptyCounts(), decoder);
    return records(layout.body).map((r) => intake.take(r)!);
  }

  it("drops the sweep_* columns, unguards cells, and judges the address as first typed", async () => {
    const [p] = await ownOutput(["'=Ann,ann@gmail.com,risky,typo_fixed,fixed,ann@gmial.com,,7"]);
    expect(p!.cells).toEqual(["=Ann", "ann@gmail.com"]);
    expect(p!.previousOriginal).toBe("ann@gmial.com");
    const check = p!.check;
    if (check === null || check instanceof Promise) throw new Error("expected a settled offline check");
    // The row keeps its typo_fixed reason from the first sweep.
    expect(check.written).toBe("ann@gmail.com");
    expect(check.reasons.map((r) => r.code)).toContain("typo_fixed");
  });

  it("judges the cell itself when someone edited it since the first sweep", async () => {
    const [p] = await ownOutput(["Bob,bob@example.org,valid,,,ann@gmial.com,,3"]);
    const check = p!.check;
    if (check === null || check instanceof Promise) throw new Error("expected a settled offline check");
    expect(check.original).toBe("bob@example.org");
    expect(check.reasons.map((r) => r.code)).not.toContain("typo_fixed");
  });
});

describe("RowIntake.split (stray quotes)", () => {
  it("rejects the line with the stray quote and reads the swallowed rows again", async () => {
    const { intake } = await intakeOf();
    const text = 'Ann,"ann@example.org,x\nBob,bob@example.org,y\nCy,cy@example.org,"z"\n';
    const [swallowing] = records(text);
    // The CSV grammar reads all three lines as one record.
    expect(swallowing!.raw.split("\n")).toHaveLength(3);
    const parts = intake.split(swallowing!);
    expect(parts.map((r) => r.problem)).toEqual(["stray_quote", null, null]);
    expect(parts.map((r) => r.fields)).toEqual([['Ann,"ann@example.org,x'], ["Bob", "bob@example.org", "y"], ["Cy", "cy@example.org", "z"]]);
    expect(parts[0]!.line).toBe(swallowing!.line);
    const taken = parts.map((r) => intake.take(r)!);
    expect(taken.map((p) => [p.dataRow, malformedProblem(p.malformed)])).toEqual([
      [1, "stray_quote"],
      [2, null],
      [3, null],
    ]);
  });

  it.each([
    ["an ordinary multi-line note", 'Ann,ann@example.org,"line one\nline two"'],
    ["lines without an address in the email column", 'Ann,ann@example.org,"a,b,c\nd,e,f"'],
  ])("leaves %s alone", async (_, text) => {
    const { intake } = await intakeOf();
    const [record] = records(text);
    expect(intake.split(record!)).toEqual([record]);
  });
});
