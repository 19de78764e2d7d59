import { createHash } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { addAbortSignal, type Readable } from "node:stream";
import { normalizeAndValidate } from "../address/normalize.js";
import { asReadError, interruptedBy, MailsweepError } from "../errors.js";
import { CsvRecordReader, DEFAULT_MAX_RECORD_CHARS, type CsvRecord } from "../pipeline/csv-reader.js";
import { InputDecoder, hasEscapedBytes, showEscapedBytes } from "../pipeline/decode.js";
import { checkHeaderNames } from "../pipeline/detect.js";
import { guardCell, needsGuard, unguardCell } from "../formula.js";
import { AtomicCsvWriter, syncDir } from "../pipeline/output.js";
import { prepareOutDir, resolveInput, sameFile, stemOf } from "../pipeline/paths.js";
import { decodedText, fileBytes } from "../pipeline/bytes.js";
import { probeSample, readCsv } from "../pipeline/records.js";
import type { SoftThreshold, Store } from "../store/index.js";
import { classifyBounce } from "./classify.js";
import { applyBounces, countingOf, rowIdentity, type ApplyResult, type BounceOutcome } from "./log-apply.js";
import { detectBounceColumns, looksLikeBounceHeader, type BounceColumns, type ColumnOptions, type ColumnPick } from "./log-columns.js";
import { parseLogDate } from "./log-dates.js";
import { extractCodes } from "./parse.js";
import { buildBounceSummary, SummaryBuilder, type BounceLogSummary } from "./log-summary.js";
import type { BounceClassification, BounceHints } from "./types.js";

/** Appended columns (contract), in this order. */
export const BOUNCE_COLUMNS = ["bounce_category", "bounce_action", "bounce_code", "bounce_enhanced_code"] as const;

/** Default share of sender-side bounces above which the log is the sender's problem (percent). */
export const DEFAULT_SENDER_ALERT_PERCENT = 2;

export type LogFormat = "auto" | "csv" | "text";

export interface BounceLogOptions extends ColumnOptions {
  /** A file path, or "-" for stdin. */
  readonly input: string;
  readonly stdin?: Readable;
  readonly outDir?: string;
  /** `text`: one bounce per line, the address found in the line. `auto` decides from the data. */
  readonly format?: LogFormat;
  readonly noHeader?: boolean;
  readonly delimiter?: string;
  readonly encoding?: string;
  readonly formulaGuard?: boolean;
  readonly senderAlertPercent?: number;
  /** Record the outcomes in this store (`--apply`); null or absent: classify only. */
  readonly apply?: { readonly store: Store; readonly threshold: SoftThreshold } | null;
  readonly now?: Date;
  readonly signal?: AbortSignal;
  readonly maxRecordChars?: number;
}

export interface BounceLogResult {
  readonly summary: BounceLogSummary;
  readonly file: string;
}

const SAMPLE_CHARS = 64 * 1024;

/**
 * The recipient in a plain-text log line. Mail logs name the sender too, so the recipient
 * markers win over the first address in the line:
 *   postfix/smtp[1]: 4Xz: to=<bob@example.com>, relay=... status=bounced (...)
 *   Final-Recipient: rfc822; bob@example.com
 *   RCPT TO:<bob@example.com>: 550 5.1.1 ...
 */
