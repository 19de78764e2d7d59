import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { outputsExist, readOutputs, records, sweepRows, SWEEP_COLUMNS, tempDir, tempFiles, writeFixture, type Outputs, removeTempDirs } from "../support/fixtures.js";

afterAll(removeTempDirs);

/** Which column holds the address, and header rows that must stop the run. */

interface Case {
  readonly name: string;
  readonly csv: string;
  readonly args?: readonly string[];
  /** Expected 1-based email column, or an exit code with words the message must list. */
  readonly column?: number;
  readonly code?: number;
  readonly mentions?: readonly string[];
  readonly header?: boolean;
}

const CASES: readonly Case[] = [
  { name: "Email", csv: "Name,Email\nAnn,ann@gmail.com\n", column: 2 },
  { name: "E-mail", csv: "E-mail,Name\nann@gmail.com,Ann\n", column: 1 },
  { name: "email address", csv: "Name,email address\nAnn,ann@gmail.com\n", column: 2 },
  { name: "Почта", csv: "Имя,Почта\nАня,ann@gmail.com\n", column: 2 },
  { name: "Электронная почта", csv: "Имя,Телефон,Электронная почта\nАня,123,ann@gmail.com\n", column: 3 },
  { name: "exact beats Secondary Email", csv: "Secondary Email,Email,Name\nb@gmail.com,ann@gmail.com,Ann\n", column: 2 },
  { name: "exact beats Email Opt-In", csv: "Email Opt-In,Name,Email\nyes,Ann,ann@gmail.com\n", column: 3 },
  { name: "contains-only column", csv: "Name,Work Email\nAnn,ann@gmail.com\n", column: 2 },
  {
    name: "two equal candidates",
    csv: "Name,Email,E-mail\nAnn,ann@gmail.com,ann@yandex.ru\n",
    code: 65,
    mentions: ["Email", "E-mail", "--email-column"],
  },
  { name: "two contains candidates", csv: "Home Email,Work Email\na@gmail.com,b@gmail.com\n", code: 65, mentions: ["Home Email", "Work Email"] },
  { name: "no email column", csv: "Name,Phone\nAnn,123\n", code: 65, mentions: ["Name", "Phone"] },
  { name: "--email-column by name", csv: "Name,Email,Backup\nAnn,ann@gmail.com,b@gmail.com\n", args: ["--email-column", "backup"], column: 3 },
  { name: "--email-column by index", csv: "Name,Email,Backup\nAnn,ann@gmail.com,b@gmail.com\n", args: ["--email-column", "3"], column: 3 },
  { name: "--email-column unknown", csv: "Name,Email\nAnn,ann@gmail.com\n", args: ["--email-column", "nope"], code: 64, mentions: ["nope", "Name", "Email"] },
  { name: "--no-header detects from data", csv: "Ann,x,ann@gmail.com\nBob,y,bob@gmail.com\n", args: ["--no-header"], column: 3, header: false },
  { name: "--no-header with index", csv: "Ann,ann@gmail.com,bob@gmail.com\n", args: ["--no-header", "--email-column", "3"], column: 3, header: false },
  { name: "headerless detected automatically", csv: "ann@gmail.com,Ann\nbob@gmail.com,Bob\n", column: 1, header: false },
  { name: "duplicate header names", csv: "Name,Email,Name\nAnn,ann@gmail.com,A\n", code: 65, mentions: ["Name"] },
  { name: "duplicate header names, other case", csv: "Email,Name,EMAIL\nann@gmail.com,Ann,x\n", code: 65, mentions: ["EMAIL"] },
  { name: "blank header in the middle", csv: "Name,,Email\nAnn,1,ann@gmail.com\n", code: 65, mentions: ["2"] },
  { name: "trailing blank header allowed", csv: "Name,Email,\nAnn,ann@gmail.com,\n", column: 2 },
];

