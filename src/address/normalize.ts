import { unguardCell } from "../formula.js";
import type { NormalizeStep } from "../reasons.js";
import { MAX_CELL_LENGTH, validateAddress, type DomainCheckCache, type Validation } from "./syntax.js";
import { canonicalDomain, isInvisible, isWhitespace, mapFullwidthAscii } from "./unicode.js";

export { MAX_CELL_LENGTH };

/**
 * Cleaning of one raw email cell: everything a copy-paste, a mail client or a spreadsheet adds
 * around an address that the subscriber never typed. Pure; never throws.
 *
 * The steps run repeatedly until nothing changes, because the wrappers nest in any order
 * (`  "Doe, J." <mailto:J@Example.com>;  `). Each pass either shortens the text or applies an
 * idempotent mapping, so the loop ends, and the result is a fixed point: normalising our own
 * output changes nothing (the "second sweep changes nothing" contract).
 *
 * Debris that could also be part of a broken address (a lone `<` or `>`, `(…)`, `[…]`, an
 * `E-mail:` label) is only peeled afterwards, one layer, and only when what is left then
 * validates: see peelJunk.
 */

export interface Normalized {
  readonly value: string;
  readonly steps: readonly NormalizeStep[];
}

/**
 * Safety net for the fixed-point loop. A pass makes one change: either it shortens the text
 * (at most MAX_CELL_LENGTH times) or it is one of four idempotent mappings (full-width @,
 * full-width ASCII, NFC, domain case/IDNA), so this bound is never reached.
 */
const MAX_PASSES = 4 * MAX_CELL_LENGTH + 10;

/** Characters a spreadsheet formula guard protects (OWASP CSV injection): `'` is put before them. */

/** Punctuation left at the end by copying from a sentence or a comma/semicolon list. */
const TRAILING_PUNCTUATION = new Set([".", ",", ";"]);

/** U+FF20 FULLWIDTH COMMERCIAL AT (IME input) and U+FE6B SMALL COMMERCIAL AT. */
const WIDE_AT = /[\uFF20\uFE6B]/g;

/**
 * Quote marks a whole address gets wrapped in when it is quoted in prose or a chat: straight
 * quotes, Word's typographic quotes (English, German, French guillemets, single and double), CJK
 * corner brackets, and the backtick of a Markdown code span. Any of them may open or close: a
 * closing mark can never end a valid domain, so no pairing rule is needed to stay unambiguous.
 */
const QUOTE_MARKS = new Set([
  '"', "'", "`", "\u201c", "\u201d", "\u201e", "\u201f", "\u2018", "\u2019", "\u201a", "\u201b",
  "\u00ab", "\u00bb", "\u2039", "\u203a", "\u300c", "\u300d", "\u300e", "\u300f",
]);

/**
 * A field label pasted with the address: `E-mail: a@b.com`, `email:a@b.com`, `Mail : a@b.com`,
 * `Email address: …`, Russian `Эл. почта:` / `Почта:`, French `Courriel :`, Spanish `Correo:`.
 * `:` is not atext (RFC 5322 §3.2.3), so a cell with it was never a valid address as it stands.
 * Anchored, no nested quantifiers: linear on any input.
 */
const LABEL_PREFIX =
  /^(?:e[-_ ]?mail(?:[-_ ]?address)?|mail|эл(?:\.|ектронная)? ?почта|почта|courriel|correo(?: electr[oó]nico)?)[ \t]*:[ \t]*/iu;

/** Bracket pairs pasted around an address: `(a@b.com)`, `[a@b.com]` (a wiki or chat link). */
const WRAPPERS: readonly (readonly [string, string])[] = [
  ["(", ")"],
  ["[", "]"],
];

class StepLog {
  readonly steps: NormalizeStep[] = [];
  add(step: NormalizeStep): void {
    if (!this.steps.includes(step)) this.steps.push(step);
  }
}

/** The code point that ends just before UTF-16 index `end`, as a string. */
function codePointBefore(s: string, end: number): string {
  const low = s.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = s.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(end - 2, end);
  }
  return s.slice(end - 1, end);
}

/** Trim whitespace and invisible characters at both ends, logging which kind went. */
function trimEnds(s: string, log: StepLog): string {
  let ws = false;
  let inv = false;
  const trimmable = (ch: string): boolean => {
    if (isWhitespace(ch)) return (ws = true);
    if (isInvisible(ch)) return (inv = true);
    return false;
  };
  let start = 0;
  while (start < s.length) {
    const ch = String.fromCodePoint(s.codePointAt(start) ?? 0);
    if (!trimmable(ch)) break;
    start += ch.length;
  }
  let end = s.length;
  while (end > start) {
    const ch = codePointBefore(s, end);
    if (!trimmable(ch)) break;
    end -= ch.length;
  }
  if (ws) log.add("trimmed");
  if (inv) log.add("invisible_removed");
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function dropTrailingPunctuation(s: string, log: StepLog): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(s[end - 1] ?? "")) end--;
  if (end === s.length) return s;
  log.add("trailing_punctuation_removed");
  return s.slice(0, end);
}

