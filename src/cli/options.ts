import { InvalidArgumentError } from "commander";
import { MailsweepError } from "../errors.js";
import { parseDnsServer } from "../dns/index.js";
import { isReasonCode, isRejectCode, type ReasonCode } from "../reasons.js";
import type { TypoMode } from "../check/domain.js";

/** Shared option parsers: one place for the rules every command applies. */

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--reject a,b --reject c` → codes; unknown codes are a usage error listing the valid ones. */
export function parseCodes(values: readonly string[] | undefined, option: "--reject" | "--keep"): ReasonCode[] {
  const codes: ReasonCode[] = [];
  for (const value of values ?? []) {
    for (const raw of value.split(",")) {
      const code = raw.trim();
      if (code === "") continue;
      // Thrown from inside the action, where commander no longer prints errors: MailsweepError
      // is printed by run() and exits 64.
      if (!isReasonCode(code)) throw new MailsweepError("usage", `${option}: unknown code "${code}". See the reason-code table in the README.`);
      if (option === "--keep" && !isRejectCode(code)) {
        throw new MailsweepError("usage", `--keep takes reject codes; "${code}" is a flag and never rejects on its own.`);
      }
      if (option === "--keep" && code === "malformed_row") {
        throw new MailsweepError("usage", "--keep malformed_row is not allowed: an unreadable record cannot go into a clean list.");
      }
      codes.push(code);
    }
  }
  return codes;
}

export function parseTypoMode(value: string): TypoMode {
  if (value === "fix" || value === "suggest" || value === "off") return value;
  throw new InvalidArgumentError('expected "fix", "suggest" or "off".');
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number.");
  return n;
}

export function parseOnOff(value: string): boolean {
  if (value === "on") return true;
  if (value === "off") return false;
  throw new InvalidArgumentError('expected "on" or "off".');
}

export function parseDelimiter(value: string): string {
  const map: Record<string, string> = { "\\t": "\t", tab: "\t", TAB: "\t", comma: ",", semicolon: ";", pipe: "|" };
  const d = map[value] ?? value;
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") {
    throw new InvalidArgumentError('expected one character, e.g. "," ";" "|" or "\\t" (tab).');
  }
  return d;
}

/** `--dns-server` (repeatable): validated here so a typo is a usage error (64), not a DNS outage. */
export function collectDnsServer(value: string, previous: string[] = []): string[] {
  try {
    return [...previous, parseDnsServer(value)];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}
