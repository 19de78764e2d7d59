import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import {
  column,
  range,
  readOutputs,
  removeTempDirs,
  records,
  sweepRows,
  SWEEP_COLUMNS,
  tempDir,
  unguardedCells,
  writeFixture,
  type Outputs,
} from "../support/fixtures.js";

afterAll(removeTempDirs);

/**
 * `mailsweep clean` end to end: the three outputs, appended columns, row accounting and the
 * per-row verdicts a user sees. One run per fixture; many assertions per run (spawns are slow).
 */

// Data row numbers (1-based, blank lines count) are given in the comments.
const LIST = [
  "Name,Email,City",
  "Ann,ann@gmail.com,Paris", // 1 valid
  "Bob,mailto:BOB@Yahoo.com.,=cmd", // 2 normalised; formula in City
  "", // 3 blank
  'Cat,info@example.org,"x, y\nz"', // 4 role account; embedded delimiter + newline
  "Dan,ann@GMAIL.com,", // 5 duplicate of row 1
  'Eve,"Eve <eve@mail.ri>",+1', // 6 typo fixed, display name removed
  "bad,row", // 7 malformed: too few fields
  "Fay,,Oslo", // 8 empty
  "Gus,gus@exa mple.com,Rome", // 9 syntax_invalid (space inside)
  "Hal,hal＠gmail.com,Kyiv", // 10 full-width @
  "Ida,trash@mailinator.com,Lima", // 11 disposable
  "Jo,JO@Example.ORG,Bonn", // 12 domain case only
  "Kim, kim@gmail.com ,Graz", // 13 surrounding whitespace
  "Lee,lee@gmail.con,Nice", // 14 TLD typo
  "Max,max@yandex.ru,Omsk,extra", // 15 malformed: too many fields
  "",
].join("\n");

const N = 15;
const BLANK = [3];

interface Expected {
  readonly row: number;
  readonly file: "clean" | "rejected";
  readonly status: string;
  readonly codes: readonly string[];
  readonly email?: string;
  readonly original?: string;
}

const EXPECTED: readonly Expected[] = [
  { row: 1, file: "clean", status: "valid", codes: ["free_mail"], email: "ann@gmail.com", original: "" },
  { row: 2, file: "clean", status: "valid", codes: ["free_mail", "normalized"], email: "BOB@yahoo.com", original: "mailto:BOB@Yahoo.com." },
  { row: 4, file: "clean", status: "risky", codes: ["role_account"], email: "info@example.org", original: "" },
  { row: 5, file: "rejected", status: "invalid", codes: ["duplicate"], email: "ann@gmail.com", original: "ann@GMAIL.com" },
  { row: 6, file: "clean", status: "valid", codes: ["typo_fixed", "normalized"], email: "eve@mail.ru", original: "Eve <eve@mail.ri>" },
  { row: 7, file: "rejected", status: "invalid", codes: ["malformed_row"] },
  { row: 8, file: "rejected", status: "invalid", codes: ["empty"], email: "", original: "" },
  { row: 9, file: "rejected", status: "invalid", codes: ["syntax_invalid"], original: "" },
  { row: 10, file: "clean", status: "valid", codes: ["normalized"], email: "hal@gmail.com", original: "hal＠gmail.com" },
  { row: 11, file: "rejected", status: "invalid", codes: ["disposable_domain"], email: "trash@mailinator.com", original: "" },
  { row: 12, file: "clean", status: "valid", codes: ["normalized"], email: "JO@example.org", original: "JO@Example.ORG" },
  { row: 13, file: "clean", status: "valid", codes: ["normalized"], email: "kim@gmail.com", original: " kim@gmail.com " },
  { row: 14, file: "clean", status: "valid", codes: ["typo_fixed"], email: "lee@gmail.com", original: "lee@gmail.con" },
  { row: 15, file: "rejected", status: "invalid", codes: ["malformed_row"] },
];

function rowOf(o: Outputs, n: number): { file: "clean" | "rejected"; rec: Record<string, string> } {
  const hits = (["clean", "rejected"] as const).flatMap((file) =>
    records(o[file])
      .filter((r) => r.sweep_row === String(n))
      .map((rec) => ({ file, rec })),
  );
  expect(hits, `row ${n} must land exactly once`).toHaveLength(1);
  return hits[0]!;
}