/** `'=x@y.com` → `=x@y.com`: the guard quote our own output (or a spreadsheet) put there. */
function dropFormulaQuote(s: string, log: StepLog): string {
  const unguarded = unguardCell(s);
  if (unguarded !== s) log.add("formula_quote_removed");
  return unguarded;
}

/**
 * `mailto:addr` and `mailto:addr?subject=…` (RFC 6068). The query is dropped; `%XX` escapes are
 * decoded because RFC 6068 §2 requires them for `+`, `%` and non-ASCII in the address. A bare
 * `?` is legal atext in a local part, so the query is only cut after a `mailto:`.
 */
function dropMailto(s: string, log: StepLog): string {
  if (s.length < 7 || s.slice(0, 7).toLowerCase() !== "mailto:") return s;
  log.add("mailto_removed");
  let rest = s.slice(7);
  const q = rest.indexOf("?");
  if (q >= 0) rest = rest.slice(0, q);
  if (rest.includes("%")) {
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // Broken escapes are left as typed; syntax.ts rejects the address.
    }
  }
  return rest;
}

/** The characters of a display name that are outside double-quoted strings (RFC 5322 §3.2.4). */
function unquotedPart(name: string): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] ?? "";
    if (quoted && ch === "\\") {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted) out += ch;
  }
  return out;
}

function stripQuotes(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1).trim();
  return t;
}

/**
 * `<addr>`, `Name <addr>`, `"Doe, John" <addr>` (RFC 5322 §3.4 name-addr).
 *
 * The display name must not itself hold an address or brackets outside quotes: a cell like
 * `<a@x.com>, <b@y.com>` holds two subscribers and picking one silently would lose the other,
 * so it is left for syntax.ts to reject. The one exception is Outlook's `a@x.com <a@x.com>`.
 */
function unwrapAngle(s: string, log: StepLog): string {
  if (!s.endsWith(">")) return s;
  if (s.startsWith("<")) {
    // `<addr>`, or nested `<<addr>>` (peeled one layer per pass).
    const inner = s.slice(1, -1);
    const nested = inner.startsWith("<") && inner.endsWith(">");
    if (inner.trim() !== "" && (nested || !/[<>]/.test(inner))) {
      log.add("angle_brackets_removed");
      return inner;
    }
  }
  const lt = s.lastIndexOf("<");
  if (lt <= 0) return s;
  const inner = s.slice(lt + 1, -1);
  const name = s.slice(0, lt);
  if (inner.trim() === "" || name.trim() === "") return s;
  if (/[<>@]/.test(unquotedPart(name)) && stripQuotes(name).toLowerCase() !== inner.trim().toLowerCase()) {
    return s;
  }
  log.add("display_name_removed");
  return inner;
}

/**
 * `"a@b.com"`, `“a@b.com”`, `«a@b.com»`: the whole address quoted in prose. Not a quoted local
 * part (`"john doe"@x.com` does not end in a quote, and `"x"@"y"` holds a quote inside), so that
 * stays for syntax.ts to reject as `quoted_local`. Runs before the formula-guard step, so `'=a@b.com`
 * (no closing quote) keeps its own step.
 */
function unwrapQuotes(s: string, log: StepLog): string {
  if (s.length < 3) return s;
  const open = s[0] ?? "";
  const close = s[s.length - 1] ?? "";
  if (!QUOTE_MARKS.has(open) || !QUOTE_MARKS.has(close)) return s;
  const inner = s.slice(1, -1);
  if (!inner.includes("@") || inner.includes('"') || inner.includes(open) || inner.includes(close)) return s;
  log.add("quotes_removed");
  return inner;
}

function wideAt(s: string, log: StepLog): string {
  const out = s.replace(WIDE_AT, "@");
  if (out !== s) log.add("fullwidth_at");
  return out;
}

/** `ｊｏｈｎ@ｇｍａｉｌ.com` → `john@gmail.com`: full-width mode of an East Asian IME. */
function fullwidthAscii(s: string, log: StepLog): string {
  const out = mapFullwidthAscii(s);
  if (out !== s) log.add("fullwidth_ascii");
  return out;
}

function nfc(s: string, log: StepLog): string {
  const out = s.normalize("NFC");
  if (out !== s) log.add("unicode_nfc");
  return out;
}

/**
 * Lower-case the domain (RFC 5321 §2.4: domains are case-insensitive, local parts are not) and
 * map internationalised names to their canonical Unicode form (UTS-46: `。` → `.`, `xn--` labels
 * shown as Unicode), logged as `idna_mapped`; `unicode_nfc` only if lower-casing itself left the
 * name un-normalised.
 */
