import { guardCell, unguardCell } from "../formula.js";
import type { Detection } from "../report/summary.js";
import { CsvRecordReader } from "./csv-reader.js";
import { hasEscapedBytes, type DecodeInfo } from "./decode.js";
import { checkHeaderNames, chooseEmailColumn, looksLikeAddress, type ColumnChoice } from "./detect.js";
import { outputEncoding } from "./encode.js";
import { AtomicCsvWriter } from "./output.js";
import { probeSample } from "./records.js";
import { wrongEncoding, type DecodeEvidence } from "./undecodable.js";

/**
 * The set-up of a `clean` run, decided once from the first text of the input: the dialect, the
 * header, the email column, whether this is our own output read again — and the two CSV outputs
 * opened to match.
 */

/** Appended columns, in contract order. */
export const SWEEP_COLUMNS = [
  "sweep_status",
  "sweep_reasons",
  "sweep_detail",
  "sweep_original_email",
  "sweep_suggestion",
  "sweep_row",
] as const;

/** Rows sampled for delimiter and column detection. */
export const SAMPLE_CHARS = 64 * 1024;

/** How the input is laid out: everything intake and emission need to know about its columns. */
export interface Layout {
  readonly delimiter: string;
  /** Excel's `sep=` line, kept for the outputs. */
  readonly sepLine: string | null;
  /** The input's line terminator, which the outputs use too. */
  readonly lineEnding: "\n" | "\r\n" | "\r";
  /** Column names without our own sweep_* columns, or null when there is no header. */
  readonly header: readonly string[] | null;
  /** Data columns (without our own sweep_* columns). */
  readonly width: number;
  /** Fields a well-formed input record has: `width`, plus the sweep_* columns of our own output. */
  readonly recordWidth: number;
  readonly emailIndex: number;
  /**
   * A one-column file with no separator in use: each line is the cell, commas and all, so an
   * address typed `petr@mail,ru` reaches the cleaner (which repairs that slip) instead of being
   * split into two fields and rejected as a malformed row.
   */
  readonly lineIsCell: boolean;
  /** The input is our own output (a second sweep replaces the sweep_* columns). */
  readonly ownOutput: boolean;
  /** What the report says was detected. */
  readonly detection: Detection;
  /** The text the record reader starts on: the sample without `sep=`, leading blank lines and header. */
  readonly body: string;
}

export interface LayoutOptions {
  readonly delimiter?: string | undefined;
  readonly noHeader?: boolean | undefined;
  readonly emailColumn?: string | undefined;
  /** Names the input in errors. */
  readonly label: string;
  readonly decoder: DecodeEvidence;
}

/** Detect the layout from the first text (`final`: all of the input). Throws for a wrong encoding. */
export function detectLayout(sample: string, final: boolean, o: LayoutOptions): Layout {
  const { sniffed, body, records: probeRecords, lineEnding } = probeSample(sample, o.delimiter, final);
  if (hasEscapedBytes(body)) {
    // A header that cannot be read, or a sample where undecodable rows are the rule: the file
    // is in another encoding. Stop before any output exists.
    const bad = probeRecords.filter((r) => hasEscapedBytes(r.raw)).length;
    if ((probeRecords[0] && hasEscapedBytes(probeRecords[0].raw)) || wrongEncoding(o.decoder, bad, probeRecords.length - 1)) {
      throw o.decoder.encodingError();
    }
  }
  const first = probeRecords[0];
  const hasHeader = !o.noHeader && first !== undefined && looksLikeHeader(first.fields, o.emailColumn);
  let rows = probeRecords.slice(hasHeader ? 1 : 0, 51).map((r) => r.fields);
  let header: string[] | null = null;
  let width: number;
  let ownOutput: boolean;
  if (hasHeader) {
    header = first!.fields.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, "") : h));
    ownOutput = endsWithSweepColumns(header);
    if (ownOutput) header = header.slice(0, header.length - SWEEP_COLUMNS.length);
    checkHeaderNames(header, o.label);
    width = header.length;
    if (ownOutput) rows = rows.map((r) => r.slice(0, width).map(unguardCell));
  } else {
    width = Math.max(1, ...rows.map((r) => r.length));
    // Our own headerless output carries the sweep_* columns by position: recognise them so a
    // second sweep replaces them instead of appending another set.
    ownOutput = rows.length > 0 && rows.every(looksLikeOwnOutputRow);
    if (ownOutput) {
      width -= SWEEP_COLUMNS.length;
      rows = rows.map((r) => r.slice(0, width).map(unguardCell));
    }
  }
  // An empty file (or blank lines only) is an empty list, not an error: a weekly sweep of an
  // empty segment must not fail every week.
  const choice: ColumnChoice = probeRecords.length === 0 && final ? { index: 0, how: "data" } : chooseEmailColumn(header, rows, o.emailColumn, o.label);
  const emailIndex = choice.index;
  return {
    delimiter: sniffed.delimiter,
    sepLine: sniffed.sepLine,
    lineEnding: lineEnding ?? "\n",
    header,
    width,
    recordWidth: ownOutput ? width + SWEEP_COLUMNS.length : width,
    emailIndex,
    lineIsCell: !sniffed.inUse && width === 1 && !ownOutput,
    ownOutput,
    detection: {
      delimiter: sniffed.delimiter,
      header: hasHeader,
      emailColumn: choice,
      emailColumnName: header === null ? null : header[emailIndex]!,
      ownOutput,
      sepLine: sniffed.sepLine,
    },
    // The header record itself is consumed here, not counted as data.
    body: hasHeader ? body.slice(firstRecordEnd(body, sniffed.delimiter)) : body,
  };
}

