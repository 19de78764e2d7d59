import type { MalformedProblem, NormalizeStep, Reason, SyntaxRule } from "./reasons.js";

/**
 * The only file that turns reasons into English. Tests elsewhere assert codes; the wording is
 * pinned in test/messages.test.ts. Every branch is exhaustive: a new code or rule that has no
 * sentence here fails to compile.
 */

const SYNTAX: { readonly [R in SyntaxRule]: string } = {
  no_at: "The address has no @ sign.",
  multiple_at: "The address has more than one @ sign.",
  empty_local: "There is nothing before the @ sign.",
  empty_domain: "There is nothing after the @ sign.",
  local_too_long: "The part before the @ is longer than 64 bytes (RFC 5321 §4.5.3.1.1).",
  address_too_long: "The address is longer than 254 bytes (RFC 5321 §4.5.3.1.3).",
  domain_too_long: "The domain is longer than 253 characters.",
  label_too_long: "A part of the domain between dots is longer than 63 characters.",
  local_dot_edge: "The part before the @ cannot start or end with a dot.",
  local_double_dot: "The part before the @ cannot have two dots in a row.",
  local_bad_char: "The part before the @ contains a character that is not allowed.",
  quoted_local: "Quoted local parts are legal but not accepted by list-mail platforms.",
  ip_literal: "An IP address in brackets instead of a domain is not accepted for list mail.",
  domain_one_label: "The domain needs at least one dot (like example.com).",
  domain_empty_label: "The domain has an empty part (two dots in a row, or a dot at an end).",
  domain_bad_char: "The domain contains a character that is not allowed (letters, digits, hyphens and dots only).",
  domain_hyphen_edge: "A part of the domain starts or ends with a hyphen.",
  tld_numeric: "The last part of the domain is all digits, which no top-level domain is.",
  tld_invalid: "The domain ends in something that is not a top-level domain.",
  idna_invalid: "The internationalised domain name cannot be converted for DNS (IDNA).",
  whitespace_inside: "The address contains a space.",
  comment: "The address contains a comment in parentheses, which list-mail platforms do not accept.",
  cell_too_long: "The cell is far too long to be an address.",
};

const MALFORMED: { readonly [P in MalformedProblem]: string } = {
  field_count: "The record has a different number of fields than the header",
  unclosed_quote: "A quoted field is never closed",
  stray_quote: "A quote opens a field and never closes on this line, swallowing the rows after it (split back into rows)",
  record_too_long: "The record is longer than the record-size limit",
  undecodable_bytes: "The record holds bytes that are not valid in the file's encoding (shown as \\xNN)",
};

const STEPS: { readonly [S in NormalizeStep]: string } = {
  trimmed: "surrounding whitespace",
  invisible_removed: "invisible characters",
  mailto_removed: "mailto:",
  angle_brackets_removed: "angle brackets",
  display_name_removed: "display name",
  trailing_punctuation_removed: "trailing punctuation",
  fullwidth_at: "full-width @",
  unicode_nfc: "Unicode normalisation (NFC)",
  domain_lowercased: "upper-case domain",
  formula_quote_removed: "spreadsheet guard quote",
  quotes_removed: "quotes around the address",
  idna_mapped: "international domain mapping (IDNA)",
  fullwidth_ascii: "full-width letters",
};

/** Raw text in a detail is kept up to a spreadsheet cell's limit (Excel: 32,767 characters). */
const RAW_LIMIT = 32_000;

function clip(s: string): string {
  return s.length > RAW_LIMIT ? `${s.slice(0, RAW_LIMIT)}…` : s;
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

export function renderReason(r: Reason): string {
  switch (r.code) {
    case "empty":
      return "The email cell is blank.";
    case "syntax_invalid":
      return SYNTAX[r.rule];
    case "unsafe_unicode":
      return `The address contains an invisible, control or text-direction character (${hex(r.codePoint)}) at position ${r.index + 1}.`;
    case "duplicate":
      return `Same address as data row ${r.firstRow}.`;
    case "disposable_domain":
      return r.matched === r.domain
        ? `${r.domain} is a disposable (throwaway) mailbox provider.`
        : `${r.domain} belongs to ${r.matched}, a disposable (throwaway) mailbox provider.`;
    case "domain_not_found":
      return `The domain ${r.domain} does not exist (NXDOMAIN).`;
    case "no_mail_server":
      return `${r.domain} has no mail server: no MX record and no usable A/AAAA address.`;
    case "null_mx":
      return `${r.domain} publishes a null MX (RFC 7505): it accepts no mail.`;
    case "invalid_mx":
      return `The mail server of ${r.domain} (${r.host}) is unusable: ${r.why}.`;
    case "suppressed": {
      const parts = ["The address is on the suppression list"];
      if (r.category) parts.push(`(${r.category}`+ (r.since ? `, ${r.since})` : ")"));
      else if (r.since) parts.push(`(since ${r.since})`);
      if (r.source) parts.push(`from ${r.source}`);
      return `${parts.join(" ")}.`;
    }
    case "malformed_row": {
      const counts =
        r.problem === "field_count" && r.expected !== undefined && r.found !== undefined
          ? ` (${r.found} instead of ${r.expected})`
          : "";
      return `${MALFORMED[r.problem]}${counts}; raw text: ${clip(r.raw)}`;
    }
    case "typo_fixed":
      return `Corrected ${r.from} to ${r.to} (${r.why}).`;
    case "typo_suspected":
      return `Possibly a typo: did you mean ${r.suggestion}?`;
    case "role_account":
      return `${r.localPart}@ is a role address, usually read by a team rather than a subscriber.`;
    case "free_mail":
      return `${r.domain} is a free consumer webmail provider.`;
    case "corporate_domain":
      return `${r.domain} is an organisation's own domain.`;
    case "edu_domain":
      return `${r.domain} is an academic domain.`;
    case "gov_domain":
      return `${r.domain} is a government or military domain.`;
    case "implicit_mx":
      return `${r.domain} has no MX record; mail goes to its A/AAAA host (RFC 5321 §5.1).`;
    case "dns_unknown":
      return `DNS gave no definite answer for ${r.domain} (${r.error}); kept, re-check later.`;
    case "mixed_script":
      return `The domain part "${r.label}" mixes scripts (${r.scripts.join(", ")}): possibly a look-alike.`;
    case "smtputf8":
      return "The part before the @ has non-ASCII characters: the sending platform must support SMTPUTF8.";
    case "normalized":
      return `Cleaned up: ${r.steps.map((s) => STEPS[s]).join(", ")}.`;
    case "formula_trigger":
      return `The address starts with "${r.char}", which spreadsheets read as a formula; the written cell is guarded with a leading ' unless --formula-guard off.`;
    default: {
      const unreachable: never = r;
      throw new Error(`no message for ${JSON.stringify(unreachable)}`);
    }
  }
}

/** `sweep_detail`: one sentence per reason, joined with " | " (contract). */
export function renderDetail(reasons: readonly Reason[]): string {
  return reasons.map(renderReason).join(" | ");
}
