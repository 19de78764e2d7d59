import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "./fixtures.js";

/**
 * Runs the built CLI (`dist/cli/main.js`) as a real child process, the way a user or a scheduler
 * does. Build first (`npm run build`; `npm test` does it through `pretest`).
 */

export const CLI_PATH = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin, then stdin is closed. Without it stdin is closed at once. */
  readonly stdin?: string | Buffer;
  readonly cwd?: string;
  /** Merged over a sandboxed environment (own HOME / XDG_DATA_HOME, so no real store is touched). */
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the child after this many ms (a hung CLI must fail the test, not the suite). */
  readonly timeoutMs?: number;
}

/**
 * One sandbox home per test file: the CLI's default store path lands here, never in ~. Made with
 * tempDir(), so the file's afterAll(removeTempDirs) removes it too.
 */
let sandboxHome: string | undefined;
function sandbox(): string {
  if (sandboxHome === undefined || !existsSync(sandboxHome)) sandboxHome = tempDir();
  return sandboxHome;
}

export function cliEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const home = sandbox();
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: join(home, "data"),
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    ...extra,
  };
}

export function assertBuilt(): void {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first.`);
}

/** Start the CLI without waiting (for signal tests). */
export function spawnCli(args: readonly string[], opts: RunOptions = {}): ChildProcess {
  assertBuilt();
  return spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: opts.cwd,
    env: cliEnv(opts.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Collect a started child's output and exit status. */
export function finished(child: ChildProcess, input?: string | Buffer, timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on("data", (b: Buffer) => out.push(b));
    child.stderr!.on("data", (b: Buffer) => err.push(b));
    // The child may exit before reading stdin (usage errors): that is not the test's failure.
    child.stdin!.on("error", () => undefined);
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`CLI did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<CliResult> {
  return finished(spawnCli(args, opts), opts.stdin, opts.timeoutMs);
}
