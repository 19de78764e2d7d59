import { checkCell, type CellCheck } from "../check/address.js";
import type { DomainAnalyzer } from "../check/domain.js";
import { unguardCell } from "../formula.js";
import type { Reason } from "../reasons.js";
import type { RunCounts } from "../report/summary.js";
import { CsvRecordReader, type CsvRecord } from "./csv-reader.js";
import { hasEscapedBytes, showEscapedBytes } from "./decode.js";
import { looksLikeAddress } from "./detect.js";
import type { Layout } from "./setup.js";
import { clearlyWrongEncoding, type DecodeEvidence } from "./undecodable.js";

/** A row on its way out: the check may still be waiting for DNS. */
export interface Pending {
  readonly dataRow: number;
  readonly record: CsvRecord;
  /** Data cells (own sweep_* columns removed), or null for malformed records. */
  readonly cells: string[] | null;
  readonly malformed: Reason | null;
  readonly previousOriginal: string;
  check: CellCheck | Promise<CellCheck> | null;
}

/** The part of the layout intake reads. */
export type IntakeLayout = Pick<Layout, "delimiter" | "width" | "recordWidth" | "emailIndex" | "ownOutput" | "lineIsCell">;

/**
 * Records in, rows out: numbers every record as a data row, sorts out the ones that cannot be
 * used (malformed, undecodable, wrong field count), strips our own sweep_* columns when the input
 * is our output, and starts the check of the email cell. Counts input, blank and undecodable rows.
 */
export class RowIntake {
  /** Data rows taken so far, blank ones included: the last one's `sweep_row`. */
  dataRow = 0;
  private readonly delimiter: string;
  private readonly width: number;
  private readonly recordWidth: number;
  private readonly emailIndex: number;
  private readonly ownOutput: boolean;
  private readonly lineIsCell: boolean;

  constructor(
    layout: IntakeLayout,
    private readonly analyzer: DomainAnalyzer,
    private readonly counts: RunCounts,
    private readonly decoder: DecodeEvidence,
  ) {
    this.delimiter = layout.delimiter;
    this.width = layout.width;
    this.recordWidth = layout.recordWidth;
    this.emailIndex = layout.emailIndex;
    this.ownOutput = layout.ownOutput;
    this.lineIsCell = layout.lineIsCell;
  }

  /**
   * A quote opened by mistake (`Ann,"x` with no closing quote on that line) makes the CSV
   * grammar swallow the following rows into one field until the next quote. When a multi-line
   * field holds lines that are themselves whole records with an address in the email column,
   * the record is split: its first line is rejected as `stray_quote`, and the text after it is
   * read again as records — so no subscriber disappears inside someone else's cell.
   */
  split(record: CsvRecord): CsvRecord[] {
    if (record.problem !== null || !swallowsRecords(record, this.delimiter, this.recordWidth, this.emailIndex)) {
      return [record];
    }
    const nl = record.raw.search(/\r\n|\n|\r/);
    const rest = record.raw.slice(nl).replace(/^(\r\n|\n|\r)/, "");
    const again = new CsvRecordReader({ delimiter: this.delimiter });
    const first: CsvRecord = { fields: [record.raw.slice(0, nl)], raw: record.raw.slice(0, nl), line: record.line, problem: "stray_quote" };
    return [first, ...[...again.push(rest), ...again.end()].flatMap((r) => this.split(r))];
  }

  /** One record (after split) as the next data row; null for a blank line (counted, not emitted). */
  take(record: CsvRecord): Pending | null {
    const counts = this.counts;
    if (record.problem === null && record.raw.trim() === "") {
      counts.inputRows++;
      counts.blankRows++;
      this.dataRow++;
      return null;
    }
    counts.inputRows++;
    const dataRow = ++this.dataRow;
    let malformed: Reason | null = null;
    let cells: string[] | null = null;
    let previousOriginal = "";
    if (record.problem !== null) {
      malformed = { code: "malformed_row", problem: record.problem, raw: showEscapedBytes(record.raw) };
    } else if (hasEscapedBytes(record.raw)) {
      const bad = ++counts.undecodableRecords;
      if (clearlyWrongEncoding(this.decoder, bad, dataRow)) throw this.decoder.encodingError();
      malformed = { code: "malformed_row", problem: "undecodable_bytes", raw: showEscapedBytes(record.raw) };
    } else {
      let fields = record.fields;
      const fullWidth = this.recordWidth;
      if (fields.length > fullWidth && fields.slice(fullWidth).every((f) => f === "")) {
        fields = fields.slice(0, fullWidth); // a trailing delimiter adds only empty fields
      }
      if (this.lineIsCell && fields.length > 1) fields = [record.raw];
      if (fields.length !== fullWidth) {
        malformed = { code: "malformed_row", problem: "field_count", raw: showEscapedBytes(record.raw), expected: fullWidth, found: record.fields.length };
      } else {
        if (this.ownOutput) {
          previousOriginal = unguardCell(fields[this.width + 3]!);
          fields = fields.slice(0, this.width).map(unguardCell);
        }
        cells = fields;
      }
    }
    const pending: Pending = { dataRow, record, cells, malformed, previousOriginal, check: null };
    if (cells !== null) {
      // Re-reading our own output: judge the address as first typed, so the row keeps the same
      // reasons (typo_fixed, normalized) — unless someone has edited the cell since.
      const check = this.judge(cells[this.emailIndex]!, previousOriginal);
      pending.check = check;
      // Once answered, the row no longer blocks the head of the window.
      if (check instanceof Promise) check.then((value) => (pending.check = value), () => undefined);
    }
    return pending;
  }

  private judge(cell: string, previous: string): CellCheck | Promise<CellCheck> {
    if (previous === "") return checkCell(cell, this.analyzer);
    const again = checkCell(previous, this.analyzer);
    const pick = (a: CellCheck): CellCheck | Promise<CellCheck> => (a.written === cell ? a : checkCell(cell, this.analyzer));
    return again instanceof Promise ? again.then(pick) : pick(again);
  }
}

/** Does a multi-line field of this record hold whole records (width fields, an address)? */
function swallowsRecords(record: CsvRecord, delimiter: string, width: number, emailIndex: number): boolean {
  if (width < 2) return false;
  for (const field of record.fields) {
    if (!/[\r\n]/.test(field)) continue;
    const lines = field.split(/\r\n|\n|\r/);
    for (let i = 1; i < lines.length; i++) {
      const parts = lines[i]!.split(delimiter);
      if (parts.length >= width && looksLikeAddress(parts[emailIndex] ?? "")) return true;
    }
  }
  return false;
}

