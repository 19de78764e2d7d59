import { domainToASCII, domainToUnicode } from "node:url";

/**
 * Character classes and IDNA helpers shared by normalisation and syntax checks.
 *
 * "Whitespace" is the Unicode White_Space property (space, TAB, CR/LF, NBSP, the U+2000 block,
 * U+3000 ideographic space, line/paragraph separators…). "Invisible" is everything a person
 * cannot see or that silently changes how text is displayed: controls (Cc), format characters
 * (Cf: zero-width space/joiners, bidi embeddings/overrides/isolates, BOM, soft hyphen, tags),
 * default-ignorable code points (variation selectors, Hangul fillers, CGJ), lone surrogates and
 * noncharacters. At the ends of a cell they are copy-paste debris and are trimmed; inside an
 * address they are how look-alike and "Trojan Source"-style spoofs are built (CVE-2021-42574), so
 * they are rejected as `unsafe_unicode`.
 */

const WHITESPACE = /^\p{White_Space}$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]$/u;

/** One code point (as a string) is Unicode whitespace. */
export function isWhitespace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return WHITESPACE.test(ch);
}

/** One code point (as a string) is invisible or a control, and not whitespace. */
export function isInvisible(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c === 0x7f || (c < 0x20 && !(c >= 0x09 && c <= 0x0d));
  return !WHITESPACE.test(ch) && INVISIBLE.test(ch);
}

export interface UnsafeChar {
  readonly codePoint: number;
  /** Position in code points (what a person counts as characters), 0-based. */
  readonly index: number;
}

/** The first invisible/control/bidi character in `s`, or null. Linear; no regex backtracking. */
export function findUnsafe(s: string): UnsafeChar | null {
  let index = 0;
  for (const ch of s) {
    if (isInvisible(ch)) return { codePoint: ch.codePointAt(0) ?? 0, index };
    index++;
  }
  return null;
}

/** True when `s` contains a whitespace code point anywhere. */
export function hasWhitespace(s: string): boolean {
  for (const ch of s) if (isWhitespace(ch)) return true;
  return false;
}

/** Length in UTF-8 octets: RFC 5321/6531 limits are in octets, not characters. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** True when every UTF-16 unit is ASCII. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * UTS-46 (non-transitional, as WHATWG URL does it) conversion to the A-label form, or null when
 * the name cannot be converted.
 *
 * Node's domainToASCII is the WHATWG *host* parser: it percent-decodes and parses IPv4 forms like
 * `0x7f.1`. Callers must rule out `%` and numeric last labels first (syntax.ts does) so that a
 * host quirk never turns a non-address into an address.
 */
export function toAsciiDomain(domain: string): string | null {
  const ascii = domainToASCII(domain);
  return ascii === "" ? null : ascii;
}

/** The U-label (Unicode) form of an A-label domain. */
export function toUnicodeDomain(asciiDomain: string): string {
  return domainToUnicode(asciiDomain);
}

/**
 * U+FF01–U+FF5E, the full-width forms of ASCII `!`…`~` (East Asian IMEs type them in full-width
 * mode). Each is its ASCII character plus 0xFEE0; this is exactly what NFKC does to this block,
 * applied to nothing else, so ligatures, circled letters or `ß` are never folded here.
 */
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/** Map full-width ASCII forms to ASCII (`ｊｏｈｎ` → `john`, `１２３` → `123`, `＠` → `@`). */
export function mapFullwidthAscii(s: string): string {
  return s.replace(FULLWIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** A last label the WHATWG host parser would read as an IPv4 number ("1", "0x7f", "017"). */
const NUMBER_LIKE_LABEL = /^(?:0x[0-9a-f]*|[0-9]+)$/i;

/** The last dot-separated label of a domain ("" when it ends in a dot). */
export function lastLabel(domain: string): string {
  return domain.slice(domain.lastIndexOf(".") + 1);
}

/**
 * The canonical Unicode form of a domain as typed: full-width ASCII mapped to ASCII, lower-case,
 * NFC, and for internationalised names the UTS-46 mapping (ideographic dots `。`, ligatures, `xn--`
 * labels shown as Unicode), so `ｇｍａｉｌ．com`, `GMAIL.com` and `gmail。com` give one key.
 *
 * Full-width ASCII is mapped first, by itself, so that `b.１２３` is seen as `b.123` (a numeric
 * TLD, which the host parser behind IDNA would otherwise try to read as an IPv4 address).
 *
 * Only names that actually need IDNA are passed through it (non-ASCII, or an `xn--` label):
 * plain ASCII names are only lower-cased, so IDNA can never rewrite an ordinary domain. Names
 * that IDNA rejects, or that the host parser would read as an IPv4 address or percent-decode,
 * are returned lower-cased but otherwise untouched; syntax.ts then says what is wrong.
 */
export function canonicalDomain(domain: string): string {
  const lower = mapFullwidthAscii(domain).toLowerCase().normalize("NFC");
  const needsIdna = !isAscii(lower) || lower.startsWith("xn--") || lower.includes(".xn--");
  if (!needsIdna || lower.includes("%")) return lower;
  const ascii = toAsciiDomain(lower);
  if (ascii === null || NUMBER_LIKE_LABEL.test(lastLabel(ascii))) return lower;
  return toUnicodeDomain(ascii);
}
