/**
 * The sender audit's result shapes. Each check returns a `CheckResult`: its findings as data
 * (a literal `code` a script can match, a sentence a list owner can read, and the fix), and the
 * check's status, which is the worst status among its findings.
 */

export type CheckStatus = "pass" | "warn" | "fail";
export type CheckName = "mx" | "spf" | "dmarc" | "dkim" | "ptr";

/**
 * Finding codes: the stable part of the output (`--json`). Codes are never renamed once released.
 * `*_unchecked` means DNS did not answer definitively (timeout, SERVFAIL): always `warn`, never `fail`.
 */
export type FindingCode =
  // MX
  | "mx_ok"
  | "mx_provider"
  | "mx_own_servers"
  | "mx_remote_exchanger"
  | "mx_local_exchanger"
  | "mx_domain_not_found"
  | "mx_null"
  | "mx_implicit"
  | "mx_none"
  | "mx_host_unusable"
  | "mx_all_hosts_unusable"
  | "mx_unchecked"
  // SPF
  | "spf_ok"
  | "spf_missing"
  | "spf_multiple"
  | "spf_syntax"
  | "spf_too_many_lookups"
  | "spf_near_lookup_limit"
  | "spf_void_lookups"
  | "spf_loop"
  | "spf_include_missing"
  | "spf_too_many_mx"
  | "spf_all_pass"
  | "spf_all_neutral"
  | "spf_no_all"
  | "spf_ptr_used"
  | "spf_macro_not_checked"
  | "spf_ip_authorised"
  | "spf_ip_not_authorised"
  | "spf_ip_neutral"
  | "spf_unchecked"
  // DMARC
  | "dmarc_ok"
  | "dmarc_missing"
  | "dmarc_multiple"
  | "dmarc_syntax"
  | "dmarc_inherited"
  | "dmarc_policy_none"
  | "dmarc_pct_partial"
  | "dmarc_no_rua"
  | "dmarc_uri_invalid"
  | "dmarc_external_report_unauthorised"
  | "dmarc_strict_alignment"
  | "dmarc_unknown_tag"
  | "dmarc_unchecked"
  // DKIM
  | "dkim_ok"
  | "dkim_selector_missing"
  | "dkim_not_found"
  | "dkim_revoked"
  | "dkim_key_invalid"
  | "dkim_key_weak"
  | "dkim_key_short"
  | "dkim_key_type_unknown"
  | "dkim_testing"
  | "dkim_multiple"
  | "dkim_syntax"
  | "dkim_unchecked"
  // PTR
  | "ptr_ok"
  | "ptr_missing"
  | "ptr_not_confirmed"
  | "ptr_generic"
  | "ptr_unchecked";

export interface Finding {
  readonly code: FindingCode;
  readonly status: CheckStatus;
  /** One sentence saying what was found and why it matters. */
  readonly message: string;
  /** What to change, when something should change; else null. */
  readonly fix: string | null;
}

export interface CheckResult<D = unknown> {
  readonly check: CheckName;
  /** The worst status among the findings. */
  readonly status: CheckStatus;
  /** One line for the table. */
  readonly summary: string;
  readonly findings: readonly Finding[];
  /** What the check saw (records, hosts, counts): for `--json` and for callers. */
  readonly details: D;
}

const RANK: Readonly<Record<CheckStatus, number>> = { pass: 0, warn: 1, fail: 2 };

export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  let w: CheckStatus = "pass";
  for (const s of statuses) if (RANK[s] > RANK[w]) w = s;
  return w;
}

export function finding(code: FindingCode, status: CheckStatus, message: string, fix: string | null = null): Finding {
  return { code, status, message, fix };
}

export function result<D>(check: CheckName, summary: string, findings: readonly Finding[], details: D): CheckResult<D> {
  return { check, status: worst(findings.map((f) => f.status)), summary, findings, details };
}
