import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { column, readOutputs, records, SWEEP_COLUMNS, tempDir, unguardedCells, writeFixture, type Outputs, removeTempDirs } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** Spreadsheet safety (OWASP CSV injection) and the second-sweep rule. */

const LIST = [
  "Name,Email,Note",
  'Ann,ann@gmail.com,"=HYPERLINK(""http://evil"",""x"")"', // 1
  "@SUM(A1),bob@gmail.com,+49 30 1234", // 2
  '"\tTabbed",cat@gmail.com,"\rcarriage"', // 3
  "Dan,-dan@gmail.com,-5", // 4 address itself starts with a trigger: legal, kept, flagged
  "Eve,=eve@gmail.com,ok", // 5
  "Fay,mailto:FAY@Yahoo.com,'=already quoted by the user", // 6 normalised; a user's own ' stays
  "Gus,gus@gmail.con,plain", // 7 typo fixed
  "Hal,info@example.org,plain", // 8 role account (risky)
  "=1+2,=1+2,=1+2", // 9 syntax-invalid address with formulas everywhere
  "",
].join("\n");

// Cells that start with a trigger in the input: 1 Note, 2 Name+Note, 3 Name+Note, 4 Email+Note,
// 5 Email, 9 Name+Email+Note.
const TRIGGER_CELLS = 1 + 2 + 2 + 2 + 1 + 3;

describe("formula guard", () => {
  let on: { run: CliResult; o: Outputs };
  let off: { run: CliResult; o: Outputs };
  beforeAll(async () => {
    const [a, b] = [tempDir(), tempDir()];
    writeFixture(a, "f.csv", LIST);
    writeFixture(b, "f.csv", LIST);
    const [ra, rb] = await Promise.all([
      runCli(["clean", "f.csv", "--offline"], { cwd: a }),
      runCli(["clean", "f.csv", "--offline", "--formula-guard", "off"], { cwd: b }),
    ]);
    on = { run: ra, o: readOutputs(a, "f") };
    off = { run: rb, o: readOutputs(b, "f") };
  });

  const cell = (o: Outputs, row: number, col: string): string => {
    const all = [...records(o.clean), ...records(o.rejected)];
    const hit = all.find((r) => r.sweep_row === String(row));
    if (!hit) throw new Error(`row ${row} missing`);
    return hit[col]!;
  };

  it("exits 0 both ways and accounts for all 9 rows", () => {
    expect(on.run.code, on.run.stderr).toBe(0);
    expect(off.run.code, off.run.stderr).toBe(0);
    for (const { o } of [on, off]) expect(o.report.rows).toMatchObject({ input_rows: 9, blank_rows: 0 });
  });

  it("no cell of either output starts with = + - @ TAB CR unguarded", () => {
    expect(unguardedCells(on.o.clean)).toEqual([]);
    expect(unguardedCells(on.o.rejected)).toEqual([]);
  });

  it.each([
    [1, "Note", '\'=HYPERLINK("http://evil","x")'],
    [2, "Name", "'@SUM(A1)"],
    [2, "Note", "'+49 30 1234"],
    [3, "Name", "'\tTabbed"],
    [3, "Note", "'\rcarriage"],
    [4, "Email", "'-dan@gmail.com"],
    [4, "Note", "'-5"],
    [5, "Email", "'=eve@gmail.com"],
    [6, "Note", "'=already quoted by the user"],
    [9, "Name", "'=1+2"],
  ])("row %i %s → %j", (row, col, want) => {
    expect(cell(on.o, row, col)).toBe(want);
  });

  it("counts the neutralised cells", () => {
    expect(on.o.report.neutralised_cells).toBe(TRIGGER_CELLS);
    expect(off.o.report.neutralised_cells).toBe(0);
  });

  it("keeps and flags addresses that start with a trigger", () => {
    const clean = records(on.o.clean);
    for (const email of ["'-dan@gmail.com", "'=eve@gmail.com"]) {
      const r = clean.find((x) => x.Email === email);
      expect(r?.sweep_reasons?.split(";")).toContain("formula_trigger");
    }
  });

  it("--formula-guard off writes raw cells", () => {
    expect(cell(off.o, 1, "Note")).toBe('=HYPERLINK("http://evil","x")');
    expect(cell(off.o, 4, "Email")).toBe("-dan@gmail.com");
    expect(cell(off.o, 3, "Name")).toBe("\tTabbed");
    expect(off.o.report.options.formula_guard).toBe(false);
  });
});

