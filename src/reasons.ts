/**
 * Reason and flag codes: the contract of ../shared/design.md ("Status and codes").
 *
 * A reason is data — a literal `code` plus the fields its message needs — never an English
 * sentence. Messages are rendered in messages.ts from these fields; the verdict (verdict.ts) is
 * one pure function over the codes. Codes are never renamed once released; new ones are added.
 */

/** Codes that make an address `invalid` (it goes to the rejected list unless `--keep`). */
export const REJECT_CODES = [
  "empty",
  "syntax_invalid",
  "unsafe_unicode",
  "duplicate",
  "disposable_domain",
  "domain_not_found",
  "no_mail_server",
  "null_mx",
  "invalid_mx",
  "suppressed",
  "malformed_row",
] as const;

/** Annotations. Some make a row `risky` or `unknown` (see verdict.ts); none reject by default. */
export const FLAG_CODES = [
  "typo_fixed",
  "typo_suspected",
  "role_account",
  "free_mail",
  "corporate_domain",
  "edu_domain",
  "gov_domain",
  "implicit_mx",
  "dns_unknown",
  "mixed_script",
  "smtputf8",
  "normalized",
  "formula_trigger",
] as const;

export type RejectCode = (typeof REJECT_CODES)[number];
export type FlagCode = (typeof FLAG_CODES)[number];
export type ReasonCode = RejectCode | FlagCode;

export const ALL_CODES: readonly ReasonCode[] = [...REJECT_CODES, ...FLAG_CODES];

const rejectSet: ReadonlySet<string> = new Set(REJECT_CODES);
const allSet: ReadonlySet<string> = new Set(ALL_CODES);

export function isRejectCode(code: string): code is RejectCode {
  return rejectSet.has(code);
}

export function isReasonCode(code: string): code is ReasonCode {
  return allSet.has(code);
}

/** Which syntax rule an address broke; each has its own sentence in messages.ts. */
export type SyntaxRule =
  | "no_at"
  | "multiple_at"
  | "empty_local"
  | "empty_domain"
  | "local_too_long"
  | "address_too_long"
  | "domain_too_long"
  | "label_too_long"
  | "local_dot_edge"
  | "local_double_dot"
  | "local_bad_char"
  | "quoted_local"
  | "ip_literal"
  | "domain_one_label"
  | "domain_empty_label"
  | "domain_bad_char"
  | "domain_hyphen_edge"
  | "tld_numeric"
  | "tld_invalid"
  | "idna_invalid"
  | "whitespace_inside"
  | "comment"
  | "cell_too_long";

/** Why a CSV record could not be read. */
export type MalformedProblem =
  | "field_count"
  | "unclosed_quote"
  | "stray_quote"
  | "record_too_long"
  | "undecodable_bytes";

/** What `normalized` cleaned up, in the order it was applied. */
export type NormalizeStep =
  | "trimmed"
  | "invisible_removed"
  | "mailto_removed"
  | "angle_brackets_removed"
  | "display_name_removed"
  | "trailing_punctuation_removed"
  | "fullwidth_at"
  | "unicode_nfc"
  | "domain_lowercased"
  | "formula_quote_removed"
  | "quotes_removed"
  | "idna_mapped"
  | "fullwidth_ascii";

/** One reason or flag, with the data its message needs. A discriminated union keyed by `code`. */
export type Reason =
  | { readonly code: "empty" }
  | { readonly code: "syntax_invalid"; readonly rule: SyntaxRule }
  | { readonly code: "unsafe_unicode"; readonly codePoint: number; readonly index: number }
  | { readonly code: "duplicate"; readonly firstRow: number }
  | { readonly code: "disposable_domain"; readonly domain: string; readonly matched: string }
  | { readonly code: "domain_not_found"; readonly domain: string }
  | { readonly code: "no_mail_server"; readonly domain: string }
  | { readonly code: "null_mx"; readonly domain: string }
  | { readonly code: "invalid_mx"; readonly domain: string; readonly host: string; readonly why: string }
  | {
      readonly code: "suppressed";
      readonly since?: string | undefined;
      readonly category?: string | undefined;
      readonly source?: string | undefined;
    }
  | {
      readonly code: "malformed_row";
      readonly problem: MalformedProblem;
      readonly raw: string;
      readonly expected?: number | undefined;
      readonly found?: number | undefined;
    }
  | { readonly code: "typo_fixed"; readonly from: string; readonly to: string; readonly why: string }
  | { readonly code: "typo_suspected"; readonly suggestion: string }
  | { readonly code: "role_account"; readonly localPart: string }
  | { readonly code: "free_mail"; readonly domain: string }
  | { readonly code: "corporate_domain"; readonly domain: string }
  | { readonly code: "edu_domain"; readonly domain: string }
  | { readonly code: "gov_domain"; readonly domain: string }
  | { readonly code: "implicit_mx"; readonly domain: string }
  | { readonly code: "dns_unknown"; readonly domain: string; readonly error: string }
  | { readonly code: "mixed_script"; readonly label: string; readonly scripts: readonly string[] }
  | { readonly code: "smtputf8" }
  | { readonly code: "normalized"; readonly steps: readonly NormalizeStep[] }
  | { readonly code: "formula_trigger"; readonly char: string };

/** The reason whose code is C. */
export type ReasonOf<C extends ReasonCode> = Extract<Reason, { code: C }>;
