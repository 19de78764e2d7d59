import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import {
  encodeWindows1251,
  outputsExist,
  range,
  readOutputs,
  removeTempDirs,
  records,
  sweepRows,
  SWEEP_COLUMNS,
  tempDir,
  tempFiles,
  utf16,
  writeFixture,
  type Outputs,
} from "../support/fixtures.js";

afterAll(removeTempDirs);

/** Delimiters, line ends, quoting and encodings, through the real CLI. */

interface Case {
  readonly name: string;
  readonly file: string | Buffer;
  readonly delimiter: string;
  readonly args?: readonly string[];
}

const body = (d: string, nl = "\n"): string =>
  [`Name${d}Email${d}Note`, `Ann${d}ann@gmail.com${d}"has ${d} inside"`, `Bob${d}bob@yandex.ru${d}"two${nl}lines"`, `Cat${d}cat@example.org${d}plain`, ""].join(nl);

const CASES: readonly Case[] = [
  { name: "comma", file: body(","), delimiter: "," },
  { name: "semicolon", file: body(";"), delimiter: ";" },
  { name: "tab", file: body("\t"), delimiter: "\t" },
  { name: "pipe", file: body("|"), delimiter: "|" },
  { name: "crlf", file: body(",", "\r\n"), delimiter: "," },
  { name: "forced-delimiter", file: body(";"), delimiter: ";", args: ["--delimiter", ";"] },
];

describe("clean: delimiters and line ends", () => {
  const got: Record<string, { run: CliResult; o: Outputs }> = {};
  beforeAll(async () => {
    await Promise.all(
      CASES.map(async (c) => {
        const dir = tempDir();
        writeFixture(dir, "in.csv", c.file);
        const run = await runCli(["clean", "in.csv", "--offline", ...(c.args ?? [])], { cwd: dir });
        if (run.code !== 0) throw new Error(`${c.name}: exit ${run.code}: ${run.stderr}`);
        got[c.name] = { run, o: readOutputs(dir, "in", c.delimiter) };
      }),
    );
  });

  it.each(CASES)("$name: detected, kept in the outputs, fields intact", (c) => {
    const { run, o } = got[c.name]!;
    expect(run.code, run.stderr).toBe(0);
    expect(o.report.detected.delimiter).toBe(c.delimiter);
    expect(o.clean.header).toEqual(["Name", "Email", "Note", ...SWEEP_COLUMNS]);
    const recs = records(o.clean);
    const nl = c.name === "crlf" ? "\r\n" : "\n";
    expect(recs.map((r) => [r.Name, r.Email, r.Note])).toEqual([
      ["Ann", "ann@gmail.com", `has ${c.delimiter} inside`],
      ["Bob", "bob@yandex.ru", `two${nl}lines`],
      ["Cat", "cat@example.org", "plain"],
    ]);
    expect(o.rejected.rows).toEqual([]);
    expect(sweepRows(o)).toEqual([1, 2, 3]);
  });

  it("CRLF input gives CRLF output", () => {
    const text = got.crlf!.o.clean.bytes.toString("utf8");
    const header = text.slice(0, text.indexOf("\n") + 1);
    expect(header.endsWith("sweep_row\r\n")).toBe(true);
  });
});

describe("clean: Excel's sep= line", () => {
  const SEP = "sep=;\r\nName;Email\r\nAnn;ann@gmail.com\r\nBob;bob@yandex.ru\r\n";
  let dir: string;
  let run: CliResult;
  let o: Outputs;
  beforeAll(async () => {
    dir = tempDir();
    writeFixture(dir, "excel.csv", SEP);
    run = await runCli(["clean", "excel.csv", "--offline"], { cwd: dir });
    o = readOutputs(dir, "excel", ";");
  });

  it("takes the delimiter from sep= and does not treat it as a data row", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(o.report.detected.delimiter).toBe(";");
    expect(o.report.rows.input_rows).toBe(2);
    expect(records(o.clean).map((r) => r.Email)).toEqual(["ann@gmail.com", "bob@yandex.ru"]);
  });

  // BUG: the kept sep= line is written as a CSV cell, `"sep=;"` (quoted, because it holds the
  // delimiter). Excel only honours an unquoted `sep=;` first line.
  it("writes the sep= line back verbatim (unquoted)", () => {
    expect(o.clean.bytes.toString("utf8").startsWith("sep=;\r\n")).toBe(true);
  });

  // BUG: because of the quoted `"sep=;"` line, a second sweep over excel.clean.csv takes that line
  // for the header and exits 65 ("no column looks like the email address").
  it("a second sweep over the output works", async () => {
    const out = tempDir();
    const again = await runCli(["clean", `${dir}/excel.clean.csv`, "--offline", "--out-dir", out]);
    expect(again.code, again.stderr).toBe(0);
    const o2 = readOutputs(out, "excel.clean", ";");
    expect(records(o2.clean).map((r) => r.Email)).toEqual(["ann@gmail.com", "bob@yandex.ru"]);
  });
});

const CYR = "Имя,Почта,Город\nИван,ivan@mail.ru,Москва\nПётр,petr@yandex.ru,Тверь\nЁлка,elka@bk.ru,Омск\n";
const CYR_ROWS = [
  ["Иван", "ivan@mail.ru", "Москва"],
  ["Пётр", "petr@yandex.ru", "Тверь"],
  ["Ёлка", "elka@bk.ru", "Омск"],
];

