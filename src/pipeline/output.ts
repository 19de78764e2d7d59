import { randomBytes } from "node:crypto";
import { close, createWriteStream, fsync, open as openFd, writeFile, type WriteStream } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { promisify } from "node:util";
import { basename, dirname, join } from "node:path";
import { MailsweepError } from "../errors.js";
import type { OutputEncoding } from "./encode.js";

/**
 * Outputs are written atomically (contract): a temp file in the same folder, fsync, and a rename
 * only after the whole run succeeded. After a failed or interrupted run the earlier outputs are
 * untouched and no temp file is left.
 */

/**
 * Temp files of this process that are not committed or removed yet. The CLI removes them
 * synchronously when a second SIGINT/SIGTERM makes it exit at once; everything else cleans up
 * through commit()/abort(). (Process-wide on purpose: it is what a signal handler can reach.)
 */
export const liveTempFiles = new Set<string>();

function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

const openFdAsync = promisify(openFd);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
const writeFileAsync = promisify(writeFile);

async function createTempFd(finalPath: string): Promise<{ path: string; fd: number }> {
  const path = tempPathFor(finalPath);
  try {
    const fd = await openFdAsync(path, "wx", 0o644);
    liveTempFiles.add(path);
    return { path, fd };
  } catch (err) {
    throw new MailsweepError("cant_create", `Cannot create ${path}: ${(err as Error).message}`, { cause: err });
  }
}

function ioError(path: string, err: unknown): MailsweepError {
  if (err instanceof MailsweepError) return err;
  return new MailsweepError("io", `Error while writing ${path}: ${(err as Error).message}`, { cause: err });
}

/** A file that appears under its final name only on commit(). */
export interface StagedFile {
  readonly finalPath: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface CsvOutputOptions {
  readonly delimiter: string;
  readonly rowDelimiter: string;
  readonly bom: boolean;
  /** Non-UTF-8 output (`--output-encoding`); when set, `bom` is the encoding's own. */
  readonly encoding?: OutputEncoding | undefined;
}

/** Bytes gathered before they go to the file: one write per 64 KB. */
const BATCH_BYTES = 64 * 1024;
/** Batch buffers kept for reuse once written (the sink holds at most 256 KB of them). */
const SPARE_BATCHES = 4;

/**
 * Formats rows (RFC 4180: a field is quoted when it holds the delimiter, a quote, CR or LF;
 * quotes are doubled) and writes them in batches. fast-csv's formatter stream costs a Buffer and
 * a stream round trip per row — a third of the run on a million-row file — for the same output.
 *
 * Each row is encoded into the batch's bytes at once rather than gathered as text: a row's
 * fields are slices of the 64 KB input chunk they were read from, and the rejected list's batch
 * fills slowly (a few rows per chunk), so gathered text would keep every input chunk alive long
 * enough to be promoted to the old generation — most of a run's heap growth, measured.
 */
export class AtomicCsvWriter implements StagedFile {
  private batch: Buffer = Buffer.allocUnsafe(BATCH_BYTES);
  private used = 0;
  private readonly spare: Buffer[] = [];
  private readonly needsQuote: RegExp;
  private closed = false;
  /** Rows written so far. */
  rows = 0;

  private constructor(
    readonly finalPath: string,
    private readonly tempPath: string,
    private readonly fd: number,
    private readonly sink: WriteStream,
    private readonly opts: CsvOutputOptions,
  ) {
    this.needsQuote = new RegExp(`["\r\n${opts.delimiter === "\t" ? "\t" : `\\${opts.delimiter}`}]`);
    if (opts.encoding === undefined && opts.bom) this.used = this.batch.write("\ufeff", 0, "utf8");
    else if (opts.encoding?.bom) this.sink.write(opts.encoding.bom);
  }

  static async open(finalPath: string, opts: CsvOutputOptions): Promise<AtomicCsvWriter> {
    const { path, fd } = await createTempFd(finalPath);
    // A numeric fd with autoClose off: finish() fsyncs and closes it itself. (A FileHandle-backed
    // stream keeps the handle busy, and destroying the stream closes it before the fsync.)
    const sink = createWriteStream("", { fd, autoClose: false, emitClose: false, highWaterMark: 256 * 1024 });
    sink.on("error", () => undefined); // surfaced by write()/finish() through the callbacks below
    return new AtomicCsvWriter(finalPath, path, fd, sink, opts);
  }

  private field(s: string): string {
    return this.needsQuote.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }

  /** Write one line as it is (Excel's `sep=;` hint must not be quoted). Counts as a row. */
  writeLine(text: string): Promise<void> | undefined {
    const line = this.rows === 0 ? text : `${this.opts.rowDelimiter}${text}`;
    this.rows++;
    return this.append(line);
  }

