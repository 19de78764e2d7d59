import { createHash } from "node:crypto";
import { addAbortSignal, type Readable } from "node:stream";
import { DomainAnalyzer, type TypoMode } from "../check/domain.js";
import { dataSources } from "../check/sources.js";
import type { DnsChecker } from "../dns/index.js";
import { createDomainIntel, type DomainIntel } from "../domains/index.js";
import { asReadError, interruptedBy, MailsweepError } from "../errors.js";
import type { ReasonCode } from "../reasons.js";
import { buildReport, type CleanReport } from "../report/summary.js";
import type { Store } from "../store/index.js";
import { createTypoCorrector, type TypoCorrector } from "../typos/index.js";
import type { VerdictPolicy } from "../verdict.js";
import { checkAccounting, emptyCounts } from "./counts.js";
import { CsvRecordReader, DEFAULT_MAX_RECORD_CHARS, type CsvRecord } from "./csv-reader.js";
import { decodedText, fileBytes } from "./bytes.js";
import { InputDecoder } from "./decode.js";
import { RowEmitter } from "./emit.js";
import { recordHistory, type HistoryNote } from "./history.js";
import { RowIntake, type Pending } from "./intake.js";
import { stageText, syncDir, type StagedFile } from "./output.js";
import { resolveInput } from "./paths.js";
import { prefetchDomains } from "./prefetch.js";
import { readCsv } from "./records.js";
import { checkResolver } from "./resolver-check.js";
import { planOutputs, removeSpool, spoolStdin } from "./run-files.js";
import { detectLayout, openOutputs, SAMPLE_CHARS, type Layout, type Outputs } from "./setup.js";
import { wrongEncoding } from "./undecodable.js";

export { SWEEP_COLUMNS } from "./setup.js";
export type { HistoryNote } from "./history.js";

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
/**
 * Distinct domains the look-ahead may have started and not seen answered: deep enough to keep 50
 * queries busy (the resolver stays saturated: 1.04 × its floor on the benchmark), shallow enough
 * that a domain's lookup objects rarely outlive a young-generation GC. At 150, a list whose new
 * domains arrive throughout the file promoted 130 MB of them and peaked at 247–258 MB; at 100,
 * 219–234 MB, with the same wall time.
 */
const PREFETCH_PENDING = 100;

/** What is set up once the first text of the input is in. */
interface Rows {
  readonly layout: Layout;
  readonly writers: Outputs;
  readonly intake: RowIntake;
  readonly emitter: RowEmitter;
}

/**
 * Clean one list: the library entry point behind `mailsweep clean`. Streams the input once with
 * backpressure, keeps output order equal to input order, and commits the three outputs only after
 * the whole run succeeded.
 *
 * The parts: run-files.ts (where outputs go), setup.ts (dialect, header, email column; outputs
 * opened), intake.ts (record → row, checks started), emit.ts (row → verdict → output), counts.ts,
 * history.ts. This function wires them, keeps the reorder window between intake and emission,
 * and commits.
 */
