import { once } from "node:events";
import { randomBytes } from "node:crypto";
import { close, createWriteStream, fsync, ftruncate, open as openFd } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { promisify } from "node:util";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { format, type CsvFormatterStream } from "@fast-csv/format";
import { MailsweepError } from "../errors.js";

/**
 * Outputs are written atomically (contract): a temp file in the same folder, fsync, and a rename
 * only after the whole run succeeded. After a failed or interrupted run the earlier outputs are
 * untouched and no temp file is left.
 */

function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

const openFdAsync = promisify(openFd);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
const ftruncateAsync = promisify(ftruncate);

async function createTempFd(finalPath: string): Promise<{ path: string; fd: number }> {
  const path = tempPathFor(finalPath);
  try {
    return { path, fd: await openFdAsync(path, "wx", 0o644) };
  } catch (err) {
    throw new MailsweepError("cant_create", `Cannot create ${path}: ${(err as Error).message}`, { cause: err });
  }
}

async function createTemp(finalPath: string): Promise<{ path: string; handle: FileHandle }> {
  const path = tempPathFor(finalPath);
  try {
    return { path, handle: await open(path, "wx", 0o644) };
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
}

export class AtomicCsvWriter implements StagedFile {
  private constructor(
    readonly finalPath: string,
    private readonly tempPath: string,
    private readonly fd: number,
    private readonly formatter: CsvFormatterStream<string[], string[]>,
    private readonly bomBytes: number,
    private readonly done: Promise<void>,
  ) {}

  static async open(finalPath: string, opts: CsvOutputOptions): Promise<AtomicCsvWriter> {
    const { path, fd } = await createTempFd(finalPath);
    const formatter = format<string[], string[]>({
      delimiter: opts.delimiter,
      rowDelimiter: opts.rowDelimiter,
      writeBOM: opts.bom,
      includeEndRowDelimiter: true,
      quote: '"',
      escape: '"',
    });
    // A numeric fd with autoClose off: finish() fsyncs and closes it itself. (A FileHandle-backed
    // stream keeps the handle busy, and destroying the stream closes it before the fsync.)
    const sink = createWriteStream("", { fd, autoClose: false, emitClose: false, highWaterMark: 256 * 1024 });
    const done = pipeline(formatter, sink);
    // Rejections are observed in finish()/abort(); keep Node from reporting them early.
    done.catch(() => undefined);
    return new AtomicCsvWriter(finalPath, path, fd, formatter, opts.bom ? 3 : 0, done);
  }

  /** Rows written so far. */
  rows = 0;

  /** Write one row; resolves when the formatter has room again (backpressure). */
  write(row: string[]): Promise<void> | undefined {
    this.rows++;
    if (this.formatter.write(row)) return undefined;
    return once(this.formatter, "drain").then(() => undefined);
  }

  /** Flush, fsync and close the temp file. */
  async finish(): Promise<void> {
    try {
      this.formatter.end();
      await this.done;
      // With no rows the formatter still ends with a line break; an empty output is empty.
      if (this.rows === 0) await ftruncateAsync(this.fd, this.bomBytes);
      await fsyncAsync(this.fd);
      await this.closeFd();
    } catch (err) {
      throw ioError(this.tempPath, err);
    }
  }

  async commit(): Promise<void> {
    await commitTemp(this.tempPath, this.finalPath);
  }

  private closed = false;

  private async closeFd(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeAsync(this.fd);
  }

  async abort(): Promise<void> {
    this.formatter.destroy();
    await this.closeFd().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
}

async function commitTemp(tempPath: string, finalPath: string): Promise<void> {
  try {
    await rename(tempPath, finalPath);
  } catch (err) {
    throw new MailsweepError("cant_create", `Cannot move ${tempPath} to ${finalPath}: ${(err as Error).message}`, { cause: err });
  }
}

/** A whole small file (the JSON report) staged the same way. */
export async function stageText(finalPath: string, text: string): Promise<StagedFile> {
  const { path, handle } = await createTemp(finalPath);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw ioError(path, err);
  }
  await handle.close();
  return {
    finalPath,
    commit: () => commitTemp(path, finalPath),
    abort: () => rm(path, { force: true }),
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
