import type { Reason, SyntaxRule } from "../reasons.js";
import { detach } from "../owned.js";
import {
  canonicalDomain,
  findUnsafe,
  hasWhitespace,
  isAscii,
  lastLabel,
  toAsciiDomain,
  toUnicodeDomain,
  utf8Length,
} from "./unicode.js";

/**
 * Syntax of an address a list-mail platform can send to: RFC 5321 mailbox with a dot-atom local
 * part (RFC 5322 §3.2.3), UTF-8 local parts per RFC 6531, and a DNS host name (RFC 1035 §2.3.1,
 * IDNA via UTS-46). Stricter than RFC 5322 where list mail is: no quoted local parts, no
 * comments, no IP literals. Whether the TLD exists is decided later, by the domain checks.
 *
 * Every check is linear and the cell length is capped before anything else runs, so no input can
 * make validation slow.
 */

export interface Address {
  /** Local part as typed (case kept), NFC. */
  readonly local: string;
  /** Unicode form, lower-case, NFC, e.g. "пример.рф". */
  readonly domain: string;
  /** A-label (punycode) form for DNS, e.g. "xn--e1afmkfd.xn--p1ai". */
  readonly asciiDomain: string;
  /** `${local}@${domain}`: what the output file writes. */
  readonly normalized: string;
  /** Duplicate key: `normalized` with the local part lower-cased too. */
  readonly key: string;
}

export interface Validation {
  /** null when any reject reason applies. */
  readonly address: Address | null;
  /** `syntax_invalid` or `unsafe_unicode` (rejects; at most one), then `smtputf8` (flag). */
  readonly reasons: readonly Reason[];
}

/**
 * Cells longer than this are not addresses (RFC 5321 caps a path at 256 octets). Past it
 * normalizeCell only trims the ends, so a 50,000-character cell costs one linear scan, and
 * validateAddress rejects it as `cell_too_long` before anything else runs.
 */
export const MAX_CELL_LENGTH = 1000;

/** RFC 5321 §4.5.3.1.1: local part at most 64 octets. */
export const MAX_LOCAL_OCTETS = 64;
/** RFC 1035 §2.3.4: a label at most 63 octets (A-label form). */
export const MAX_LABEL_OCTETS = 63;
/** RFC 1035 §2.3.4: 255 octets on the wire = 253 characters in dotted text form. */
export const MAX_DOMAIN_OCTETS = 253;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
export const MAX_ADDRESS_OCTETS = 254;

/** RFC 5322 §3.2.3 atext, the characters of a dot-atom besides letters and digits. */
const ATEXT_SPECIALS = new Set("!#$%&'*+-/=?^_`{|}~");

/**
 * RFC 6531 §3.3 allows any UTF-8 in a local part; list mail accepts letters, marks and digits of
 * any script. Symbols and punctuation outside ASCII are rejected: in practice they are Word's
 * smart quotes, guillemets or mojibake (U+FFFD), not a subscriber's mailbox name.
 */
const NON_ASCII_LOCAL = /^[\p{L}\p{M}\p{N}]$/u;

/** ASCII LDH label after IDNA (RFC 1035 §2.3.1; RFC 5890 A-labels are LDH too). */
const LDH = /^[a-z0-9-]+$/;
const ASCII_TLD = /^[a-z]{2,63}$/;
const A_LABEL = /^xn--[a-z0-9-]+$/;
const DIGITS = /^[0-9]+$/;
/**
 * What an internationalised domain may be typed with: letters, marks and digits of any script
 * (IDNA2008, RFC 5892: PVALID is letters, marks and digits), hyphens and dots, plus the few
 * CONTEXTO punctuation marks (RFC 5892 Appendix A: Catalan middle dot, Greek keraia, Hebrew
 * geresh/gershayim, katakana middle dot). The WHATWG host parser is laxer and turns
 * `doe.net”` into `doe.xn--net-9o0a`, so a smart quote pasted after an address would pass as a
 * domain; symbols and punctuation never belong in one.
 */
const IDN_TEXT = /^[\p{L}\p{M}\p{N}.\-\u00b7\u0375\u05f3\u05f4\u30fb]+$/u;

function invalid(rule: SyntaxRule): Validation {
  return { address: null, reasons: [{ code: "syntax_invalid", rule }] };
}

/** An `(` with a `)` somewhere after it: an RFC 5322 comment. */
function hasComment(value: string): boolean {
  const open = value.indexOf("(");
  return open >= 0 && value.indexOf(")", open + 1) > open;
}

function isAtextAscii(ch: string): boolean {
  const c = ch.charCodeAt(0);
  const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return alnum || ATEXT_SPECIALS.has(ch);
}

/** Local-part rule broken, or null. */
function checkLocal(local: string): SyntaxRule | null {
  if (utf8Length(local) > MAX_LOCAL_OCTETS) return "local_too_long";
  if (local.startsWith(".") || local.endsWith(".")) return "local_dot_edge";
  if (local.includes("..")) return "local_double_dot";
  for (const ch of local) {
    if (ch === ".") continue;
    if (ch.length === 1 && ch.charCodeAt(0) < 0x80) {
      if (!isAtextAscii(ch)) return "local_bad_char";
    } else if (!NON_ASCII_LOCAL.test(ch)) {
      return "local_bad_char";
    }
  }
  return null;
}

export type DomainCheck = { readonly rule: SyntaxRule } | { readonly ascii: string; readonly unicode: string };

/**
 * A caller-owned memo of domain checks by the domain as typed. A list repeats a few thousand
 * domains over millions of rows; the IDNA and label checks are the costliest part of a row, and
 * their result depends on the domain text alone.
 */
export type DomainCheckCache = Map<string, DomainCheck>;

