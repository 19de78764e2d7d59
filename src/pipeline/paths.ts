import { mkdir, realpath, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { MailsweepError } from "../errors.js";

/** Input and output paths shared by the commands that read a file and write beside it. */

/** `subscribers.csv` → `subscribers`; standard input (`-`) → `stdin`. */
export function stemOf(input: string): string {
  if (input === "-") return "stdin";
  const base = basename(input);
  const ext = extname(base);
  return ext.length > 0 && ext.length < base.length ? base.slice(0, -ext.length) : base;
}

/** The input's label for messages and its size, or exit 66 (contract) when it cannot be read. */
export async function resolveInput(input: string, what: string): Promise<{ label: string; size: number | null }> {
  if (input === "-") return { label: "stdin", size: null };
  try {
    const st = await stat(input);
    if (st.isDirectory()) throw new MailsweepError("no_input", `${input} is a folder, not ${what}.`);
    return { label: input, size: st.size };
  } catch (err) {
    if (err instanceof MailsweepError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new MailsweepError("no_input", `Cannot read ${input}: ${code === "ENOENT" ? "no such file" : (err as Error).message}.`, { cause: err });
  }
}

/** Create the out-dir if needed; exit 73 (contract) when that is impossible. */
export async function prepareOutDir(dir: string): Promise<string> {
  try {
    await mkdir(dir, { recursive: true });
    return await realpath(dir);
  } catch (err) {
    throw new MailsweepError("cant_create", `Cannot use output folder ${dir}: ${(err as Error).message}`, { cause: err });
  }
}

/** Do two paths name the same file (hard links, symlinks)? */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
