import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkCell, sortReasons, suppressionReason, type CellCheck } from "../check/address.js";
import { DomainAnalyzer, type TypoMode } from "../check/domain.js";
import { dataSources } from "../check/sources.js";
import { createDomainIntel, type DomainIntel } from "../domains/index.js";
import { asReadError, interruptedBy, MailsweepError } from "../errors.js";
import { renderReason } from "../messages.js";
import type { Reason, ReasonCode } from "../reasons.js";
import { createTypoCorrector, type TypoCorrector } from "../typos/index.js";
import { verdict, type VerdictPolicy } from "../verdict.js";
import { CsvRecordReader, DEFAULT_MAX_RECORD_CHARS, type CsvRecord } from "./csv-reader.js";
import { DecodeStream, hasEscapedBytes, showEscapedBytes } from "./decode.js";
import { checkHeaderNames, chooseEmailColumn, looksLikeAddress, type ColumnChoice } from "./detect.js";
import { outputEncoding } from "./encode.js";
import { FirstSeen } from "./first-seen.js";
import { LineSpool } from "./line-spool.js";
import { guardCell, needsGuard, unguardCell } from "../formula.js";
import { prepareOutDir, resolveInput, sameFile, stemOf } from "./paths.js";
import { prefetchDomains } from "./prefetch.js";
import { probeSample, readCsv } from "./records.js";
import { AtomicCsvWriter, liveTempFiles, stageText, syncDir, type StagedFile } from "./output.js";
import { buildReport, type CleanReport, type Detection, type RunCounts } from "../report/summary.js";
import { DnsUnavailableError, transientDominates, type DnsChecker } from "../dns/index.js";
import type { Store, SweepDiff } from "../store/index.js";

/** Appended columns, in contract order. */
export const SWEEP_COLUMNS = [
  "sweep_status",
  "sweep_reasons",
  "sweep_detail",
  "sweep_original_email",
  "sweep_suggestion",
  "sweep_row",
] as const;

export interface CleanOptions {
  /** A file path, or "-" for `stdin`. */
  readonly input: string;
  /** The stream read for "-" (default: process.stdin). */
  readonly stdin?: Readable;
  readonly outDir?: string;
  readonly emailColumn?: string;
  readonly noHeader?: boolean;
  readonly delimiter?: string;
  readonly encoding?: string;
  readonly typos?: TypoMode;
  readonly reject?: readonly ReasonCode[];
  readonly keep?: readonly ReasonCode[];
  readonly formulaGuard?: boolean;
  /** `--output-encoding`; default UTF-8 (with a BOM when the input had one or was not UTF-8). */
  readonly outputEncoding?: string;
  readonly maxRecordChars?: number;
  readonly signal?: AbortSignal;
  /** DNS checker; null or absent means offline (no DNS at all). */
  readonly dns?: DnsChecker | null;
  /** The store: suppression list and sweep history (the DNS cache goes in through `dns`). */
  readonly store?: Store | null;
  /** Domain lists (default: the bundled ones). */
  readonly intel?: DomainIntel;
  readonly typoCorrector?: TypoCorrector;
  /** Options as the user gave them, recorded in the report. */
  readonly recordedOptions?: Record<string, unknown>;
  readonly onProgress?: (p: Progress) => void;
  /** Another output rendered from the finished report (the HTML report), committed with the rest. */
  readonly extraOutput?: { readonly path: string; readonly render: (report: CleanReport) => string };
}

export interface Progress {
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number | null;
  readonly domains: number;
}

export interface CleanResult {
  readonly report: CleanReport;
  readonly files: { readonly clean: string; readonly rejected: string; readonly report: string };
}

/**
 * How many rows may wait for DNS answers before reading pauses (a bounded reorder window). The
 * look-ahead (prefetch.ts) keeps the resolver busy, so the window only has to absorb jitter; a
 * small one keeps waiting rows from surviving into the old generation of the heap.
 */