/** Domain rule broken, or the A-label and Unicode forms. `domain` is lower-case. */
function checkDomain(domain: string): DomainCheck {
  if (domain.startsWith("[")) return { rule: "ip_literal" };
  const labels = domain.split(".");
  if (labels.some((l) => l === "")) return { rule: "domain_empty_label" };
  if (labels.length < 2) return { rule: "domain_one_label" };
  // Decide digits before IDNA: the WHATWG host parser behind domainToASCII would read a
  // numeric last label as an IPv4 address (`a@1.2.3.4`, `a@0x7f.1`).
  if (DIGITS.test(lastLabel(domain))) return { rule: "tld_numeric" };
  let ascii: string;
  if (isAscii(domain)) {
    // Also keeps `%` away from the host parser, which would percent-decode it.
    if (!labels.every((l) => LDH.test(l))) return { rule: "domain_bad_char" };
    const hasALabel = labels.some((l) => l.startsWith("xn--"));
    const converted = hasALabel ? toAsciiDomain(domain) : domain;
    if (converted === null) return { rule: "idna_invalid" };
    ascii = converted;
  } else {
    if (domain.includes("%")) return { rule: "domain_bad_char" };
    const converted = toAsciiDomain(domain);
    if (converted === null) return { rule: "idna_invalid" };
    if (!IDN_TEXT.test(domain)) return { rule: "domain_bad_char" };
    ascii = converted;
  }
  const asciiLabels = ascii.split(".");
  // UTS-46 may map a character to a dot or to nothing; re-check the shape on the result.
  if (asciiLabels.some((l) => l === "")) return { rule: "domain_empty_label" };
  if (asciiLabels.length < 2) return { rule: "domain_one_label" };
  if (!asciiLabels.every((l) => LDH.test(l))) return { rule: "domain_bad_char" };
  if (asciiLabels.some((l) => l.length > MAX_LABEL_OCTETS)) return { rule: "label_too_long" };
  if (ascii.length > MAX_DOMAIN_OCTETS) return { rule: "domain_too_long" };
  if (asciiLabels.some((l) => l.startsWith("-") || l.endsWith("-"))) return { rule: "domain_hyphen_edge" };
  const tld = asciiLabels[asciiLabels.length - 1] ?? "";
  if (DIGITS.test(tld)) return { rule: "tld_numeric" };
  if (!ASCII_TLD.test(tld) && !A_LABEL.test(tld)) return { rule: "tld_invalid" };
  // An all-ASCII name without A-labels is its own Unicode form: skip the IDNA round trip, which
  // is the costliest step on the hot path of a million-row file.
  return { ascii, unicode: ascii.includes("xn--") ? toUnicodeDomain(ascii) : ascii };
}

/**
 * Validate an already-normalised value (the pipeline calls it again after a typo repair).
 *
 * Checks run in a fixed order and the first failure is the one reported, so a row carries one
 * `syntax_invalid` with the most basic rule it broke: cell length, invisible characters,
 * whitespace, quoting, the `@`, then the local part, then the domain, then the total length.
 */
export function validateAddress(value: string, cache?: DomainCheckCache): Validation {
  if (value.length > MAX_CELL_LENGTH) return invalid("cell_too_long");
  const unsafe = findUnsafe(value);
  if (unsafe !== null) {
    return { address: null, reasons: [{ code: "unsafe_unicode", codePoint: unsafe.codePoint, index: unsafe.index }] };
  }
  // `"john doe"@x.com`: legal RFC 5322 but refused by list platforms; a quoted local part may
  // contain spaces and `@`, so this is decided before looking for either.
  if (value.startsWith('"')) return invalid("quoted_local");
  // RFC 5322 §3.2.2 CFWS: `a(work)@x.com`, `a@x.com (home)`. Legal in a header, but no list
  // platform accepts it, and which side of it is the address is a guess. Checked before
  // whitespace because `a@x.com (home)` is a comment first and a space second.
  if (hasComment(value)) return invalid("comment");
  if (hasWhitespace(value)) return invalid("whitespace_inside");
  const at = value.indexOf("@");
  if (at < 0) return invalid("no_at");
  if (value.indexOf("@", at + 1) >= 0) return invalid("multiple_at");
  const local = value.slice(0, at).normalize("NFC");
  const rawDomain = value.slice(at + 1);
  if (local === "") return invalid("empty_local");
  if (rawDomain === "") return invalid("empty_domain");
  if (local.includes('"')) return invalid("quoted_local");
  const localRule = checkLocal(local);
  if (localRule !== null) return invalid(localRule);
  let checked = cache?.get(rawDomain);
  if (checked === undefined) {
    checked = checkDomain(canonicalDomain(rawDomain));
    if (cache !== undefined) {
      // Copies, not slices: a cached slice would keep the whole input chunk it came from alive.
      const key = detach(rawDomain);
      if ("ascii" in checked) {
        // One copy serves as key and values in the usual case (an already lower-case ASCII domain).
        const ascii = checked.ascii === rawDomain ? key : detach(checked.ascii);
        checked = { ascii, unicode: checked.unicode === checked.ascii ? ascii : detach(checked.unicode) };
      }
      cache.set(key, checked);
    }
  }
  if ("rule" in checked) return invalid(checked.rule);
  if (utf8Length(local) + 1 + checked.ascii.length > MAX_ADDRESS_OCTETS) return invalid("address_too_long");
  const normalized = `${local}@${checked.unicode}`;
  const address: Address = {
    local,
    domain: checked.unicode,
    asciiDomain: checked.ascii,
    normalized,
    key: `${local.toLowerCase()}@${checked.unicode}`,
  };
  return { address, reasons: isAscii(local) ? [] : [{ code: "smtputf8" }] };
}