/** The two CSV outputs of a run. */
export interface Outputs {
  readonly clean: AtomicCsvWriter;
  readonly rejected: AtomicCsvWriter;
}

export interface OutputOptions {
  /** `--output-encoding`; default UTF-8 (with a BOM when the input had one or was not UTF-8). */
  readonly outputEncoding?: string | undefined;
  readonly formulaGuard: boolean;
}

/**
 * Open both outputs (temp files until commit) in the input's dialect and write their header.
 * On failure nothing is left behind: the caller has no writers to abort yet.
 */
export async function openOutputs(paths: { readonly clean: string; readonly rejected: string }, layout: Layout, input: DecodeInfo, o: OutputOptions): Promise<Outputs> {
  const bom = input.bom || input.encoding !== "utf-8";
  const encoding = o.outputEncoding === undefined ? undefined : outputEncoding(o.outputEncoding, bom);
  const outputOptions = { delimiter: layout.delimiter, rowDelimiter: layout.lineEnding, bom, encoding };
  const clean = await AtomicCsvWriter.open(paths.clean, outputOptions);
  let rejected: AtomicCsvWriter | null = null;
  try {
    rejected = await AtomicCsvWriter.open(paths.rejected, outputOptions);
    if (layout.header !== null) {
      const headerRow = [...layout.header, ...SWEEP_COLUMNS];
      if (layout.sepLine !== null) {
        // Keep Excel's `sep=` hint so the outputs open the same way the input did.
        await clean.writeLine(layout.sepLine);
        await rejected.writeLine(layout.sepLine);
      }
      await clean.write(headerRow.map((h) => (o.formulaGuard ? guardCell(h) : h)));
      await rejected.write(headerRow.map((h) => (o.formulaGuard ? guardCell(h) : h)));
    }
    return { clean, rejected };
  } catch (err) {
    await Promise.all([clean.abort(), rejected?.abort()]);
    throw err;
  }
}

/**
 * Is the first record a header? Not when a cell holds an address; and when the email column is
 * given by index, not when that cell looks like an address with a slip (`john.gmail.com`) rather
 * than a column name — consuming a data row as a header would lose it silently.
 */
function looksLikeHeader(fields: readonly string[], emailColumn: string | undefined): boolean {
  if (fields.some((f) => looksLikeAddress(f) || ADDRESS_WITH_SLIP.test(f.normalize("NFKC").trim()))) return false;
  if (emailColumn !== undefined && /^\d+$/.test(emailColumn)) {
    const cell = (fields[Number(emailColumn) - 1] ?? "").trim();
    if (cell.includes("@") || /^[^\s]+\.[a-z]{2,}$/i.test(cell)) return false;
  }
  return true;
}

/**
 * A cell that is an address with a slip the cleaner repairs (`ivan@@mail.ru`, `ivan@gmail`):
 * text on both sides of the `@`, no spaces. No column name is written so; taking a headerless
 * list's first subscriber for a header would lose that row and fail the column detection.
 */
const ADDRESS_WITH_SLIP = /^[^\s@]+@{1,2}[^\s@]+$/u;

const STATUSES: ReadonlySet<string> = new Set(["valid", "risky", "unknown", "invalid"]);

function looksLikeOwnOutputRow(row: readonly string[]): boolean {
  const n = row.length;
  return n > SWEEP_COLUMNS.length && STATUSES.has(row[n - SWEEP_COLUMNS.length]!) && /^\d+$/.test(row[n - 1]!);
}

function endsWithSweepColumns(header: readonly string[]): boolean {
  if (header.length < SWEEP_COLUMNS.length) return false;
  const tail = header.slice(header.length - SWEEP_COLUMNS.length);
  return tail.every((h, i) => unguardCell(h.trim()) === SWEEP_COLUMNS[i]);
}

/** Where the first record of `text` ends, including its terminator. */
function firstRecordEnd(text: string, delimiter: string): number {
  const reader = new CsvRecordReader({ delimiter });
  const [first] = reader.push(text);
  if (first === undefined) return text.length;
  let end = first.raw.length;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return end;
}
