import type { Writable } from "node:stream";
import cliProgress from "cli-progress";
import type { Progress } from "../pipeline/clean.js";

/**
 * Progress for `clean` on stderr: only when stderr is a terminal and not --quiet, so piped or
 * scheduled runs (and `--json` on stdout) never see a byte of it. NO_COLOR (https://no-color.org)
 * turns the coloured bar into a plain one.
 */

export interface ProgressSink {
  update(p: Progress): void;
  /** Remove the bar (before the summary is printed on the same terminal). */
  stop(): void;
}

export interface ProgressOptions {
  readonly stream: Writable & { isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
  readonly quiet: boolean;
  /** Domains with a DNS answer so far (queried + cached), when DNS is on. */
  readonly resolved?: () => number;
  readonly now?: () => number;
}

const SILENT: ProgressSink = Object.freeze({ update: () => undefined, stop: () => undefined });

/** Whether progress would be shown: a terminal, not --quiet, not TERM=dumb. */
export function progressWanted(o: Pick<ProgressOptions, "stream" | "env" | "quiet">): boolean {
  return !o.quiet && o.stream.isTTY === true && o.env.TERM !== "dumb";
}

export function colourAllowed(env: NodeJS.ProcessEnv): boolean {
  // no-color.org: any non-empty NO_COLOR disables colour.
  return env.NO_COLOR === undefined || env.NO_COLOR === "";
}

function eta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "…";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The payload shown beside the bar (keys avoid cli-progress's own tokens such as {eta}). Pure. */
export function progressFields(p: Progress, elapsedMs: number, resolved: number | null): Record<string, string> {
  const secs = elapsedMs / 1000;
  const rate = secs > 0 ? Math.round(p.rows / secs) : 0;
  const fraction = p.totalBytes ? p.bytes / p.totalBytes : null;
  const left = fraction !== null && fraction > 0 ? (secs * (1 - fraction)) / fraction : NaN;
  return {
    rows: p.rows.toLocaleString("en-US"),
    rate: rate.toLocaleString("en-US"),
    domains: p.domains.toLocaleString("en-US"),
    resolved: resolved === null ? "" : ` (${resolved.toLocaleString("en-US")} resolved)`,
    left: fraction === null ? "" : ` | ETA ${eta(left)}`,
  };
}

export function createProgress(o: ProgressOptions): ProgressSink {
  if (!progressWanted(o)) return SILENT;
  const now = o.now ?? Date.now;
  const started = now();
  const colour = colourAllowed(o.env);
  let bar: cliProgress.SingleBar | null = null;
  let withTotal = false;
  return {
    update(p: Progress): void {
      const fields = progressFields(p, now() - started, o.resolved ? o.resolved() : null);
      if (bar === null) {
        withTotal = p.totalBytes !== null && p.totalBytes > 0;
        const bits = withTotal ? (colour ? "\u001b[36m{bar}\u001b[0m {percentage}% | " : "{bar} {percentage}% | ") : "";
        bar = new cliProgress.SingleBar({
          stream: o.stream,
          format: `clean ${bits}{rows} rows | {rate} rows/s | {domains} domains{resolved}{left}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          linewrap: false,
          fps: 5,
          barCompleteChar: colour ? "\u2588" : "#",
          barIncompleteChar: colour ? "\u2591" : "-",
        });
        bar.start(withTotal ? p.totalBytes! : 1, withTotal ? p.bytes : 0, fields);
        return;
      }
      bar.update(withTotal ? p.bytes : 0, fields);
    },
    stop(): void {
      if (bar !== null) bar.stop();
      bar = null;
    },
  };
}