const WINDOW = 256;
/** Distinct domains the look-ahead may have in flight: deep enough to keep 50 queries busy. */
const PREFETCH_PENDING = 150;
/** Suppressed rows named in the report (the rejected file has them all). */
const MAX_SUPPRESSED_LISTED = 200;
/** Rows sampled for delimiter and column detection. */
const SAMPLE_CHARS = 64 * 1024;
/** Too many undecodable records means the encoding is wrong, not that a few rows are broken. */
/** Stop early, mid-file, only when undecodable rows are this common (and outweigh good text). */
const EARLY_UNDECODABLE_MIN = 20;
const EARLY_UNDECODABLE_SHARE = 0.2;

/** A row on its way out: the check may still be waiting for DNS. */
interface Pending {
  readonly dataRow: number;
  readonly record: CsvRecord;
  /** Data cells (own sweep_* columns removed), or null for malformed records. */
  readonly cells: string[] | null;
  readonly malformed: Reason | null;
  readonly previousOriginal: string;
  check: CellCheck | Promise<CellCheck> | null;
}

/**
 * Clean one list: the library entry point behind `mailsweep clean`. Streams the input once with
 * backpressure, keeps output order equal to input order, and commits the three outputs only after
 * the whole run succeeded.
 */
export async function cleanList(opts: CleanOptions): Promise<CleanResult> {
  const started = Date.now();
  const { label, size } = await resolveInput(opts.input, "a CSV file");
  const stem = stemOf(opts.input);
  const outDir = await prepareOutDir(opts.outDir ?? (opts.input === "-" ? process.cwd() : dirname(resolve(opts.input))));
  const paths = {
    clean: join(outDir, `${stem}.clean.csv`),
    rejected: join(outDir, `${stem}.rejected.csv`),
    report: join(outDir, `${stem}.report.json`),
  };
  if (opts.extraOutput) {
    const extraPath = resolve(opts.extraOutput.path);
    if (Object.values(paths).some((p) => resolve(p) === extraPath) || (opts.input !== "-" && extraPath === resolve(opts.input))) {
      throw new MailsweepError("usage", `Refusing to write ${opts.extraOutput.path}: it is the input or one of the other outputs.`);
    }
  }
  if (opts.input !== "-") {
    for (const p of Object.values(paths)) {
      if (resolve(p) === resolve(opts.input) || (await sameFile(p, opts.input))) {
        throw new MailsweepError("usage", `Refusing to overwrite the input: ${opts.input} is also an output path. Use --out-dir.`);
      }
    }
  }

  const typoMode = opts.typos ?? "fix";
  const formulaGuard = opts.formulaGuard ?? true;
  // DomainAnalyzer memoises each domain's whole analysis; the lists need not memoise as well.
  const intel = opts.intel ?? createDomainIntel({ memo: false });
  const typoCorrector = opts.typoCorrector ?? createTypoCorrector({ memo: false });
  const dns = opts.dns ?? null;
  const analyzer = new DomainAnalyzer({ intel, typos: typoCorrector, dns, typoMode });
  const policy: VerdictPolicy = { keep: new Set(opts.keep ?? []), reject: new Set(opts.reject ?? []) };

  if (dns !== null) await dns.canary(); // before any output exists (contract: exit 75, nothing written)
  // On SIGINT/SIGTERM, cancel outstanding lookups at once so the run stops in well under a second.
  opts.signal?.addEventListener("abort", () => dns?.close(), { once: true });

  // With DNS, standard input is spooled to a temp file first so the look-ahead can read it too.
  const spool = dns !== null && opts.input === "-" ? await spoolStdin(opts.stdin ?? process.stdin, outDir, opts.signal) : null;
  const inputPath = spool ?? (opts.input === "-" ? null : opts.input);
  const lookahead = new AbortController();
  let prefetching: Promise<void> | null = null;

  const decoder = new DecodeStream({ encoding: opts.encoding, fileLabel: label });
  const source: Readable = inputPath === null ? (opts.stdin ?? process.stdin) : createReadStream(inputPath, { highWaterMark: 64 * 1024 });
  let bytesRead = 0;
  const inputHash = createHash("sha256"); // identifies the list's content in the sweep history
  source.on("data", (chunk: Buffer) => {
    bytesRead += chunk.length;
    inputHash.update(chunk);
  });

  const counts: RunCounts = {
    inputRows: 0,
    cleanRows: 0,
    rejectedRows: 0,
    blankRows: 0,
    byStatus: { valid: 0, risky: 0, unknown: 0, invalid: 0 },
    byCode: {},
    neutralisedCells: 0,
    typoFixes: new Map(),
    rejectedDomains: new Map(),
    domainRows: new Map(),
    suppressed: [],
    undecodableRecords: 0,
  };
  const seen = new FirstSeen(); // duplicate key → first data row
  const store = opts.store ?? null;
  const suppressed = store?.suppressionLookup() ?? null;
  const rejectedForHistory = new LineSpool(); // "key\tcodes" of rejected rows, off the JS heap
  let writers: { clean: AtomicCsvWriter; rejected: AtomicCsvWriter } | null = null;
  let staged: StagedFile | null = null;
  let extra: StagedFile | null = null;
  const warnings: string[] = [];
  let detection: Detection | null = null;

  let reader: CsvRecordReader | null = null;
  let header: string[] | null = null;
  let width = 0; // data columns (without our own sweep_* columns)
  let emailIndex = 0;
  let ownOutput = false;
  let sample = "";
  let dataRow = 0;
  const window: Pending[] = [];
  let lastProgress = 0;

  // Domain-level reasons are shared objects (one per domain), so their sentences are rendered
  // once per domain, not once per row.
  const sentences = new WeakMap<Reason, string>();
  const detail = (reasons: readonly Reason[]): string => {
    let out = "";
    for (let i = 0; i < reasons.length; i++) {
      const r = reasons[i]!;
      let text = sentences.get(r);
      if (text === undefined) {
        text = renderReason(r);
        sentences.set(r, text);
      }
      out = i === 0 ? text : `${out} | ${text}`;
    }
    return out;
  };

  const emit = async (p: Pending): Promise<void> => {
    const w = writers!;
    const check = p.check === null ? null : p.check instanceof Promise ? await p.check : p.check;
    let reasons: Reason[];
    let cells: string[];
    let written = "";
    let original = "";
    let suggestion = "";
    if (p.malformed !== null || check === null) {
      reasons = [p.malformed!];
      cells = new Array<string>(width).fill("");
    } else {
      reasons = [...check.reasons];
      cells = p.cells!;
      if (check.key !== null) {
        const first = seen.firstOrAdd(check.key, p.dataRow);
        if (first !== undefined) reasons.push({ code: "duplicate", firstRow: first });
        const hit = suppressed?.(check.key);
        if (hit) {
          const reason = suppressionReason(hit);
          reasons.push(reason);
          if (counts.suppressed.length < MAX_SUPPRESSED_LISTED && reason.code === "suppressed") {
            counts.suppressed.push({ address: check.written, row: p.dataRow, since: reason.since ?? "", category: reason.category ?? "", source: reason.source ?? "" });
          }
        }
        if (reasons.length !== check.reasons.length) sortReasons(reasons);
      }
      written = check.written;
      cells[emailIndex] = written;
      if (check.domain !== null) bump(counts.domainRows, check.domain.domain);
      original = written !== check.original ? check.original : p.previousOriginal;
      suggestion = check.suggestion;
      for (const r of reasons) if (r.code === "typo_fixed") bump(counts.typoFixes, `${r.from} → ${r.to}`);
    }
    const v = verdict(reasons, policy);
    counts.byStatus[v.status]++;
    const codes: string[] = [];
    for (const r of reasons) {
      counts.byCode[r.code] = (counts.byCode[r.code] ?? 0) + 1;
      codes.push(r.code);
    }
    const row = cells.concat([v.status, codes.join(";"), detail(reasons), original, suggestion, String(p.dataRow)]);
    if (formulaGuard) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i]!;
        if (needsGuard(cell)) {
          row[i] = guardCell(cell);
          counts.neutralisedCells++;
        }
      }
    }
    if (v.rejected) {
      counts.rejectedRows++;
      if (store !== null && check?.key) rejectedForHistory.push(`${check.key}\t${codes.join(";")}`);
      if (check?.domain) bump(counts.rejectedDomains, check.domain.domain);
      await w.rejected.write(row);
    } else {
      counts.cleanRows++;
      await w.clean.write(row);
    }
  };

  /**
   * Undecodable records mean a wrong encoding, not a damaged row, when they are not a lone
   * exception (two or more, or half the rows) and undecodable bytes outnumber the multi-byte text
   * that decoded correctly (see DecodeStream.validNonAscii).
   */
  const wrongEncoding = (bad: number, rows: number): boolean =>
    bad > 0 &&
    (!decoder.info.detected || ((bad >= 2 || bad * 2 >= rows) && decoder.invalidBytes > decoder.validNonAscii));

  /** Record this sweep in the store and compare it with the previous sweep of the same list. */
  const recordHistory = (store: Store, finishedAt: number): HistoryNote => {
    const listId = opts.input === "-" ? "stdin" : resolve(opts.input);
    const previous = store.sweepPrevious(listId);
    const digest = inputHash.digest("hex");
    const id = store.sweepRecord({
      listId,
      inputHash: digest,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      options: opts.recordedOptions ?? {},
      counts: { input_rows: counts.inputRows, clean_rows: counts.cleanRows, rejected_rows: counts.rejectedRows, blank_rows: counts.blankRows, by_code: counts.byCode },
      rejected: rejectedEntries(rejectedForHistory),
      domains: dnsVerdicts(analyzer),
    });
    return {
      previous: previous ? { finishedAt: previous.finishedAt, sameInput: previous.inputHash === digest } : null,
      diff: previous ? store.sweepDiff(previous.id, id, { limit: 100 }) : null,
    };
  };

  const judge = (cell: string, previous: string): CellCheck | Promise<CellCheck> => {
    if (previous === "") return checkCell(cell, analyzer);
    const again = checkCell(previous, analyzer);
    const pick = (a: CellCheck): CellCheck | Promise<CellCheck> => (a.written === cell ? a : checkCell(cell, analyzer));
    return again instanceof Promise ? again.then(pick) : pick(again);
  };

  /**
   * A quote opened by mistake (`Ann,"x` with no closing quote on that line) makes the CSV
   * grammar swallow the following rows into one field until the next quote. When a multi-line
   * field holds lines that are themselves whole records with an address in the email column,
   * the record is split: its first line is rejected as `stray_quote`, and the text after it is
   * read again as records — so no subscriber disappears inside someone else's cell.
   */
  const split = (record: CsvRecord): CsvRecord[] => {
    if (record.problem !== null || !swallowsRecords(record, detection!.delimiter, ownOutput ? width + SWEEP_COLUMNS.length : width, emailIndex)) {
      return [record];
    }
    const nl = record.raw.search(/\r\n|\n|\r/);
    const rest = record.raw.slice(nl).replace(/^(\r\n|\n|\r)/, "");
    const again = new CsvRecordReader({ delimiter: detection!.delimiter });
    const first: CsvRecord = { fields: [record.raw.slice(0, nl)], raw: record.raw.slice(0, nl), line: record.line, problem: "stray_quote" };
    return [first, ...[...again.push(rest), ...again.end()].flatMap(split)];
  };

  const intake = (record: CsvRecord): Pending | null => {
    if (record.problem === null && record.raw.trim() === "") {
      counts.inputRows++;
      counts.blankRows++;
      dataRow++;
      return null;
    }
    counts.inputRows++;
    dataRow++;
    let malformed: Reason | null = null;
    let cells: string[] | null = null;
    let previousOriginal = "";
    if (record.problem !== null) {
      malformed = { code: "malformed_row", problem: record.problem, raw: showEscapedBytes(record.raw) };
    } else if (hasEscapedBytes(record.raw)) {
      counts.undecodableRecords++;
      const bad = counts.undecodableRecords;
      if (bad >= EARLY_UNDECODABLE_MIN && bad > EARLY_UNDECODABLE_SHARE * dataRow && decoder.invalidBytes > decoder.validNonAscii) {
        throw decoder.encodingError(); // clearly another encoding: no need to read the rest
      }
      malformed = { code: "malformed_row", problem: "undecodable_bytes", raw: showEscapedBytes(record.raw) };
    } else {
      let fields = record.fields;
      const fullWidth = ownOutput ? width + SWEEP_COLUMNS.length : width;
      if (fields.length > fullWidth && fields.slice(fullWidth).every((f) => f === "")) {
        fields = fields.slice(0, fullWidth); // a trailing delimiter adds only empty fields
      }
      if (fields.length !== fullWidth) {
        malformed = { code: "malformed_row", problem: "field_count", raw: showEscapedBytes(record.raw), expected: fullWidth, found: record.fields.length };
      } else {
        if (ownOutput) {
          previousOriginal = unguardCell(fields[width + 3]!);
          fields = fields.slice(0, width).map(unguardCell);
        }
        cells = fields;
      }
    }
    const pending: Pending = { dataRow, record, cells, malformed, previousOriginal, check: null };
    if (cells !== null) {
      // Re-reading our own output: judge the address as first typed, so the row keeps the same
      // reasons (typo_fixed, normalized) — unless someone has edited the cell since.
      const check = judge(cells[emailIndex]!, previousOriginal);
      pending.check = check;
      // Once answered, the row no longer blocks the head of the window.
      if (check instanceof Promise) check.then((value) => (pending.check = value), () => undefined);
    }
    return pending;
  };

  const start = async (text: string, final: boolean): Promise<string | null> => {
    // Wait for enough text to detect the dialect, then set everything up.
    sample += text;
    if (!final && sample.length < SAMPLE_CHARS) return null;
    const { sniffed, body, records: probeRecords, lineEnding } = probeSample(sample, opts.delimiter, final);
    reader = new CsvRecordReader({ delimiter: sniffed.delimiter, maxRecordChars: opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS });
    if (hasEscapedBytes(body)) {
      // A header that cannot be read, or a sample where undecodable rows are the rule: the file
      // is in another encoding. Stop before any output exists.
      const bad = probeRecords.filter((r) => hasEscapedBytes(r.raw)).length;
      if ((probeRecords[0] && hasEscapedBytes(probeRecords[0].raw)) || wrongEncoding(bad, probeRecords.length - 1)) {
        throw decoder.encodingError();
      }
    }
    const first = probeRecords[0];
    const hasHeader = !opts.noHeader && first !== undefined && looksLikeHeader(first.fields, opts.emailColumn);
    let rows = probeRecords.slice(hasHeader ? 1 : 0, 51).map((r) => r.fields);
    if (hasHeader) {
      header = first!.fields.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, "") : h));
      ownOutput = endsWithSweepColumns(header);
      if (ownOutput) header = header.slice(0, header.length - SWEEP_COLUMNS.length);
      checkHeaderNames(header, label);
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
    const choice: ColumnChoice = probeRecords.length === 0 && final ? { index: 0, how: "data" } : chooseEmailColumn(header, rows, opts.emailColumn, label);
    emailIndex = choice.index;
    detection = {
      delimiter: sniffed.delimiter,
      header: hasHeader,
      emailColumn: choice,
      emailColumnName: header === null ? null : header[emailIndex]!,
      ownOutput,
      sepLine: sniffed.sepLine,
    };
    const rowDelimiter = lineEnding ?? "\n";
    const bom = decoder.info.bom || decoder.info.encoding !== "utf-8";
    const encoding = opts.outputEncoding === undefined ? undefined : outputEncoding(opts.outputEncoding, bom);
    const outputOptions = { delimiter: sniffed.delimiter, rowDelimiter, bom, encoding };
    writers = {
      clean: await AtomicCsvWriter.open(paths.clean, outputOptions),
      rejected: await AtomicCsvWriter.open(paths.rejected, outputOptions),
    };
    if (hasHeader) {
      const headerRow = [...header!, ...SWEEP_COLUMNS];
      if (sniffed.sepLine !== null) {
        // Keep Excel's `sep=` hint so the outputs open the same way the input did.
        await writers.clean.writeLine(sniffed.sepLine);
        await writers.rejected.writeLine(sniffed.sepLine);
      }
      await writers.clean.write(headerRow.map((h) => (formulaGuard ? guardCell(h) : h)));
      await writers.rejected.write(headerRow.map((h) => (formulaGuard ? guardCell(h) : h)));
    }
    if (dns !== null && inputPath !== null) {
      prefetching = prefetchDomains({
        path: inputPath,
        encoding: decoder.info.encoding,
        delimiter: sniffed.delimiter,
        emailIndex,
        analyzer,
        maxPending: PREFETCH_PENDING,
        signal: lookahead.signal,
        stillUseful: () => dns.stats().started > 0,
        mainRecords: () => dataRow,
      }).catch(() => undefined); // a hint only: the main pass reads and judges every row itself
    }
    // The header record itself is consumed here, not counted as data.
    if (hasHeader) {
      const headerEnd = firstRecordEnd(body, sniffed.delimiter);
      return body.slice(headerEnd);
    }
    return body;
  };

  const feed = async (records: Iterable<CsvRecord>): Promise<void> => {
    for (const record of records) {
      for (const p of split(record)) {
        const pending = intake(p);
        if (pending !== null) window.push(pending);
      }
      // Emit from the head while answers are in, or when the window is full.
      while (window.length > 0 && (window.length >= WINDOW || !(window[0]!.check instanceof Promise))) {
        await emit(window.shift()!);
      }
      if (dataRow - lastProgress >= 2000) {
        lastProgress = dataRow;
        if (dns !== null && transientDominates(dns.stats())) await resolverStillAnswers(dns);
      }
      if (opts.onProgress && dataRow % 5000 === 0) {
        opts.onProgress({ rows: dataRow, bytes: bytesRead, totalBytes: size, domains: analyzer.size });
      }
    }
  };

  try {
    await readCsv(source, decoder, start, () => reader, feed, opts.signal);
    while (window.length > 0) await emit(window.shift()!);
    lookahead.abort();
    await prefetching;
    if (opts.signal?.aborted) throw interruptedBy(opts.signal);
    if (dns !== null && transientDominates(dns.stats())) await resolverStillAnswers(dns);
    if (counts.undecodableRecords > 0 && wrongEncoding(counts.undecodableRecords, counts.inputRows)) throw decoder.encodingError();
    if (counts.inputRows !== counts.cleanRows + counts.rejectedRows + counts.blankRows) {
      throw new MailsweepError(
        "internal",
        `Row accounting failed: ${counts.inputRows} input rows but ${counts.cleanRows} clean + ${counts.rejectedRows} rejected + ${counts.blankRows} blank.`,
      );
    }
    const w = writers as { clean: AtomicCsvWriter; rejected: AtomicCsvWriter } | null;
    if (w === null || detection === null) throw new MailsweepError("internal", "the input was never read");
    await Promise.all([w.clean.finish(), w.rejected.finish()]);
    const finishedAt = Date.now();
    let history: HistoryNote | null = null;
    if (store !== null) {
      try {
        history = recordHistory(store, finishedAt);
      } catch (err) {
        // The lists are complete and correct; losing one history entry must not discard them.
        warnings.push(`sweep history not recorded: ${(err as Error).message}`);
      }
    }
    const report = buildReport({
      input: label,
      stem,
      files: paths,
      counts,
      detection,
      encoding: decoder.info,
      options: opts.recordedOptions ?? {},
      sources: dataSources(intel, typoCorrector),
      dns: dns?.stats() ?? null,
      offline: dns === null,
      startedAt: started,
      finishedAt,
      domains: analyzer,
      history,
      extraFile: opts.extraOutput?.path ?? null,
      warnings,
    });
    if (opts.extraOutput) extra = await stageText(opts.extraOutput.path, opts.extraOutput.render(report));
    staged = await stageText(paths.report, `${JSON.stringify(report, null, 2)}\n`);
    // Report last: its presence says the files beside it are complete.
    await w.clean.commit();
    await w.rejected.commit();
    await (extra as StagedFile | null)?.commit();
    await staged.commit();
    await syncDir(outDir);
    return { report, files: paths };
  } catch (err) {
    lookahead.abort();
    await prefetching;
    const w = writers as { clean: AtomicCsvWriter; rejected: AtomicCsvWriter } | null;
    await Promise.all([w?.clean.abort(), w?.rejected.abort(), (staged as StagedFile | null)?.abort(), (extra as StagedFile | null)?.abort()]);
    if (opts.signal?.aborted) throw interruptedBy(opts.signal);
    throw asReadError(err, label);
  } finally {
    if (spool !== null) {
      await rm(spool, { force: true });
      liveTempFiles.delete(spool);
    }
  }
}