describe("clean: encodings", () => {
  const ENC: readonly { name: string; file: Buffer; args?: string[]; encoding: string; inputBom: boolean }[] = [
    { name: "utf-8", file: Buffer.from(CYR, "utf8"), encoding: "utf-8", inputBom: false },
    { name: "utf-8 BOM", file: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CYR, "utf8")]), encoding: "utf-8", inputBom: true },
    { name: "utf-16le BOM", file: utf16(CYR, "le"), encoding: "utf-16le", inputBom: true },
    { name: "utf-16be BOM", file: utf16(CYR, "be"), encoding: "utf-16be", inputBom: true },
    { name: "windows-1251 given", file: encodeWindows1251(CYR), args: ["--encoding", "windows-1251"], encoding: "windows-1251", inputBom: false },
  ];
  const got: Record<string, { run: CliResult; o: Outputs }> = {};
  beforeAll(async () => {
    await Promise.all(
      ENC.map(async (c) => {
        const dir = tempDir();
        writeFixture(dir, "ru.csv", c.file);
        const run = await runCli(["clean", "ru.csv", "--offline", ...(c.args ?? [])], { cwd: dir });
        got[c.name] = { run, o: readOutputs(dir, "ru") };
      }),
    );
  });

  it.each(ENC)("$name: decoded right, written as UTF-8 (BOM unless plain UTF-8 without one)", (c) => {
    const { run, o } = got[c.name]!;
    expect(run.code, run.stderr).toBe(0);
    expect(o.report.detected.encoding).toBe(c.encoding);
    expect(o.report.detected.email_column.name).toBe("Почта");
    const wantBom = c.inputBom || c.encoding !== "utf-8";
    expect(o.clean.bom).toBe(wantBom);
    expect(o.rejected.bom).toBe(wantBom);
    expect(o.clean.header).toEqual(["Имя", "Почта", "Город", ...SWEEP_COLUMNS]);
    expect(o.clean.rows.map((r) => r.slice(0, 3))).toEqual(CYR_ROWS);
    // Never U+FFFD, never a stray BOM inside the text.
    expect(o.clean.bytes.subarray(o.clean.bom ? 3 : 0).toString("utf8")).not.toMatch(/[\ufffd\ufeff]/);
  });
});

describe("clean: undecodable input", () => {
  it("a windows-1251 file without --encoding (ASCII header) exits 65, names a byte offset, suggests --encoding, writes nothing", async () => {
    const dir = tempDir();
    let text = "Name,Email\n";
    for (let i = 0; i < 30; i++) text += `Иван${i},ivan${i}@mail.ru\n`;
    writeFixture(dir, "legacy.csv", encodeWindows1251(text));
    const run = await runCli(["clean", "legacy.csv", "--offline"], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/offset \d+/);
    expect(run.stderr).toContain("--encoding");
    expect(run.stderr).not.toContain("\ufffd");
    expect(outputsExist(dir, "legacy")).toEqual([false, false, false]);
    expect(tempFiles(dir)).toEqual([]);
  });

  // BUG: when the header itself is windows-1251, header detection fails first and the message
  // prints the header as U+FFFD garbage ("Columns: 1: "���"") with no byte offset and no
  // --encoding hint. Repro: printf 'Имя,Почта\nИван,ivan@mail.ru\n' | iconv -t cp1251 > w.csv;
  // mailsweep clean w.csv --offline
  it("a windows-1251 file with a Cyrillic header: 65 with an offset and --encoding, never U+FFFD", async () => {
    const dir = tempDir();
    writeFixture(dir, "legacy.csv", encodeWindows1251(CYR));
    const run = await runCli(["clean", "legacy.csv", "--offline"], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).not.toContain("\ufffd");
    expect(run.stderr).toMatch(/offset \d+/);
    expect(run.stderr).toContain("--encoding");
  });

  // BUG: a short legacy file (≤ 3 data rows, all undecodable) is "cleaned" with exit 0: every row
  // goes to rejected as malformed_row. The undecodable-share check needs > 3 bad records, so the
  // wrong-encoding error never fires although 100% of the rows are undecodable.
  it("a short windows-1251 file with every row undecodable exits 65", async () => {
    const dir = tempDir();
    writeFixture(dir, "short.csv", encodeWindows1251("Name,Email\nИван,ivan@mail.ru\nПётр,petr@mail.ru\n"));
    const run = await runCli(["clean", "short.csv", "--offline"], { cwd: dir });
    expect(run.code).toBe(65);
    expect(outputsExist(dir, "short")).toEqual([false, false, false]);
  });

  it("one stray invalid byte in a UTF-8 file rejects only that row as malformed_row", async () => {
    const dir = tempDir();
    const rows = ["Name,Email", "Ann,ann@gmail.com", "Bob,bob@gmail.com", "Cat,cat@gmail.com", "Dan,dan@gmail.com", ""];
    const parts = rows.map((r) => Buffer.from(`${r}\n`, "utf8"));
    parts[2] = Buffer.concat([Buffer.from("B"), Buffer.from([0xff]), Buffer.from("b,bob@gmail.com\n")]);
    writeFixture(dir, "stray.csv", Buffer.concat(parts.slice(0, 5)));
    const run = await runCli(["clean", "stray.csv", "--offline"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const o = readOutputs(dir, "stray");
    expect(records(o.clean).map((r) => r.Email)).toEqual(["ann@gmail.com", "cat@gmail.com", "dan@gmail.com"]);
    const bad = records(o.rejected);
    expect(bad.map((r) => [r.sweep_row, r.sweep_reasons])).toEqual([["2", "malformed_row"]]);
    // The raw text is shown readably, never as U+FFFD.
    expect(bad[0]!.sweep_detail).toContain("bob@gmail.com");
    expect(bad[0]!.sweep_detail).not.toContain("\ufffd");
    expect(sweepRows(o)).toEqual(range(4));
  });
});
