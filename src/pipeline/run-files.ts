import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { interruptedBy, MailsweepError } from "../errors.js";
import { liveTempFiles } from "./output.js";
import { prepareOutDir, sameFile, stemOf } from "./paths.js";

/** The files a `clean` run writes: where they go, and the refusals that protect the input. */

export interface OutputPaths {
  readonly clean: string;
  readonly rejected: string;
  readonly report: string;
}

export interface OutputPlan {
  readonly stem: string;
  readonly outDir: string;
  readonly paths: OutputPaths;
}

/**
 * `<stem>.clean.csv`, `.rejected.csv`, `.report.json` in the out-dir (default: beside the input,
 * or the working folder for standard input). Refuses an output that is the input or, for the
 * extra (HTML) output, one of the others.
 */
export async function planOutputs(input: string, outDir: string | undefined, extraPath: string | undefined): Promise<OutputPlan> {
  const stem = stemOf(input);
  const dir = await prepareOutDir(outDir ?? (input === "-" ? process.cwd() : dirname(resolve(input))));
  const paths = {
    clean: join(dir, `${stem}.clean.csv`),
    rejected: join(dir, `${stem}.rejected.csv`),
    report: join(dir, `${stem}.report.json`),
  };
  if (extraPath !== undefined) {
    const extra = resolve(extraPath);
    if (Object.values(paths).some((p) => resolve(p) === extra) || (input !== "-" && extra === resolve(input))) {
      throw new MailsweepError("usage", `Refusing to write ${extraPath}: it is the input or one of the other outputs.`);
    }
  }
  if (input !== "-") {
    for (const p of Object.values(paths)) {
      if (resolve(p) === resolve(input) || (await sameFile(p, input))) {
        throw new MailsweepError("usage", `Refusing to overwrite the input: ${input} is also an output path. Use --out-dir.`);
      }
    }
  }
  return { stem, outDir: dir, paths };
}

/** Copy standard input to a temp file in the out-dir (removed with removeSpool when the run ends). */
export async function spoolStdin(stdin: Readable, outDir: string, signal: AbortSignal | undefined): Promise<string> {
  const path = join(outDir, `.stdin.${process.pid}.${Date.now().toString(36)}.tmp`);
  liveTempFiles.add(path);
  try {
    await pipeline(stdin, createWriteStream(path, { flags: "wx", mode: 0o600 }), { signal: signal ?? new AbortController().signal });
  } catch (err) {
    await removeSpool(path);
    if (signal?.aborted) throw interruptedBy(signal);
    throw new MailsweepError("cant_create", `Cannot spool standard input to ${path}: ${(err as Error).message}`, { cause: err });
  }
  return path;
}

export async function removeSpool(path: string): Promise<void> {
  await rm(path, { force: true });
  liveTempFiles.delete(path);
}
