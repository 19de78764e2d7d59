import { readFileSync } from "node:fs";
import { domainToASCII } from "node:url";
import type { Reason } from "../reasons.js";
import { loadDataList, once, packageVersion, type DataList, type DataSource } from "./data.js";
import { disposableData } from "./disposable.js";
import { detectMixedScript } from "./scripts.js";
import { matchesSector } from "./sectors.js";
import { isDelegatedTld, lastLabel, registrableDomain, selfAndParents } from "./tld.js";

export type { DataSource } from "./data.js";
export { isDelegatedTld, registrableDomain } from "./tld.js";

export interface DomainInfo {
  /** As given (Unicode, lower-case). */
  readonly domain: string;
  /** The registrable domain (tldts getDomain, ICANN section), or null for a bare suffix. */
  readonly registrable: string | null;
  /** The last label is a delegated TLD. */
  readonly tldKnown: boolean;
  /** The list entry that matched (the domain or a parent), or null. */
  readonly disposable: string | null;
  readonly free: boolean;
  readonly edu: boolean;
  readonly gov: boolean;
  readonly mixedScript: { readonly label: string; readonly scripts: readonly string[] } | null;
}

export interface DomainIntel {
  /** Memoised per instance; pure otherwise. */
  info(domain: string): DomainInfo;
  /** disposable_domain | free_mail | corporate_domain | edu_domain | gov_domain | mixed_script. */
  reasons(info: DomainInfo): Reason[];
  sources(): readonly DataSource[];
}

/** The project's own lists, read once per process. */
interface DomainLists {
  readonly free: ReadonlySet<string>;
  readonly edu: ReadonlySet<string>;
  readonly gov: ReadonlySet<string>;
  readonly sources: readonly DataSource[];
}

const setOf = (list: DataList): ReadonlySet<string> => new Set(list.lines);

export const domainLists = once((): DomainLists => {
  const free = loadDataList("free-mail");
  const edu = loadDataList("edu-suffixes");
  const gov = loadDataList("gov-suffixes");
  const psl: DataSource = {
    name: "public-suffix-list",
    source: "Public Suffix List, ICANN section, as bundled in the npm package tldts",
    version: packageVersion("tldts"),
    date: null,
    entries: 0,
  };
  return {
    free: setOf(free),
    edu: setOf(edu),
    gov: setOf(gov),
    sources: [free.meta, edu.meta, gov.meta, psl],
  };
});

/**
 * Lists and subdomains are compared in Unicode lower case; a punycode domain is decoded first so
 * that `xn--...` and its Unicode form get the same answer.
 */
function canonical(domain: string): string {
  let d = domain.trim().toLowerCase();
  if (d.endsWith(".")) d = d.slice(0, -1);
  return d;
}

/** Both spellings of a domain (as given, and ASCII/punycode) for list look-ups. */
function spellings(domain: string): string[] {
  const ascii = /^[\x00-\x7f]*$/.test(domain) ? domain : domainToASCII(domain);
  return ascii && ascii !== domain ? [domain, ascii] : [domain];
}

/**
 * Which entry, if any, makes this domain disposable. Walks from the domain itself up through its
 * parents (most specific first) and stops at the first level that decides:
 *  1. a user `allow` entry → not disposable (keeping a good address is the safer mistake);
 *  2. a user `deny` entry → disposable;
 *  3. a domain in our free-mail list → not disposable. Free and disposable never overlap: the npm
 *     list occasionally names a long-standing webmail provider (21cn.com), and losing real
 *     subscribers is worse than keeping a throwaway one;
 *  4. the npm list: an exact entry (index.json) or a wildcard parent (wildcard.json) matches the
 *     domain and all its subdomains, since whoever runs the parent runs the subdomains.
 * A bare public suffix (`com`, `co.uk`) is never looked up, so no list entry can condemn a whole TLD.
 */
function findDisposable(
  domain: string,
  registrable: string | null,
  free: ReadonlySet<string>,
  allow: ReadonlySet<string>,
  deny: ReadonlySet<string>,
): string | null {
  const { exact, wildcard } = disposableData();
  const levels = selfAndParents(domain);
  const at = registrable === null ? -1 : levels.indexOf(registrable);
  for (const level of levels.slice(0, at + 1 || 1)) {
    if (allow.has(level)) return null;
    if (deny.has(level)) return level;
    if (free.has(level)) return null;
    if (exact.has(level) || wildcard.has(level)) return level;
  }
  return null;
}

