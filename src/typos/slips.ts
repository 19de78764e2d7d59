import { MAX_CELL_LENGTH } from "../address/index.js";
import { isDelegatedTld, lastLabel } from "../domains/tld.js";

/**
 * A digit in a top-level domain, where none can belong (no TLD has one; punycode `xn--` aside).
 * `0` sits over `o` and looks like it, `9` sits over `o` too: `c0m` (0 for o), `co0m` / `c9om`
 * (a digit struck with the o). Read back only to the two TLDs with an `o` that mail lists are full
 * of, so a stray digit never turns into some other country's TLD (`c0m` → `cm`, Cameroon).
 */
const DIGIT_TLD_TARGETS: ReadonlySet<string> = new Set(["com", "org"]);

function digitTldReading(tld: string): string | null {
  if (tld.startsWith("xn--") || !/[0-9]/.test(tld)) return null;
  for (const reading of [tld.replaceAll("0", "o"), tld.replace(/(?<=o)[09]+|[09]+(?=o)/g, "")]) {
    if (DIGIT_TLD_TARGETS.has(reading)) return reading;
  }
  return null;
}

/** Whitespace on either side of the `@`, and of a dot in the domain (never in the local part). */
const SPACE_AROUND_AT = /\s*@\s*/gu;
const SPACE_AROUND_DOT = /\s*\.\s*/gu;

export interface SlipRepair {
  readonly value: string;
  readonly why: string;
}

/** What repairing a domain part did: the repaired domain and one phrase per slip. */
export interface DomainRepair {
  readonly domain: string;
  readonly whys: readonly string[];
}

/**
 * Repair slips in the domain part that no real domain can contain, where exactly one reading
 * exists: `@@`, a comma for a dot, doubled/leading/trailing dots, a digit for a letter in the
 * TLD, a missing dot before the TLD of a known provider (`gmailcom`). The local part is never
 * touched. Returns null when nothing was repaired or the address is not one local@domain pair.
 * `repairDomain` is passed in so the caller can memoise it per domain.
 */
export function repairSlip(value: string, repairDomain: (domain: string) => DomainRepair | null): SlipRepair | null {
  // Past this a cell is not an address (syntax.ts rejects it); never scan it for slips.
  if (value.length > MAX_CELL_LENGTH) return null;
  const whys: string[] = [];
  let v = value;
  // `anna @ gmail.com`, `anna@gmail .com`: spaces typed around the @ or a dot of the domain (phone
  // keyboards add one after a "word"). Only spaces touching them go, so two addresses separated by
  // a space (`a@x.com b@y.com`) keep theirs and stay invalid, and the local part keeps its own.
  let spaced = v.replace(SPACE_AROUND_AT, "@");
  const sep = spaced.indexOf("@");
  if (sep >= 0) spaced = spaced.slice(0, sep + 1) + spaced.slice(sep + 1).replace(SPACE_AROUND_DOT, ".");
  if (spaced !== v) {
    v = spaced;
    whys.push("spaces around @ or a dot");
  }
  if (v.includes("@@")) {
    const collapsed = v.replace(/@{2,}/g, "@");
    if (countAt(collapsed) === 1) {
      v = collapsed;
      whys.push("doubled @");
    }
  }
  if (countAt(v) !== 1) return null;
  const at = v.indexOf("@");
  const local = v.slice(0, at);
  let domain = v.slice(at + 1);
  if (local === "" || domain === "") return null;
  const fixed = repairDomain(domain);
  if (fixed !== null) {
    domain = fixed.domain;
    whys.push(...fixed.whys);
  }
  if (whys.length === 0) return null;
  return { value: `${local}@${domain}`, why: whys.join(", ") };
}

/** The domain-part repairs of repairSlip, for one domain. */
export function repairDomain(
  typed: string,
  dotless: ReadonlyMap<string, string>,
  bare: ReadonlyMap<string, string> = new Map(),
): DomainRepair | null {
  const whys: string[] = [];
  let domain = typed;
  if (domain.includes(",")) {
    domain = domain.replaceAll(",", ".");
    whys.push("comma instead of a dot");
  }
  if (/\.{2,}/.test(domain)) {
    domain = domain.replace(/\.{2,}/g, ".");
    whys.push("doubled dot");
  }
  if (domain.startsWith(".") || domain.endsWith(".")) {
    domain = domain.replace(/^\.+|\.+$/g, "");
    whys.push("stray dot at the edge of the domain");
  }
  if (domain === "") return null;

  const lower = domain.toLowerCase();
  const tld = lastLabel(lower);
  const digitFix = lower.includes(".") ? digitTldReading(tld) : null;
  if (digitFix !== null) {
    domain = `${lower.slice(0, lower.length - tld.length)}${digitFix}`;
    whys.push(`.${tld} typed for .${digitFix}`);
  } else if (!lower.includes(".") || !isDelegatedTld(tld)) {
    // `gmailcom`, `yahoo.couk`: only when the typed form cannot be a real domain (no dot, or no
    // such TLD) and adding dots gives exactly one known provider.
    const provider = dotless.get(lower.replaceAll(".", ""));
    const completed = lower.includes(".") ? undefined : bare.get(lower);
    if (provider !== undefined && provider !== lower && isSubsequence(lower, provider)) {
      domain = provider;
      whys.push("missing dot");
    } else if (completed !== undefined) {
      // `anna@gmail`: a one-label domain cannot receive mail, and only one provider has the name.
      domain = completed;
      whys.push(`no top-level domain after ${lower}`);
    }
  }
  return whys.length === 0 ? null : { domain, whys };
}

function countAt(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === "@") n++;
  return n;
}

/** `typed` is `full` with some dots left out (and nothing else changed). */
function isSubsequence(typed: string, full: string): boolean {
  let i = 0;
  for (const ch of full) {
    if (i < typed.length && typed[i] === ch) i++;
    else if (ch !== ".") return false;
  }
  return i === typed.length;
}