function canonicalizeDomain(s: string, log: StepLog): string {
  const at = s.indexOf("@");
  if (at < 0 || s.indexOf("@", at + 1) >= 0) return s;
  const domain = s.slice(at + 1);
  const lower = domain.toLowerCase();
  if (lower !== domain) log.add("domain_lowercased");
  const lowerNfc = lower.normalize("NFC");
  if (lowerNfc !== lower) log.add("unicode_nfc");
  const canon = canonicalDomain(domain);
  if (canon !== lowerNfc) log.add("idna_mapped");
  return canon === domain ? s : s.slice(0, at + 1) + canon;
}

const PASS: readonly ((s: string, log: StepLog) => string)[] = [
  wideAt,
  fullwidthAscii,
  nfc,
  trimEnds,
  dropTrailingPunctuation,
  unwrapQuotes,
  dropFormulaQuote,
  dropMailto,
  unwrapAngle,
  canonicalizeDomain,
];

/** Apply PASS until nothing changes: one change per pass, then start over. */
function settle(start: string, log: StepLog): string {
  // The domain is only canonicalised once no wrapper is left, so `mailto:a@b.com?subject=Hi`
  // never logs a lower-cased query as a domain change.
  let s = start;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = s;
    for (const step of PASS) {
      s = step(s, log);
      if (s !== before) break;
    }
    if (s === before) break;
  }
  return s;
}

/** One layer of end debris that may be removed from `s`, with the step that names it. */
function junkCandidates(s: string): [NormalizeStep, string][] {
  const out: [NormalizeStep, string][] = [];
  const first = s[0] ?? "";
  const last = s[s.length - 1] ?? "";
  // A half-copied `<a@b.com>`: one bracket left behind.
  if (first === "<" && last !== ">") out.push(["angle_brackets_removed", s.slice(1)]);
  if (last === ">" && first !== "<") out.push(["angle_brackets_removed", s.slice(0, -1)]);
  for (const [open, close] of WRAPPERS) {
    if (s.length > 2 && first === open && last === close) out.push(["angle_brackets_removed", s.slice(1, -1)]);
    // Half a pair, the other half left in the neighbouring cell or sentence: `a@b.com)`, `(a@b.com`.
    if (last === close && !s.includes(open)) out.push(["angle_brackets_removed", s.slice(0, -1)]);
    if (first === open && !s.includes(close)) out.push(["angle_brackets_removed", s.slice(1)]);
  }
  // One quote mark left at one end (`a@b.com"`, `“a@b.com`): the other was cut off by the copy.
  // A domain never ends in one, and a lone opening `"` is no quoted local part either.
  if (QUOTE_MARKS.has(last) && !QUOTE_MARKS.has(first)) out.push(["quotes_removed", s.slice(0, -1)]);
  if (QUOTE_MARKS.has(first) && !QUOTE_MARKS.has(last)) out.push(["quotes_removed", s.slice(1)]);
  const label = LABEL_PREFIX.exec(s);
  if (label !== null) out.push(["display_name_removed", s.slice(label[0].length)]);
  return out;
}

/**
 * Copy-paste debris that is only debris if what is left is an address: `a@b.com>`, `<a@b.com`,
 * `(a@b.com)`, `[a@b.com]`, `E-mail: a@b.com`. Tried only when the settled cell is invalid, one
 * layer deep, and kept only when the rest settles to a valid address. The result is then a fixed
 * point: a valid address starts with atext and ends with a domain letter or digit, so it offers no
 * debris to peel. Never picks one address out of two: `<a@x.com>, <b@y.com>` minus one bracket
 * still does not validate. At most nine candidates, each one linear pass: no blow-up on nesting.
 */
function peelJunk(s: string, log: StepLog): string | null {
  for (const [step, inner] of junkCandidates(s)) {
    const sub = new StepLog();
    const value = settle(inner, sub);
    if (value === "" || validateAddress(value).address === null) continue;
    log.add(step);
    for (const x of sub.steps) log.add(x);
    return value;
  }
  return null;
}

/**
 * Clean a raw cell. Never throws. `value === cell` when nothing changed (`steps` empty).
 * Steps are listed in the order first applied, each once.
 */
export function normalizeCell(cell: string): Normalized {
  const { value, steps } = normalizeAndValidate(cell);
  return { value, steps };
}

/**
 * normalizeCell, also returning the validation of the result it had to compute anyway (null for
 * an empty or oversized value), so parseAddress does not validate the same string twice.
 */
export function normalizeAndValidate(cell: string, cache?: DomainCheckCache): Normalized & { readonly validation: Validation | null } {
  const log = new StepLog();
  let s = trimEnds(cell, log);
  if (s.length > MAX_CELL_LENGTH) return { value: s, steps: log.steps, validation: null };
  s = settle(s, log);
  let validation: Validation | null = null;
  if (s !== "") {
    validation = validateAddress(s, cache);
    if (validation.address === null) {
      const peeled = peelJunk(s, log);
      if (peeled !== null) {
        s = peeled;
        validation = validateAddress(s, cache);
      }
    }
  }
  return { value: s, steps: s === cell ? [] : log.steps, validation };
}
