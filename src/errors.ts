/**
 * Operational failures — the only things that throw. Per-row problems are reasons (data), never
 * errors. Each kind maps to one exit status (contract, sysexits.h numbering) in exactly one place.
 */

export type ErrorKind =
  | "failed" //            1 the run finished, but a check or a limit the user set failed
  | "usage" //            64 bad usage
  | "data" //             65 unusable input data
  | "no_input" //         66 input missing or unreadable
  | "cant_create" //      73 cannot create output
  | "io" //               74 I/O error while writing
  | "dns_unavailable" //  75 DNS unavailable, retry later
  | "internal" //         70 internal error
  | "interrupted"; //    130/143 (the signal decides)

export const EXIT = Object.freeze({
  ok: 0,
  failed: 1,
  usage: 64,
  data: 65,
  no_input: 66,
  internal: 70,
  cant_create: 73,
  io: 74,
  dns_unavailable: 75,
  sigint: 130,
  sigterm: 143,
});

export class MailsweepError extends Error {
  readonly kind: ErrorKind;
  /** For `interrupted`: which signal, so the exit status can say 130 or 143. */
  readonly signal: NodeJS.Signals | undefined;
  /** The command already told the user (e.g. the sender audit table): print nothing more. */
  readonly reported: boolean;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown; signal?: NodeJS.Signals; reported?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MailsweepError";
    this.kind = kind;
    this.signal = options?.signal;
    this.reported = options?.reported ?? false;
  }
}

export function exitCodeOf(err: unknown): number {
  if (!(err instanceof MailsweepError)) return EXIT.internal;
  switch (err.kind) {
    case "failed":
      return EXIT.failed;
    case "usage":
      return EXIT.usage;
    case "data":
      return EXIT.data;
    case "no_input":
      return EXIT.no_input;
    case "cant_create":
      return EXIT.cant_create;
    case "io":
      return EXIT.io;
    case "dns_unavailable":
      return EXIT.dns_unavailable;
    case "internal":
      return EXIT.internal;
    case "interrupted":
      return err.signal === "SIGTERM" ? EXIT.sigterm : EXIT.sigint;
    default: {
      const unreachable: never = err.kind;
      return unreachable;
    }
  }
}

/** The error for a run stopped by SIGINT/SIGTERM (the abort reason names the signal). */
export function interruptedBy(signal: AbortSignal, what = "no output was written"): MailsweepError {
  const reason: unknown = signal.reason;
  const sig = reason === "SIGTERM" ? "SIGTERM" : "SIGINT";
  return new MailsweepError("interrupted", `Interrupted (${sig}); ${what}.`, { signal: sig });
}

/** An error met while reading an input: a missing or unreadable file is exit 66, others pass. */
export function asReadError(err: unknown, label: string): unknown {
  if (err instanceof MailsweepError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
    return new MailsweepError("no_input", `Cannot read ${label}: ${(err as Error).message}`, { cause: err });
  }
  return err;
}