describe("clean: outputs of a mixed list", () => {
  let dir: string;
  let run: CliResult;
  let o: Outputs;

  beforeAll(async () => {
    dir = tempDir();
    writeFixture(dir, "subscribers.csv", LIST);
    run = await runCli(["clean", "subscribers.csv", "--offline"], { cwd: dir });
    o = readOutputs(dir, "subscribers");
  });

  it("exits 0 and writes the three outputs beside the input", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(o.files).toEqual(["subscribers.clean.csv", "subscribers.csv", "subscribers.rejected.csv", "subscribers.report.json"]);
  });

  it("keeps the original columns in order and appends the sweep columns in contract order", () => {
    for (const t of [o.clean, o.rejected]) expect(t.header).toEqual(["Name", "Email", "City", ...SWEEP_COLUMNS]);
    for (const t of [o.clean, o.rejected]) for (const r of t.rows) expect(r).toHaveLength(3 + SWEEP_COLUMNS.length);
  });

  it("accounts for every row: report identity, file row counts, sweep_row = 1..N minus blanks", () => {
    const rows = o.report.rows;
    expect(rows).toEqual({ input_rows: N, clean_rows: o.clean.rows.length, rejected_rows: o.rejected.rows.length, blank_rows: BLANK.length });
    expect(rows.input_rows).toBe(rows.clean_rows + rows.rejected_rows + rows.blank_rows);
    expect(sweepRows(o)).toEqual(range(N, BLANK));
    const byStatus = o.report.by_status;
    expect(byStatus.valid + byStatus.risky + byStatus.unknown + byStatus.invalid).toBe(N - BLANK.length);
  });

  it.each(EXPECTED)("row $row → $file, $status, $codes", (e) => {
    const { file, rec } = rowOf(o, e.row);
    expect(file).toBe(e.file);
    expect(rec.sweep_status).toBe(e.status);
    const codes = rec.sweep_reasons!.split(";");
    for (const c of e.codes) expect(codes).toContain(c);
    // One detail sentence per code.
    expect(rec.sweep_detail!.split(" | ")).toHaveLength(codes.length);
    if (e.email !== undefined) expect(rec.Email).toBe(e.email);
    if (e.original !== undefined) expect(rec.sweep_original_email).toBe(e.original);
  });

  it("counts every code in by_code exactly as often as it appears in the outputs", () => {
    const seen: Record<string, number> = {};
    for (const t of [o.clean, o.rejected]) for (const cell of column(t, "sweep_reasons")) for (const c of cell.split(";")) seen[c] = (seen[c] ?? 0) + 1;
    expect(o.report.by_code).toEqual(seen);
  });

  it("names the first row in a duplicate's detail", () => {
    const { rec } = rowOf(o, 5);
    expect(rec.sweep_detail).toMatch(/\b1\b/);
  });

  it("keeps a quoted field with a delimiter and a newline intact", () => {
    expect(rowOf(o, 4).rec.City).toBe("x, y\nz");
  });

  it("puts a malformed record's raw text in sweep_detail and blanks its data cells", () => {
    const seven = rowOf(o, 7).rec;
    expect(seven.sweep_detail).toContain("bad,row");
    expect([seven.Name, seven.Email, seven.City]).toEqual(["", "", ""]);
    expect(rowOf(o, 15).rec.sweep_detail).toContain("Max,max@yandex.ru,Omsk,extra");
  });

  it("neutralises formula cells and counts them", () => {
    expect(rowOf(o, 2).rec.City).toBe("'=cmd");
    expect(rowOf(o, 6).rec.City).toBe("'+1");
    expect(unguardedCells(o.clean)).toEqual([]);
    expect(unguardedCells(o.rejected)).toEqual([]);
    expect(o.report.neutralised_cells).toBe(2);
  });

  it("says in the report that DNS was skipped", () => {
    expect(o.report.dns.checked).toBe(false);
    expect(o.report.detected.email_column).toMatchObject({ index: 2, name: "Email" }); // 1-based, like --email-column;
  });
});