function domainSet(entries: readonly string[] | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const e of entries ?? []) {
    const d = canonical(e);
    if (d !== "") for (const s of spellings(d)) out.add(s);
  }
  return out;
}

export function createDomainIntel(opts?: {
  allow?: readonly string[];
  deny?: readonly string[];
  /** Memoise info() per domain (default). A caller that memoises whole analyses itself (the
   *  pipeline's DomainAnalyzer) turns it off so 50k domains are not held twice. */
  memo?: boolean;
}): DomainIntel {
  const memoise = opts?.memo ?? true;
  const allow = domainSet(opts?.allow);
  const deny = domainSet(opts?.deny);
  const memo = new Map<string, DomainInfo>();

  function compute(domain: string): DomainInfo {
    const lists = domainLists();
    const d = canonical(domain);
    const registrable = registrableDomain(d);
    const tldKnown = isDelegatedTld(lastLabel(d));
    let disposable: string | null = null;
    for (const s of spellings(d)) {
      disposable = findDisposable(s, s === d ? registrable : registrableDomain(s), lists.free, allow, deny);
      if (disposable !== null) break;
    }
    const free = disposable === null && spellings(d).some((s) => lists.free.has(s));
    return Object.freeze({
      domain: d,
      registrable,
      tldKnown,
      disposable,
      free,
      edu: tldKnown && matchesSector(registrable, d, lists.edu),
      gov: tldKnown && matchesSector(registrable, d, lists.gov),
      mixedScript: detectMixedScript(d),
    });
  }

  return {
    info(domain: string): DomainInfo {
      const hit = memo.get(domain);
      if (hit !== undefined) return hit;
      const info = compute(domain);
      if (memoise) memo.set(domain, info);
      return info;
    },

    reasons(info: DomainInfo): Reason[] {
      const out: Reason[] = [];
      // The same string as info.domain when they are equal: analyses keep these reasons all run.
      const org = info.registrable === null || info.registrable === info.domain ? info.domain : info.registrable;
      if (info.disposable !== null) {
        out.push({ code: "disposable_domain", domain: info.domain, matched: info.disposable });
      } else if (info.free) {
        out.push({ code: "free_mail", domain: info.domain });
      } else if (info.tldKnown) {
        // A domain under a TLD that does not exist is nobody's domain: the pipeline rejects it as
        // syntax_invalid/tld_invalid, and calling it "an organisation's own domain" would mislead.
        out.push({ code: "corporate_domain", domain: org });
        if (info.edu) out.push({ code: "edu_domain", domain: org });
        if (info.gov) out.push({ code: "gov_domain", domain: org });
      }
      if (info.mixedScript !== null) {
        out.push({ code: "mixed_script", label: info.mixedScript.label, scripts: info.mixedScript.scripts });
      }
      return out;
    },

    sources(): readonly DataSource[] {
      return [...domainLists().sources, disposableData().meta];
    },
  };
}

/**
 * Read an `--allow-domains` / `--deny-domains` file: one domain per line; blank lines and `#`
 * comments are ignored; `*.example.com` and `@example.com` are accepted as `example.com` (lists
 * exported from other tools use both). Anything else that is not a plausible domain is an error
 * naming the file and line, so a mistyped override never silently does nothing.
 */
export function readDomainListFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read domain list ${path}: ${(e as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const out: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf("#");
    let entry = canonical(hash >= 0 ? raw.slice(0, hash) : raw);
    if (entry === "") return;
    if (entry.startsWith("*.")) entry = entry.slice(2);
    else if (entry.startsWith("@")) entry = entry.slice(1);
    const ascii = domainToASCII(entry);
    const labels = ascii.split(".");
    const ok =
      ascii !== "" &&
      ascii.length <= 253 &&
      labels.length >= 2 &&
      labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l));
    if (!ok) {
      throw new Error(`${path}:${i + 1}: "${raw.trim()}" is not a domain name (expected one domain per line, like example.com)`);
    }
    if (!seen.has(entry)) {
      seen.add(entry);
      out.push(entry);
    }
  });
  return out;
}