const RECIPIENT_MARKERS = /(?:\bto=<?|rcpt to:\s*<?|recipient:\s*(?:rfc822;\s*)?<?|final-recipient:\s*(?:rfc822;\s*)?<?|original-recipient:\s*(?:rfc822;\s*)?<?)([^\s<>(),;"']+@[^\s<>(),;"']+)/i;
const ANY_ADDRESS = /[^\s<>()[\],;:"'=]+@[^\s<>()[\],;:"'=]+\.[^\s<>()[\],;:"'=]*[^\s<>()[\],;:"'=.]/u;

const LEADING_ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)/;

export function addressInLine(line: string): string | null {
  const marked = RECIPIENT_MARKERS.exec(line)?.[1];
  if (marked !== undefined) return marked.replace(/[.>]+$/, "");
  return ANY_ADDRESS.exec(line)?.[0] ?? null;
}

/** Does the sample look like a plain-text log (lines with addresses, no column structure)? */
function isPlainText(records: readonly CsvRecord[]): boolean {
  const data = records.filter((r) => r.raw.trim() !== "");
  if (data.length === 0) return false;
  const widths = new Map<number, number>();
  for (const r of data) widths.set(r.fields.length, (widths.get(r.fields.length) ?? 0) + 1);
  const modeShare = Math.max(...widths.values()) / data.length;
  const mode = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const withAddress = data.filter((r) => addressInLine(r.raw) !== null).length / data.length;
  // One column, or a ragged split (commas inside free text): lines, if most carry an address.
  return withAddress >= 0.5 && (mode < 2 || modeShare < 0.8);
}

function codeHints(cell: string): BounceHints {
  const c = extractCodes(cell);
  return { ...(c.code !== null ? { code: c.code } : {}), ...(c.enhancedCode !== null ? { enhancedCode: c.enhancedCode } : {}) };
}

interface Layout {
  readonly format: "csv" | "text";
  readonly delimiter: string;
  readonly header: string[] | null;
  readonly width: number;
  readonly columns: BounceColumns | null;
  readonly ownOutput: boolean;
  readonly sepLine: string | null;
}

/**
 * Classify a bounce log: the library entry point behind `mailsweep bounces`. Streams the input,
 * writes `<stem>.bounces.csv` atomically (every data record exactly once, in input order), and,
 * with `apply`, records the outcomes in the store in one transaction before the output is
 * committed — so a failed run leaves neither a new file nor half-applied bounces.
 */
export async function classifyBounceLog(opts: BounceLogOptions): Promise<BounceLogResult> {
  await resolveInput(opts.input, "a bounce log");
  const label = opts.input === "-" ? "stdin" : opts.input;
  const source = opts.input === "-" ? "stdin" : basename(opts.input);
  const outDir = await prepareOutDir(opts.outDir ?? (opts.input === "-" ? process.cwd() : dirname(resolve(opts.input))));
  const outPath = join(outDir, `${stemOf(opts.input)}.bounces.csv`);
  if (opts.input !== "-" && (resolve(outPath) === resolve(opts.input) || (await sameFile(outPath, opts.input)))) {
    throw new MailsweepError("usage", `Refusing to overwrite the input: ${opts.input} is also the output path. Use --out-dir.`);
  }
  const now = opts.now ?? new Date();
  const formulaGuard = opts.formulaGuard ?? true;
  const format = opts.format ?? "auto";
  const decoder = new InputDecoder({ encoding: opts.encoding, fileLabel: label });
  const input: AsyncIterable<Buffer> =
    opts.input === "-" ? addAbortSignal(opts.signal ?? new AbortController().signal, opts.stdin ?? process.stdin) : fileBytes(opts.input, 64 * 1024, opts.signal);
  const hash = createHash("sha256");
  const texts = decodedText(input, decoder, (chunk) => hash.update(chunk));

  const stats = new SummaryBuilder();
  const outcomes: BounceOutcome[] = [];
  let writer: AtomicCsvWriter | null = null;
  let layout: Layout | null = null;
  let reader: CsvRecordReader | LineReader | null = null;
  let sample = "";
  let neutralised = 0;

  const write = async (row: string[]): Promise<void> => {
    if (formulaGuard) {
      for (let i = 0; i < row.length; i++) {
        if (needsGuard(row[i]!)) {
          row[i] = guardCell(row[i]!);
          neutralised++;
        }
      }
    }
    await writer!.write(row);
  };

  const handle = async (record: CsvRecord): Promise<void> => {
    const l = layout!;
    if (record.problem === null && record.raw.trim() === "") {
      stats.blank();
      return;
    }
    let cells: string[];
    let text: string;
    let addressCell: string | null;
    let hints: BounceHints = {};
    let dateCell: string | null = null;
    let malformed = false;
    const undecodable = hasEscapedBytes(record.raw);
    if (l.format === "text") {
      const line = undecodable ? showEscapedBytes(record.raw) : record.raw;
      text = line;
      addressCell = undecodable ? null : addressInLine(line);
      cells = [addressCell ?? "", line];
      // Logs that start each line with an ISO time stamp (syslog RFC 5424, most ESP exports).
      dateCell = LEADING_ISO.exec(line)?.[0] ?? null;
    } else {
      let fields = record.fields;
      const full = l.ownOutput ? l.width + BOUNCE_COLUMNS.length : l.width;
      if (record.problem === null && !undecodable && fields.length > full && fields.slice(full).every((f) => f === "")) fields = fields.slice(0, full);
      if (record.problem === null && !undecodable && l.ownOutput && fields.length === full) fields = fields.slice(0, l.width).map(unguardCell);
      const cols = l.columns!;
      // An unquoted comma inside the reply, when the text is the last column, only adds fields
      // to the text: rejoin them rather than losing the row.
      if (record.problem === null && !undecodable && !l.ownOutput && fields.length > l.width && cols.text.index === l.width - 1) {
        fields = [...fields.slice(0, l.width - 1), fields.slice(l.width - 1).join(l.delimiter)];
      }
      if (record.problem === null && !undecodable && fields.length <= l.width) {
        cells = fields.length < l.width ? [...fields, ...new Array<string>(l.width - fields.length).fill("")] : fields;
        text = cells[cols.text.index] ?? "";
        addressCell = cells[cols.email.index] ?? "";
        if (cols.code !== null) hints = codeHints(cells[cols.code.index] ?? "");
        if (cols.date !== null) dateCell = cells[cols.date.index] ?? "";
      } else {
        // Unreadable as CSV: keep the raw text in the first cell, classify it as a line, and
        // never apply it (its address could be any address in the line).
        malformed = true;
        const raw = showEscapedBytes(record.raw);
        cells = [raw, ...new Array<string>(Math.max(0, l.width - 1)).fill("")];
        text = raw;
        addressCell = null;
      }
    }
    const c: BounceClassification = classifyBounce(text, hints);
    const checked = addressCell === null || addressCell.trim() === "" ? null : normalizeAndValidate(addressCell).validation?.address ?? null;
    let at: string | null = null;
    if (dateCell !== null && dateCell.trim() !== "") {
      at = parseLogDate(dateCell, now.getTime());
      if (at === null) stats.unreadableDate();
    }
    stats.row(c, checked?.domain ?? null, { malformed, hasAddress: checked !== null, dated: at !== null });
    if (checked !== null && !malformed && opts.apply) {
      outcomes.push({
        address: checked.normalized,
        category: c.category,
        counting: countingOf(c),
        at,
        identity: rowIdentity(checked.key, at, text, hints.code ?? "", hints.enhancedCode ?? ""),
      });
    }
    await write([...cells, c.category, c.action, c.code ?? "", c.enhancedCode ?? ""]);
  };

  const start = async (text: string, final: boolean): Promise<string | null> => {
    sample += text;
    if (!final && sample.length < SAMPLE_CHARS) return null;
    const { sniffed, body, records, lineEnding } = probeSample(sample, opts.delimiter, final);
    if (records[0] !== undefined && hasEscapedBytes(records[0].raw)) throw decoder.encodingError();
    const first = records[0];
    const named = first !== undefined && !opts.noHeader && looksLikeBounceHeader(first.fields);
    const forcedColumns = [opts.emailColumn, opts.textColumn, opts.codeColumn, opts.dateColumn].some((o) => o !== undefined);
    const auto = format === "auto" && !named && !forcedColumns && opts.delimiter === undefined;
    let plain = format === "text" || (auto && isPlainText(records));
    // A header row is one without addresses whose names say what the columns are — or, unless
    // --no-header, a first row with no address at all.
    const hasHeader = !plain && !opts.noHeader && first !== undefined && (named || !first.fields.some((f) => addressInLine(f) !== null));
    let header: string[] | null = null;
    let ownOutput = false;
    let width = 2;
    let columns: BounceColumns | null = null;
    if (!plain) {
      let rows = records.slice(hasHeader ? 1 : 0, 201).map((r) => r.fields);
      if (hasHeader) {
        header = first!.fields.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, "") : h));
        ownOutput = endsWithBounceColumns(header);
        if (ownOutput) {
          header = header.slice(0, header.length - BOUNCE_COLUMNS.length);
          rows = rows.map((r) => r.slice(0, header!.length).map(unguardCell));
        }
        checkHeaderNames(header, label);
        width = header.length;
      } else {
        width = Math.max(1, ...rows.map((r) => r.length));
      }
      // Unquoted commas in a last-column reply split it: judge the columns on the rejoined text.
      const w = width;
      rows = rows.map((r) => (r.length > w ? [...r.slice(0, w - 1), r.slice(w - 1).join(sniffed.delimiter)] : r));
      try {
        columns = detectBounceColumns(header, rows, opts, label);
      } catch (err) {
        // No column structure that names an address and a text, but lines that carry
        // addresses: a plain-text log whose free text happens to split evenly on a delimiter.
        const lines = records.filter((r) => addressInLine(r.raw) !== null).length;
        if (!(auto && header === null && err instanceof MailsweepError && err.kind === "data" && lines * 2 >= records.length)) throw err;
        plain = true;
      }
    }
    const rowDelimiter = lineEnding ?? "\n";
    const bom = decoder.info.bom || decoder.info.encoding !== "utf-8";
    writer = await AtomicCsvWriter.open(outPath, { delimiter: plain ? "," : sniffed.delimiter, rowDelimiter, bom });
    if (plain) {
      layout = { format: "text", delimiter: ",", header: null, width: 2, columns: null, ownOutput: false, sepLine: null };
      await write(["email", "bounce_text", ...BOUNCE_COLUMNS]);
      reader = new LineReader();
      return body;
    }
    layout = { format: "csv", delimiter: sniffed.delimiter, header, width, columns, ownOutput, sepLine: sniffed.sepLine };
    if (sniffed.sepLine !== null) await writer!.writeLine(sniffed.sepLine);
    if (header !== null) await write([...header, ...BOUNCE_COLUMNS]);
    reader = new CsvRecordReader({ delimiter: sniffed.delimiter, maxRecordChars: opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS });
    if (hasHeader) {
      const [h] = new CsvRecordReader({ delimiter: sniffed.delimiter }).push(body);
      let end = h?.raw.length ?? body.length;
      if (body.charCodeAt(end) === 13) end++;
      if (body.charCodeAt(end) === 10) end++;
      return body.slice(end);
    }
    return body;
  };

  const feed = async (records: Iterable<CsvRecord>): Promise<void> => {
    for (const r of records) await handle(r);
  };

  try {
    await readCsv(texts, start, () => reader, feed, opts.signal);
    if (opts.signal?.aborted) throw interruptedBy(opts.signal, "no output was written and nothing was applied");
    const w = writer as AtomicCsvWriter | null;
    const l = layout as Layout | null;
    if (w === null || l === null) throw new MailsweepError("internal", "the input was never read");
    const headerRows = l.format === "text" || l.header !== null ? 1 : 0;
    const written = w.rows - headerRows - (l.sepLine !== null ? 1 : 0);
    if (written + stats.blankRows !== stats.inputRows) {
      throw new MailsweepError("internal", `Row accounting failed: ${stats.inputRows} input rows but ${written} written + ${stats.blankRows} blank.`);
    }
    await w.finish();
    let applied: ApplyResult | null = null;
    if (opts.apply) {
      applied = applyBounces(opts.apply.store, outcomes, { logHash: hash.digest("hex"), source, threshold: opts.apply.threshold, now });
    }
    const summary = buildBounceSummary(stats, {
      input: label,
      output: outPath,
      format: l.format,
      encoding: decoder.info.encoding,
      bom: decoder.info.bom,
      delimiter: l.delimiter,
      header: l.header,
      columns: l.columns,
      ownOutput: l.ownOutput,
      neutralisedCells: neutralised,
      senderAlertPercent: opts.senderAlertPercent ?? DEFAULT_SENDER_ALERT_PERCENT,
      applied,
    });
    await w.commit();
    await syncDir(outDir);
    return { summary, file: outPath };
  } catch (err) {
    await (writer as AtomicCsvWriter | null)?.abort();
    if (opts.signal?.aborted) throw interruptedBy(opts.signal, "no output was written and nothing was applied");
    throw asReadError(err, label);
  }
}