  /** Write one row; resolves when the file has room again (backpressure). */
  write(row: readonly string[]): Promise<void> | undefined {
    let line = this.rows === 0 ? "" : this.opts.rowDelimiter;
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += this.opts.delimiter;
      line += this.field(row[i]!);
    }
    const enc = this.opts.encoding;
    if (enc !== undefined) {
      const bad = enc.unencodable(line);
      if (bad >= 0) {
        const cp = line.codePointAt(bad)!;
        throw new MailsweepError(
          "data",
          `${this.finalPath}: data row ${row[row.length - 1]} has a character (U+${cp.toString(16).toUpperCase().padStart(4, "0")} "${String.fromCodePoint(cp)}") that ${enc.name} cannot hold; use --output-encoding utf-8 or utf-16le.`,
        );
      }
    }
    this.rows++;
    return this.append(line);
  }

  /** Encode `text` into the batch; a full batch goes to the file. */
  private append(text: string): Promise<void> | undefined {
    const enc = this.opts.encoding;
    if (enc !== undefined) return this.appendBytes(enc.encode(text));
    // UTF-8 takes at most 3 bytes per UTF-16 unit: check room without measuring first.
    if (this.used + text.length * 3 <= this.batch.length) {
      this.used += this.batch.write(text, this.used, "utf8");
      return this.used >= BATCH_BYTES / 2 ? this.flush() : undefined;
    }
    return this.appendBytes(Buffer.from(text, "utf8"));
  }

  private appendBytes(bytes: Buffer): Promise<void> | undefined {
    let waiting: Promise<void> | undefined;
    if (this.used + bytes.length > this.batch.length) {
      waiting = this.flush();
      if (bytes.length > this.batch.length) return this.send(bytes, null) ?? waiting;
    }
    // Into the batch at once (not after a drain), so bytes always leave in the order they came.
    bytes.copy(this.batch, this.used);
    this.used += bytes.length;
    return (this.used >= BATCH_BYTES / 2 ? this.flush() : undefined) ?? waiting;
  }

  private flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const whole = this.batch;
    const chunk = whole.subarray(0, this.used);
    this.batch = this.spare.pop() ?? Buffer.allocUnsafe(BATCH_BYTES);
    this.used = 0;
    return this.send(chunk, whole);
  }

  /** Hand bytes to the file; `batch`, the buffer they are in, comes back for reuse once written. */
  private send(chunk: Buffer, batch: Buffer | null): Promise<void> | undefined {
    const ok = this.sink.write(chunk, (err) => {
      if (!err && batch !== null && this.spare.length < SPARE_BATCHES) this.spare.push(batch);
    });
    if (ok) return undefined;
    return new Promise((resolve, reject) => {
      const onDrain = (): void => {
        this.sink.off("error", onError);
        resolve();
      };
      const onError = (err: Error): void => {
        this.sink.off("drain", onDrain);
        reject(ioError(this.tempPath, err));
      };
      this.sink.once("drain", onDrain);
      this.sink.once("error", onError);
    });
  }

  /** Flush, fsync and close the temp file. */
  async finish(): Promise<void> {
    try {
      // The last row ends with a line break too (POSIX text file; `wc -l` counts right).
      if (this.rows > 0) await this.append(this.opts.rowDelimiter);
      await this.flush();
      await new Promise<void>((resolve, reject) => {
        this.sink.end((err?: Error | null) => (err ? reject(err) : resolve()));
      });
      await fsyncAsync(this.fd);
      await this.closeFd();
    } catch (err) {
      throw ioError(this.tempPath, err);
    }
  }

  async commit(): Promise<void> {
    await commitTemp(this.tempPath, this.finalPath);
  }

  private async closeFd(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeAsync(this.fd);
  }

  async abort(): Promise<void> {
    this.sink.destroy();
    await this.closeFd().catch(() => undefined);
    await rm(this.tempPath, { force: true });
    liveTempFiles.delete(this.tempPath);
  }
}

async function commitTemp(tempPath: string, finalPath: string): Promise<void> {
  try {
    await rename(tempPath, finalPath);
    liveTempFiles.delete(tempPath);
  } catch (err) {
    throw new MailsweepError("cant_create", `Cannot move ${tempPath} to ${finalPath}: ${(err as Error).message}`, { cause: err });
  }
}

/** A whole small file (the JSON report) staged the same way. */
export async function stageText(finalPath: string, text: string): Promise<StagedFile> {
  const { path, fd } = await createTempFd(finalPath);
  try {
    await writeFileAsync(fd, text, "utf8");
    await fsyncAsync(fd);
  } catch (err) {
    await closeAsync(fd).catch(() => undefined);
    await rm(path, { force: true });
    liveTempFiles.delete(path);
    throw ioError(path, err);
  }
  await closeAsync(fd);
  return {
    finalPath,
    commit: () => commitTemp(path, finalPath),
    abort: async () => {
      await rm(path, { force: true });
      liveTempFiles.delete(path);
    },
  };
}

/** fsync a folder so the renames in it survive a crash. */
export async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on folders; the renames are still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
