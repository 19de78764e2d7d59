import { isRejectCode, type Reason, type ReasonCode } from "./reasons.js";

/** `sweep_status` values, contract. */
export type Status = "valid" | "risky" | "unknown" | "invalid";

/** Flags that make an otherwise valid row `risky` (design: "Flag codes"). */
const RISKY_FLAGS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "typo_suspected",
  "role_account",
  "mixed_script",
  "formula_trigger",
]);

export interface VerdictPolicy {
  /** Reject codes the user chose to keep in the clean list (`--keep`): the row becomes `risky`. */
  readonly keep: ReadonlySet<ReasonCode>;
  /** Flag codes the user chose to reject (`--reject`): the row moves to the rejected list. */
  readonly reject: ReadonlySet<ReasonCode>;
}

export const DEFAULT_POLICY: VerdictPolicy = Object.freeze({
  keep: new Set<ReasonCode>(),
  reject: new Set<ReasonCode>(),
});

export interface Verdict {
  readonly status: Status;
  /** true when the row goes to the rejected list. */
  readonly rejected: boolean;
}

/**
 * The one place that turns reasons into a status and a route.
 *
 * Precedence is invalid > unknown > risky > valid: an address whose deliverability could not be
 * established (`dns_unknown`) is reported as such even when it is also a role account, because
 * "re-check later" is the more useful instruction. A timeout never makes a row invalid.
 */
export function verdict(reasons: readonly Reason[], policy: VerdictPolicy = DEFAULT_POLICY): Verdict {
  let invalid = false;
  let unknown = false;
  let risky = false;
  let forced = false;
  for (const r of reasons) {
    const code = r.code;
    if (isRejectCode(code)) {
      if (policy.keep.has(code)) risky = true;
      else invalid = true;
    } else if (code === "dns_unknown") {
      unknown = true;
    } else if (RISKY_FLAGS.has(code)) {
      risky = true;
    }
    if (policy.reject.has(code)) forced = true;
  }
  const status: Status = invalid ? "invalid" : unknown ? "unknown" : risky ? "risky" : "valid";
  return { status, rejected: invalid || forced };
}
