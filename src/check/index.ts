import type { DnsChecker } from "../dns/index.js";
import type { Suppression } from "../store/index.js";
import { createDomainIntel, type DomainIntel } from "../domains/index.js";
import { renderReason } from "../messages.js";
import type { Reason, ReasonCode } from "../reasons.js";
import { createTypoCorrector, type TypoCorrector } from "../typos/index.js";
import { DEFAULT_POLICY, verdict, type Status, type VerdictPolicy } from "../verdict.js";
import { checkCell, suppressionReason } from "./address.js";
import { DomainAnalyzer, type TypoMode } from "./domain.js";

export { checkCell, sortReasons, type CellCheck } from "./address.js";
export { DomainAnalyzer, type DomainAnalysis, type TypoMode, type TypoOutcome } from "./domain.js";

export interface CheckOptions {
  readonly typos?: TypoMode;
  /** null or absent: offline, no DNS. */
  readonly dns?: DnsChecker | null;
  readonly policy?: VerdictPolicy;
  readonly intel?: DomainIntel;
  readonly typoCorrector?: TypoCorrector;
  /** The store's suppression lookup (Store.suppressionLookup()), by lower-cased address. */
  readonly suppressed?: ((key: string) => Suppression | undefined) | null;
}

/** The verdict on one address, as `mailsweep check --json` prints it. */
export interface AddressVerdict {
  readonly input: string;
  /** The address as it would be written to the clean list. */
  readonly normalized: string;
  readonly status: Status;
  readonly rejected: boolean;
  readonly codes: readonly ReasonCode[];
  readonly reasons: readonly Reason[];
  readonly details: readonly string[];
  readonly suggestion: string | null;
  readonly dns: string | null;
}

export interface Checker {
  check(raw: string): Promise<AddressVerdict>;
}

/** A reusable checker: lists are loaded once and per-domain work is memoised across calls. */
export function createChecker(options: CheckOptions = {}): Checker {
  const typoMode = options.typos ?? "fix";
  const typos = options.typoCorrector ?? createTypoCorrector();
  const analyzer = new DomainAnalyzer({
    intel: options.intel ?? createDomainIntel(),
    typos,
    dns: options.dns ?? null,
    typoMode,
  });
  const policy = options.policy ?? DEFAULT_POLICY;
  return {
    async check(raw: string): Promise<AddressVerdict> {
      const cell = await checkCell(raw, analyzer);
      const reasons = [...cell.reasons];
      if (cell.key !== null) {
        const hit = options.suppressed?.(cell.key);
        if (hit) reasons.unshift(suppressionReason(hit));
      }
      const v = verdict(reasons, policy);
      return {
        input: raw,
        normalized: cell.written,
        status: v.status,
        rejected: v.rejected,
        codes: reasons.map((r) => r.code),
        reasons,
        details: reasons.map(renderReason),
        suggestion: cell.suggestion === "" ? null : cell.suggestion,
        dns: cell.domain?.dns?.kind ?? null,
      };
    },
  };
}

/** Check one address (library convenience; for many addresses reuse createChecker). */
export function checkAddress(raw: string, options: CheckOptions = {}): Promise<AddressVerdict> {
  return createChecker(options).check(raw);
}
