import { domainToASCII } from "node:url";
import { getDomain, parse } from "tldts";

/**
 * Special-use names (RFC 6761, RFC 7686) that the Public Suffix List carries in its ICANN
 * section or that resolvers treat specially: none of them is a place public mail can go.
 */
const SPECIAL_USE: ReadonlySet<string> = new Set(["example", "invalid", "local", "localhost", "onion", "test"]);

/** The last label of a domain (after stripping one trailing root dot). */
export function lastLabel(domain: string): string {
  const d = domain.endsWith(".") ? domain.slice(0, -1) : domain;
  const i = d.lastIndexOf(".");
  return i < 0 ? d : d.slice(i + 1);
}

/**
 * Is `label` a delegated top-level domain? Answered from the ICANN section of the Public Suffix
 * List bundled with tldts: a TLD that is not there (`ri`, `con`, `cmo`) matches only the PSL's
 * implicit `*` rule, which tldts reports as `isIcann: false`. Unicode TLDs (`рф`) are accepted in
 * either form.
 */
export function isDelegatedTld(label: string): boolean {
  const l = label.toLowerCase();
  if (l === "" || SPECIAL_USE.has(l) || /^[0-9]+$/.test(l)) return false;
  if (hasIcannRule(l)) return true;
  // tldts knows IDN TLDs in Unicode; a punycode label (xn--p1ai) is checked in both spellings.
  const ascii = domainToASCII(l);
  return ascii !== "" && ascii !== l && hasIcannRule(ascii);
}

/**
 * Second-level zones a registry may register under instead of the bare TLD. The PSL has no `za`
 * rule at all, only `co.za`, `ac.za`, `gov.za`, `org.za`… (ZADNA never registered directly under
 * .za), so asking about `za` alone wrongly says "not delegated" and rejected every South African
 * address. A TLD that does not exist has no rule at any level, so probing these is safe.
 */
const SECOND_LEVEL_PROBES = ["co", "ac", "gov", "org", "com", "net"] as const;

function hasIcannRule(tld: string): boolean {
  if (parse(tld, { allowPrivateDomains: false }).isIcann === true) return true;
  return SECOND_LEVEL_PROBES.some((sld) => {
    const p = parse(`${sld}.${tld}`, { allowPrivateDomains: false });
    return p.isIcann === true && p.publicSuffix === `${sld}.${tld}`;
  });
}

/**
 * The registrable domain under the ICANN section only: private suffixes (blogspot.com,
 * github.io) are ignored, so `a.b.blogspot.com` belongs to blogspot.com, as mail routing sees it.
 */
export function registrableDomain(domain: string): string | null {
  return getDomain(domain, { allowPrivateDomains: false });
}

/** The public suffix (ICANN section, or the implicit last-label rule). */
export function publicSuffix(domain: string): string | null {
  return parse(domain, { allowPrivateDomains: false }).publicSuffix;
}

/** `a.b.c` → [`a.b.c`, `b.c`, `c`]: the domain and every parent, most specific first. */
export function selfAndParents(domain: string): string[] {
  const out: string[] = [];
  let d = domain;
  for (;;) {
    out.push(d);
    const i = d.indexOf(".");
    if (i < 0) return out;
    d = d.slice(i + 1);
  }
}