/** Copy standard input to a temp file in the out-dir (removed when the run ends). */
async function spoolStdin(stdin: Readable, outDir: string, signal: AbortSignal | undefined): Promise<string> {
  const path = join(outDir, `.stdin.${process.pid}.${Date.now().toString(36)}.tmp`);
  liveTempFiles.add(path);
  try {
    await pipeline(stdin, createWriteStream(path, { flags: "wx", mode: 0o600 }), { signal: signal ?? new AbortController().signal });
  } catch (err) {
    await rm(path, { force: true });
    liveTempFiles.delete(path);
    if (signal?.aborted) throw interruptedBy(signal);
    throw new MailsweepError("cant_create", `Cannot spool standard input to ${path}: ${(err as Error).message}`, { cause: err });
  }
  return path;
}

/**
 * Most lookups failing transiently means either a broken resolver or a list full of lame domains
 * (old lists are). Ask the canary again: if the resolver no longer answers, stop before writing a
 * list of `unknown` (contract: exit 75, nothing written); if it does, the domains are at fault and
 * their rows stay, as `dns_unknown`.
 */
async function resolverStillAnswers(dns: DnsChecker): Promise<void> {
  try {
    await dns.canary();
  } catch (err) {
    const s = dns.stats();
    throw new DnsUnavailableError(
      dns.servers(),
      "TRANSIENT_MAJORITY",
      `Most DNS lookups are failing transiently (${s.transient} of ${s.queried}) and the resolver (${dns.servers().join(", ") || "system"}) no longer answers: ${(err as Error).message}`,
    );
  }
}