describe("second sweep over a produced .clean.csv", () => {
  let first: Outputs;
  let second: Outputs;
  let run2: CliResult;
  beforeAll(async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFixture(dir, "f.csv", LIST);
    const run1 = await runCli(["clean", "f.csv", "--offline"], { cwd: dir });
    expect(run1.code, run1.stderr).toBe(0);
    first = readOutputs(dir, "f");
    run2 = await runCli(["clean", `${dir}/f.clean.csv`, "--offline", "--out-dir", out]);
    second = readOutputs(out, "f.clean");
  });

  it("recognises its own output and does not duplicate the sweep columns", () => {
    expect(run2.code, run2.stderr).toBe(0);
    expect(second.report.detected.own_output_reread).toBe(true);
    expect(second.clean.header).toEqual(first.clean.header);
    expect(second.clean.header).toEqual(["Name", "Email", "Note", ...SWEEP_COLUMNS]);
  });

  it("changes no data cell (no double '), no status, and moves no row", () => {
    expect(second.rejected.rows).toEqual([]);
    expect(second.clean.rows.map((r) => r.slice(0, 3))).toEqual(first.clean.rows.map((r) => r.slice(0, 3)));
    expect(column(second.clean, "sweep_status")).toEqual(column(first.clean, "sweep_status"));
    expect(second.clean.rows.flat().filter((c) => c.startsWith("''"))).toEqual([]);
  });

  it("keeps sweep_original_email from the first sweep", () => {
    expect(column(second.clean, "sweep_original_email")).toEqual(column(first.clean, "sweep_original_email"));
    expect(column(first.clean, "sweep_original_email")).toContain("mailto:FAY@Yahoo.com");
  });

  it("counts the same neutralised cells again (they are re-guarded, not doubled)", () => {
    expect(second.report.neutralised_cells).toBe(unguardedCount(first));
  });
});

/** Cells of the clean file that carry our guard (a ' before a trigger). */
function unguardedCount(o: Outputs): number {
  return o.clean.rows.flat().filter((c) => /^'[=+\-@\t\r]/.test(c)).length + (o.clean.header ?? []).filter((c) => /^'[=+\-@\t\r]/.test(c)).length;
}

describe("second sweep over the output of a headerless list", () => {
  // BUG (design gap): outputs of a --no-header / headerless input carry the six sweep columns
  // without a header row, so a second sweep cannot recognise its own output and appends a second
  // set of sweep_* columns. Repro: printf 'a@gmail.com,Ann\n' > h.csv; mailsweep clean h.csv
  // --offline; mailsweep clean h.clean.csv --offline --out-dir o  → rows of 2 + 6 + 6 cells.
  it("does not duplicate the sweep columns", async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFixture(dir, "h.csv", "ann@gmail.com,Ann\nbob@gmail.com,Bob\n");
    expect((await runCli(["clean", "h.csv", "--offline"], { cwd: dir })).code).toBe(0);
    const again = await runCli(["clean", `${dir}/h.clean.csv`, "--offline", "--out-dir", out]);
    expect(again.code, again.stderr).toBe(0);
    const o = readOutputs(out, "h.clean", ",", false);
    for (const r of o.clean.rows) expect(r).toHaveLength(2 + SWEEP_COLUMNS.length);
  });
});