describe("clean: email column detection and header checks", () => {
  const got = new Map<string, { run: CliResult; dir: string }>();
  beforeAll(async () => {
    await Promise.all(
      CASES.map(async (c) => {
        const dir = tempDir();
        writeFixture(dir, "h.csv", c.csv);
        got.set(c.name, { run: await runCli(["clean", "h.csv", "--offline", ...(c.args ?? [])], { cwd: dir }), dir });
      }),
    );
  });

  it.each(CASES.filter((c) => c.column !== undefined))("$name → column $column", (c) => {
    const { run, dir } = got.get(c.name)!;
    expect(run.code, run.stderr).toBe(0);
    const o = readOutputs(dir, "h", ",", c.header !== false);
    expect(o.report.detected.email_column.index).toBe(c.column);
    expect(o.report.detected.header).toBe(c.header !== false);
    // Every data row is accounted for; in headerless files the first line is data.
    const dataLines = c.csv.trim().split("\n").length - (c.header === false ? 0 : 1);
    expect(sweepRows(o)).toEqual(Array.from({ length: dataLines }, (_, i) => i + 1));
    if (c.header === false) {
      // No header invented: the outputs hold data rows only, at the input width plus ours.
      const width = c.csv.split("\n")[0]!.split(",").length;
      for (const r of [...o.clean.rows, ...o.rejected.rows]) expect(r).toHaveLength(width + SWEEP_COLUMNS.length);
    }
  });

  it.each(CASES.filter((c) => c.code !== undefined))("$name → exit $code, lists $mentions, writes nothing", (c) => {
    const { run, dir } = got.get(c.name)!;
    expect(run.code).toBe(c.code);
    for (const m of c.mentions ?? []) expect(run.stderr).toContain(m);
    expect(outputsExist(dir, "h")).toEqual([false, false, false]);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("keeps a trailing blank header column in the outputs", () => {
    const o = readOutputs(got.get("trailing blank header allowed")!.dir, "h");
    expect(o.clean.header).toEqual(["Name", "Email", "", ...SWEEP_COLUMNS]);
  });
});

describe("clean: malformed records", () => {
  const CSV = [
    "Name,Email,Note",
    "Ann,ann@gmail.com,ok", // 1
    "Bob,bob@gmail.com", // 2 too few
    "Cat,cat@gmail.com,ok,extra", // 3 too many
    "Dan,dan@gmail.com,ok,", // 4 one trailing empty field: tolerated as a trailing delimiter
    '=HYPERLINK("http://x"),evil@gmail.com,a,b', // 5 too many, raw text starts with a formula
    "Eve,eve@gmail.com,ok", // 6
    'Fay,fay@gmail.com,"never closed', // 7 unclosed quote
    "Gus,gus@gmail.com,ok", // 8 must not be swallowed by row 7
    "Hal,hal@gmail.com,ok", // 9
  ].join("\n");
  let run: CliResult;
  let o: Outputs;
  beforeAll(async () => {
    const dir = tempDir();
    writeFixture(dir, "m.csv", CSV);
    run = await runCli(["clean", "m.csv", "--offline"], { cwd: dir });
    o = readOutputs(dir, "m");
  });

  it("exits 0 and accounts for all 9 rows", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(sweepRows(o)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(o.report.rows).toMatchObject({ input_rows: 9, blank_rows: 0 });
  });

  it("keeps the good rows, including those after an unclosed quote", () => {
    expect(records(o.clean).map((r) => r.sweep_row)).toEqual(["1", "4", "6", "8", "9"]);
  });

  it.each([
    [2, "Bob,bob@gmail.com"],
    [3, "Cat,cat@gmail.com,ok,extra"],
    [5, '=HYPERLINK("http://x"),evil@gmail.com,a,b'],
    [7, 'Fay,fay@gmail.com,"never closed'],
  ])("row %i is malformed_row with its raw text in sweep_detail", (row, raw) => {
    const rec = records(o.rejected).find((r) => r.sweep_row === String(row));
    expect(rec?.sweep_reasons).toBe("malformed_row");
    expect(rec?.sweep_status).toBe("invalid");
    expect(rec?.sweep_detail).toContain(raw);
  });

  it("no output cell starts with a formula trigger", () => {
    const cells = [...o.clean.rows.flat(), ...o.rejected.rows.flat()];
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