/**
 * Is the first record a header? Not when a cell holds an address; and when the email column is
 * given by index, not when that cell looks like an address with a slip (`john.gmail.com`) rather
 * than a column name — consuming a data row as a header would lose it silently.
 */
function looksLikeHeader(fields: readonly string[], emailColumn: string | undefined): boolean {
  if (fields.some(looksLikeAddress)) return false;
  if (emailColumn !== undefined && /^\d+$/.test(emailColumn)) {
    const cell = (fields[Number(emailColumn) - 1] ?? "").trim();
    if (cell.includes("@") || /^[^\s]+\.[a-z]{2,}$/i.test(cell)) return false;
  }
  return true;
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

/** What the store says about the previous sweep of the same list. */
export interface HistoryNote {
  readonly previous: { readonly finishedAt: string; readonly sameInput: boolean } | null;
  readonly diff: SweepDiff | null;
}

function* rejectedEntries(spool: LineSpool): Iterable<{ key: string; codes: string }> {
  for (const line of spool.lines()) {
    const tab = line.indexOf("\t");
    yield { key: line.slice(0, tab), codes: line.slice(tab + 1) };
  }
}

function* dnsVerdicts(analyzer: DomainAnalyzer): Iterable<{ domain: string; verdict: string }> {
  for (const [, a] of analyzer.settled()) if (a.dns !== null) yield { domain: a.domain, verdict: a.dns.kind };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

