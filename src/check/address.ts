import { parseAddress, roleOf, validateAddress, type Address } from "../address/index.js";
import { FLAG_CODES, REJECT_CODES, type Reason, type ReasonCode } from "../reasons.js";
import type { Suppression } from "../store/index.js";
import type { DomainAnalysis, DomainAnalyzer } from "./domain.js";

/** The outcome for one email cell, before row-level checks (duplicate, suppression). */
export interface CellCheck {
  /** The cell as it was. */
  readonly original: string;
  /** What the output's email cell holds: the normalised, possibly corrected address, or the cell. */
  readonly written: string;
  /** Duplicate / suppression key (case-insensitive), or null when there is no usable address. */
  readonly key: string | null;
  /** A full suggested address that was not applied, or "". */
  readonly suggestion: string;
  readonly reasons: readonly Reason[];
  readonly domain: DomainAnalysis | null;
}

const ORDER: ReadonlyMap<ReasonCode, number> = new Map(
  [...REJECT_CODES, ...FLAG_CODES].map((code, i) => [code, i] as const),
);

/** The `suppressed` reason for a suppression-list entry: the date and category go into the detail. */
export function suppressionReason(hit: Suppression): Reason {
  return { code: "suppressed", since: hit.firstSeen.slice(0, 10), category: hit.category ?? hit.reason, source: hit.source };
}

/** Reasons in one stable order: reject codes first, then flags, each in contract order. */
export function sortReasons(reasons: Reason[]): Reason[] {
  return reasons.sort((a, b) => ORDER.get(a.code)! - ORDER.get(b.code)!);
}

const FORMULA_START = /^[=+\-@]/;

/**
 * Check one cell: normalise and validate the address, repair mechanical slips, then combine the
 * per-domain analysis. Synchronous unless the domain needs DNS that is not answered yet.
 */
export function checkCell(cell: string, analyzer: DomainAnalyzer): CellCheck | Promise<CellCheck> {
  const parsed = parseAddress(cell, analyzer.syntaxCache);
  let address = parsed.address;
  let reasons: Reason[] = [...parsed.reasons];
  let slip: { from: string; to: string; why: string } | null = null;
  let suggestion = "";

  if (address === null && analyzer.typoMode !== "off" && !reasons.some((r) => r.code === "empty" || r.code === "unsafe_unicode")) {
    // `user@@gmail.com`, `user@mail,ru`, `user@gmailcom`: repair only when the result validates;
    // under --typos suggest the repair is offered, and the row stays as typed.
    const repaired = analyzer.repairSlip(parsed.normalizedValue);
    if (repaired !== null) {
      const again = validateAddress(repaired.value, analyzer.syntaxCache);
      if (again.address !== null && analyzer.typoMode === "fix") {
        address = again.address;
        slip = { from: parsed.normalizedValue, to: repaired.value, why: repaired.why };
        reasons = [...reasons.filter((r) => r.code === "normalized"), ...again.reasons];
      } else if (again.address !== null) {
        suggestion = again.address.normalized;
        reasons.push({ code: "typo_suspected", suggestion });
      }
    }
  }
  if (address === null) {
    return { original: cell, written: cell, key: null, suggestion, reasons: sortReasons(reasons), domain: null };
  }
  const found = address;
  const analysis = analyzer.analyze(found.domain, found.asciiDomain);
  const done = (a: DomainAnalysis): CellCheck => combine(cell, found, reasons, slip, a);
  return analysis instanceof Promise ? analysis.then(done) : done(analysis);
}

function combine(
  cell: string,
  address: Address,
  base: Reason[],
  slip: { from: string; to: string; why: string } | null,
  analysis: DomainAnalysis,
): CellCheck {
  const reasons: Reason[] = [...base, ...analysis.reasons];
  let written = address.normalized;
  let key = address.key;
  let suggestion = "";
  const typo = analysis.typo;
  if (typo?.kind === "fixed") {
    written = `${address.local}@${typo.to}`;
    key = written.toLowerCase();
    reasons.push(
      slip === null
        ? { code: "typo_fixed", from: typo.from, to: typo.to, why: typo.why }
        : { code: "typo_fixed", from: slip.from, to: written, why: `${slip.why}; ${typo.why}` },
    );
  } else if (slip !== null) {
    reasons.push({ code: "typo_fixed", from: slip.from, to: slip.to, why: slip.why });
  }
  if (typo?.kind === "suggested") {
    suggestion = `${address.local}@${typo.to}`;
    reasons.push({ code: "typo_suspected", suggestion });
  }
  const role = roleOf(address.local);
  if (role !== null) reasons.push({ code: "role_account", localPart: address.local });
  const trigger = FORMULA_START.exec(written);
  if (trigger) reasons.push({ code: "formula_trigger", char: trigger[0] });
  return { original: cell, written, key, suggestion, reasons: sortReasons(reasons), domain: analysis };
}