describe("clean: --reject, --keep, --typos", () => {
  const FIX = ["Name,Email", "Cat,info@example.org", "Ida,trash@mailinator.com", "Lee,lee@gmail.con", "Ann,ann@gmail.com", ""].join("\n");
  const runs: Record<string, { run: CliResult; o: Outputs }> = {};
  const variants: Record<string, string[]> = {
    default: [],
    rejectRole: ["--reject", "role_account"],
    keepDisposable: ["--keep", "disposable_domain"],
    rejectTwo: ["--reject", "role_account,free_mail"],
    typosOff: ["--typos", "off"],
    typosSuggest: ["--typos", "suggest"],
  };

  beforeAll(async () => {
    await Promise.all(
      Object.entries(variants).map(async ([name, args]) => {
        const dir = tempDir();
        writeFixture(dir, "l.csv", FIX);
        const run = await runCli(["clean", "l.csv", "--offline", ...args], { cwd: dir });
        runs[name] = { run, o: readOutputs(dir, "l") };
      }),
    );
  });

  const fileOf = (v: string, email: string): { file: string; rec: Record<string, string> } => {
    const { o } = runs[v]!;
    for (const file of ["clean", "rejected"] as const) {
      const hit = records(o[file]).find((r) => r.Email === email);
      if (hit) return { file, rec: hit };
    }
    throw new Error(`${email} not in outputs of ${v}`);
  };

  it.each(Object.keys(variants))("%s exits 0 and accounts for all 4 rows", (v) => {
    const { run, o } = runs[v]!;
    expect(run.code, run.stderr).toBe(0);
    expect(sweepRows(o)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ["default", "info@example.org", "clean"],
    ["rejectRole", "info@example.org", "rejected"],
    ["rejectRole", "ann@gmail.com", "clean"],
    ["rejectTwo", "info@example.org", "rejected"],
    ["rejectTwo", "ann@gmail.com", "rejected"],
    ["default", "trash@mailinator.com", "rejected"],
    ["keepDisposable", "trash@mailinator.com", "clean"],
  ])("%s: %s → %s", (v, email, file) => {
    expect(fileOf(v, email).file).toBe(file);
  });

  it("--keep keeps the code on the row (flagged, not silently valid)", () => {
    const { rec } = fileOf("keepDisposable", "trash@mailinator.com");
    expect(rec.sweep_reasons!.split(";")).toContain("disposable_domain");
    expect(rec.sweep_status).not.toBe("invalid");
  });

  it("--typos fix corrects, suggest leaves the address and fills sweep_suggestion, off does neither", () => {
    const fixed = fileOf("default", "lee@gmail.com").rec;
    expect(fixed.sweep_reasons).toContain("typo_fixed");
    expect(fixed.sweep_original_email).toBe("lee@gmail.con");

    const suggested = fileOf("typosSuggest", "lee@gmail.con").rec;
    expect(suggested.sweep_reasons!.split(";")).toContain("typo_suspected");
    expect(suggested.sweep_suggestion).toBe("lee@gmail.com");

    const off = fileOf("typosOff", "lee@gmail.con").rec;
    expect(off.sweep_reasons).not.toMatch(/typo_/);
    expect(off.sweep_suggestion).toBe("");
  });

  it("records the options in the report", () => {
    expect(runs.rejectTwo!.o.report.options.reject).toEqual(["role_account", "free_mail"]);
    expect(runs.typosOff!.o.report.options.typos).toBe("off");
  });
});

describe("clean: --typos suggest never rewrites an address", () => {
  // BUG: slip repair (`gus@@x.com` → `gus@x.com`) still runs with --typos suggest, so the address is
  // rewritten and flagged typo_fixed; suggest mode should only fill sweep_suggestion.
  it("gus@@x.com stays as typed under --typos suggest", async () => {
    const dir = tempDir();
    writeFixture(dir, "l.csv", "Name,Email\nGus,gus@@x.com\n");
    const run = await runCli(["clean", "l.csv", "--offline", "--typos", "suggest"], { cwd: dir });
    expect(run.code).toBe(0);
    const o = readOutputs(dir, "l");
    const all = [...records(o.clean), ...records(o.rejected)];
    expect(all).toHaveLength(1);
    expect(all[0]!.Email).toBe("gus@@x.com");
    expect(all[0]!.sweep_reasons).not.toContain("typo_fixed");
  });
});