/**
 * Physical lines as records, for plain-text logs: no quoting (a `"` in a log line is text), LF,
 * CRLF or lone CR line ends.
 */
class LineReader {
  private buf = "";
  private line = 1;

  records(text: string): CsvRecord[] {
    this.buf += text;
    return this.drain(false);
  }

  rest(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const buf = this.buf;
    let pos = 0;
    for (;;) {
      let nl = -1;
      for (let i = pos; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (c === 10 || c === 13) {
          nl = i;
          break;
        }
      }
      if (nl < 0) break;
      // A CR at the end of a chunk may be the first half of CRLF: wait for the next chunk.
      if (buf.charCodeAt(nl) === 13 && nl + 1 >= buf.length && !final) break;
      const raw = buf.slice(pos, nl);
      out.push({ fields: [raw], raw, line: this.line++, problem: null });
      pos = buf.charCodeAt(nl) === 13 && buf.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
    }
    this.buf = buf.slice(pos);
    if (final && this.buf.length > 0) {
      out.push({ fields: [this.buf], raw: this.buf, line: this.line++, problem: null });
      this.buf = "";
    }
    return out;
  }
}

function endsWithBounceColumns(header: readonly string[]): boolean {
  if (header.length < BOUNCE_COLUMNS.length) return false;
  const tail = header.slice(header.length - BOUNCE_COLUMNS.length);
  return tail.every((h, i) => unguardCell(h.trim()) === BOUNCE_COLUMNS[i]);
}

export type { ColumnPick };
