import type { Readable, Writable } from "node:stream";

/** What a command may touch, passed in so tests can run the CLI in-process. */
export interface Io {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin: Readable;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM, with the signal name as reason. */
  readonly signal: AbortSignal;
}

export function print(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
