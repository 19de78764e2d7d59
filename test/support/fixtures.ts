import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CleanReport } from "../../src/report/summary.js";

/**
 * Fixture CSVs in fresh temp folders, and an independent reader for mailsweep's outputs. The CSV
 * parser here is deliberately tiny and separate from src/pipeline/csv-reader.ts, so a bug there
 * cannot hide itself in the tests.
 */

export const SWEEP_COLUMNS = [
  "sweep_status",
  "sweep_reasons",
  "sweep_detail",
  "sweep_original_email",
  "sweep_suggestion",
  "sweep_row",
] as const;

/** Folders made by tempDir() in this test file's process, removed by removeTempDirs(). */
const made: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-"));
  made.push(dir);
  return dir;
}

/** Call from afterAll: the suite leaves nothing in the temp folder. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Write a fixture; strings are written as UTF-8. Returns the full path. */
export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Strict RFC 4180 parsing (quotes, `""`, CRLF/LF/CR); throws on a quote left open. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let i = 0;
  let inQuotes = false;
  let started = false; // something of the current record was read
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      inQuotes = true;
      started = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = "";
      started = true;
      i++;
      continue;
    }
    if (c === "\n" || c === "\r") {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = "";
      started = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += c;
    started = true;
    i++;
  }
  if (inQuotes) throw new Error("parseCsv: unclosed quote in output");
  if (started || field !== "") {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

export interface Table {
  readonly bytes: Buffer;
  readonly bom: boolean;
  /** Excel's `sep=` line, if the file starts with one. */
  readonly sepLine: string | null;
  readonly header: string[] | null;
  readonly rows: string[][];
}

export function readTable(path: string, delimiter = ",", hasHeader = true): Table {
  const bytes = readFileSync(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text = bytes.subarray(bom ? 3 : 0).toString("utf8");
  // Excel's hint is a raw first line, never a CSV record (`sep=;` would split on its own `;`).
  const sep = /^sep=(.)(\r\n|\n|\r)/i.exec(text);
  const sepLine = sep ? `sep=${sep[1]}` : null;
  if (sep) text = text.slice(sep[0].length);
  const records = parseCsv(text, delimiter);
  const header = hasHeader ? (records.shift() ?? null) : null;
  return { bytes, bom, sepLine, header, rows: records };
}

/** The value of column `name` in every row. */
export function column(t: Table, name: string): string[] {
  // Headerless outputs carry the sweep columns positionally, at the end of each row.
  const sweepAt = (SWEEP_COLUMNS as readonly string[]).indexOf(name);
  if (t.header === null && sweepAt >= 0) return t.rows.map((r) => r[r.length - SWEEP_COLUMNS.length + sweepAt]!);
  const i = t.header?.indexOf(name) ?? -1;
  if (i < 0) throw new Error(`no column ${name} in ${JSON.stringify(t.header)}`);
  return t.rows.map((r) => r[i]!);
}

/** Rows as objects keyed by header name. */
export function records(t: Table): Record<string, string>[] {
  const h = t.header;
  if (h === null) throw new Error("table has no header");
  return t.rows.map((r) => Object.fromEntries(h.map((name, i) => [name, r[i] ?? ""])));
}

/** The subset of report.json the tests read. */
/** report.json, typed by the report builder itself so tests follow the real shape. */
export type Report = CleanReport;

export interface Outputs {
  readonly clean: Table;
  readonly rejected: Table;
  readonly report: Report;
  /** Every file in the out-dir after the run. */
  readonly files: string[];
}

export function outputPaths(dir: string, stem: string): { clean: string; rejected: string; report: string } {
  return {
    clean: join(dir, `${stem}.clean.csv`),
    rejected: join(dir, `${stem}.rejected.csv`),
    report: join(dir, `${stem}.report.json`),
  };
}

export function readOutputs(dir: string, stem: string, delimiter = ",", hasHeader = true): Outputs {
  const p = outputPaths(dir, stem);
  return {
    clean: readTable(p.clean, delimiter, hasHeader),
    rejected: readTable(p.rejected, delimiter, hasHeader),
    report: JSON.parse(readFileSync(p.report, "utf8")) as Report,
    files: readdirSync(dir).sort(),
  };
}

export function outputsExist(dir: string, stem: string): boolean[] {
  const p = outputPaths(dir, stem);
  return [existsSync(p.clean), existsSync(p.rejected), existsSync(p.report)];
}

/** Temp files the atomic writers might leave behind. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.includes(".tmp."));
}

/** `sweep_row` numbers of both outputs together, sorted. */
export function sweepRows(o: Outputs): number[] {
  return [...column(o.clean, "sweep_row"), ...column(o.rejected, "sweep_row")].map(Number).sort((a, b) => a - b);
}

/** 1..n without the given numbers. */
export function range(n: number, without: readonly number[] = []): number[] {
  const skip = new Set(without);
  return Array.from({ length: n }, (_, i) => i + 1).filter((i) => !skip.has(i));
}

/** Encode text as windows-1251 (ASCII + Cyrillic А-я, Ё, ё: enough for fixtures). */
export function encodeWindows1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x410 && cp <= 0x44f) out.push(cp - 0x410 + 0xc0);
    else if (cp === 0x401) out.push(0xa8);
    else if (cp === 0x451) out.push(0xb8);
    else throw new Error(`encodeWindows1251: ${ch} is not in the fixture table`);
  }
  return Buffer.from(out);
}

export function utf16(text: string, endian: "le" | "be"): Buffer {
  const body = Buffer.from(text, "utf16le");
  if (endian === "be") body.swap16();
  return Buffer.concat([Buffer.from(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Cells that a spreadsheet would evaluate: start with a trigger and were not neutralised. */
export function unguardedCells(t: Table): string[] {
  const all = [...(t.header ?? []), ...t.rows.flat()];
  return all.filter((c) => c.length > 0 && TRIGGERS.has(c[0]!));
}