export async function cleanList(opts: CleanOptions): Promise<CleanResult> {
  const started = Date.now();
  const { label, size } = await resolveInput(opts.input, "a CSV file");
  const { stem, outDir, paths } = await planOutputs(opts.input, opts.outDir, opts.extraOutput?.path);

  const formulaGuard = opts.formulaGuard ?? true;
  // DomainAnalyzer memoises each domain's whole analysis; the lists need not memoise as well.
  const intel = opts.intel ?? createDomainIntel({ memo: false });
  const typoCorrector = opts.typoCorrector ?? createTypoCorrector({ memo: false });
  const dns = opts.dns ?? null;
  const analyzer = new DomainAnalyzer({ intel, typos: typoCorrector, dns, typoMode: opts.typos ?? "fix" });
  const policy: VerdictPolicy = { keep: new Set(opts.keep ?? []), reject: new Set(opts.reject ?? []) };

  if (dns !== null) await dns.canary(); // before any output exists (contract: exit 75, nothing written)
  // On SIGINT/SIGTERM, cancel outstanding lookups at once so the run stops in well under a second.
  opts.signal?.addEventListener("abort", () => dns?.close(), { once: true });

  // With DNS, standard input is spooled to a temp file first so the look-ahead can read it too.
  const spool = dns !== null && opts.input === "-" ? await spoolStdin(opts.stdin ?? process.stdin, outDir, opts.signal) : null;
  const inputPath = spool ?? (opts.input === "-" ? null : opts.input);
  const lookahead = new AbortController();
  let prefetching: Promise<void> | null = null;

  const decoder = new InputDecoder({ encoding: opts.encoding, fileLabel: label });
  const bytes: AsyncIterable<Buffer> =
    inputPath === null ? addAbortSignal(opts.signal ?? new AbortController().signal, opts.stdin ?? process.stdin) : fileBytes(inputPath, 64 * 1024, opts.signal);
  let bytesRead = 0;
  const inputHash = createHash("sha256"); // identifies the list's content in the sweep history
  const texts = decodedText(bytes, decoder, (chunk) => {
    bytesRead += chunk.length;
    inputHash.update(chunk);
  });

  const counts = emptyCounts();
  const store: Store | null = opts.store ?? null;
  const suppressed = store?.suppressionLookup() ?? null;
  const warnings: string[] = [];
  let reader: CsvRecordReader | null = null;
  let run: Rows | null = null;
  let staged: StagedFile | null = null;
  let extra: StagedFile | null = null;
  let sample = "";
  const window: Pending[] = [];
  let lastProgress = 0;

  const start = async (text: string, final: boolean): Promise<string | null> => {
    // Wait for enough text to detect the dialect, then set everything up.
    sample += text;
    if (!final && sample.length < SAMPLE_CHARS) return null;
    const layout = detectLayout(sample, final, { delimiter: opts.delimiter, noHeader: opts.noHeader, emailColumn: opts.emailColumn, label, decoder });
    sample = "";
    reader = new CsvRecordReader({ delimiter: layout.delimiter, maxRecordChars: opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS });
    const writers = await openOutputs(paths, layout, decoder.info, { outputEncoding: opts.outputEncoding, formulaGuard });
    const intake = new RowIntake(layout, analyzer, counts, decoder);
    const { width, emailIndex } = layout;
    const emitter = new RowEmitter({ writers, counts, policy, formulaGuard, width, emailIndex, suppressed, keepRejected: store !== null });
    run = { layout, writers, intake, emitter };
    if (dns !== null && inputPath !== null) {
      prefetching = prefetchDomains({
        path: inputPath,
        encoding: decoder.info.encoding,
        delimiter: layout.delimiter,
        emailIndex,
        analyzer,
        maxPending: PREFETCH_PENDING,
        signal: lookahead.signal,
        stillUseful: () => dns.stats().started > 0,
        mainRecords: () => intake.dataRow,
      }).catch(() => undefined); // a hint only: the main pass reads and judges every row itself
    }
    return layout.body;
  };

  const feed = async (records: Iterable<CsvRecord>): Promise<void> => {
    const { intake, emitter } = run!;
    for (const record of records) {
      for (const p of intake.split(record)) {
        const pending = intake.take(p);
        if (pending !== null) window.push(pending);
      }
      // Emit from the head while answers are in, or when the window is full.
      while (window.length > 0 && (window.length >= WINDOW || !(window[0]!.check instanceof Promise))) {
        await emitter.emit(window.shift()!);
      }
      const dataRow = intake.dataRow;
      if (dataRow - lastProgress >= 2000) {
        lastProgress = dataRow;
        if (dns !== null) await checkResolver(dns);
      }
      if (opts.onProgress && dataRow % 5000 === 0) {
        opts.onProgress({ rows: dataRow, bytes: bytesRead, totalBytes: size, domains: analyzer.size });
      }
    }
  };

  try {
    await readCsv(texts, start, () => reader, feed, opts.signal);
    const rows = run as Rows | null;
    while (window.length > 0) await rows!.emitter.emit(window.shift()!);
    lookahead.abort();
    await prefetching;
    if (opts.signal?.aborted) throw interruptedBy(opts.signal);
    if (dns !== null) await checkResolver(dns);
    if (counts.undecodableRecords > 0 && wrongEncoding(decoder, counts.undecodableRecords, counts.inputRows)) throw decoder.encodingError();
    checkAccounting(counts);
    if (rows === null) throw new MailsweepError("internal", "the input was never read");
    const { writers } = rows;
    await Promise.all([writers.clean.finish(), writers.rejected.finish()]);
    const finishedAt = Date.now();
    const options = opts.recordedOptions ?? {};
    let history: HistoryNote | null = null;
    if (store !== null) {
      try {
        const facts = { input: opts.input, inputHash: inputHash.digest("hex"), startedAt: started, finishedAt, options, counts };
        history = recordHistory(store, { ...facts, rejected: rows.emitter.rejected(), analyzer });
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
      detection: rows.layout.detection,
      encoding: decoder.info,
      options,
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
    await writers.clean.commit();
    await writers.rejected.commit();
    await (extra as StagedFile | null)?.commit();
    await staged.commit();
    await syncDir(outDir);
    return { report, files: paths };
  } catch (err) {
    lookahead.abort();
    await prefetching;
    const writers = (run as Rows | null)?.writers;
    await Promise.all([writers?.clean.abort(), writers?.rejected.abort(), (staged as StagedFile | null)?.abort(), (extra as StagedFile | null)?.abort()]);
    if (opts.signal?.aborted) throw interruptedBy(opts.signal);
    throw asReadError(err, label);
  } finally {
    if (spool !== null) await removeSpool(spool);
  }
}
