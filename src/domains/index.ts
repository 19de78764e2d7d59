import { readFileSync } from "node:fs";
import { domainToASCII } from "node:url";
import type { Reason } from "../reasons.js";
import { once } from "../once.js";
import { loadDataList, packageVersion, type DataList, type DataSource } from "./data.js";
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
  /** data/free-mail.txt: exact domains. */
  readonly free: ReadonlySet<string>;
  /** data/free-mail-subdomains.txt without the `*.`: providers whose every subdomain is free mail. */
  readonly freeParents: ReadonlySet<string>;
  readonly edu: ReadonlySet<string>;
  readonly gov: ReadonlySet<string>;
  readonly sources: readonly DataSource[];
}

const setOf = (list: DataList): ReadonlySet<string> => new Set(list.lines);

/** `*.rr.com` → `rr.com`; any other line is a broken list (npm run data:check says where). */
function wildcardParents(list: DataList): ReadonlySet<string> {
  const out = new Set<string>();
  for (const line of list.lines) {
    if (!line.startsWith("*.") || line.length < 4) {
      throw new Error(`data/${list.meta.name}.txt: expected "*.domain" but found "${line}"`);
    }
    out.add(line.slice(2));
  }
  return out;
}

export const domainLists = once((): DomainLists => {
  const free = loadDataList("free-mail");
  const freeSubdomains = loadDataList("free-mail-subdomains");
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
    freeParents: wildcardParents(freeSubdomains),
    edu: setOf(edu),
    gov: setOf(gov),
    sources: [free.meta, freeSubdomains.meta, edu.meta, gov.meta, psl],
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
 * The data/free-mail-subdomains.txt entry that covers `domain` (`nc.rr.com` → `rr.com`), or null.
 * Walks the domain and its parents on label boundaries and stops at the registrable domain, so a
 * look-alike (`evilrr.com`) or a name that merely contains an entry (`rr.com.evil.net`, whose
 * registrable domain is evil.net) never matches. At most a handful of Set look-ups per domain: a
 * run asks this once for each of its ~50k distinct domains.
 */
function freeParent(domain: string, registrable: string | null, parents: ReadonlySet<string>): string | null {
  if (registrable === null || parents.size === 0) return null;
  let d = domain;
  for (;;) {
    if (parents.has(d)) return d;
    if (d === registrable) return null;
    const dot = d.indexOf(".");
    if (dot < 0) return null;
    d = d.slice(dot + 1);
  }
}

/**
 * Which entry, if any, makes this domain disposable. Walks from the domain itself up through its
 * parents (most specific first) and stops at the first level that decides:
 *  1. a user `allow` entry → not disposable (keeping a good address is the safer mistake);
 *  2. a user `deny` entry → disposable;
 *  3. a domain in our free-mail list, or the provider of a free-subdomain entry (`rr.com` for
 *     `*.rr.com`) → not disposable. Free and disposable never overlap: the npm list occasionally
 *     names a long-standing webmail provider (21cn.com), and losing real subscribers is worse than
 *     keeping a throwaway one;
 *  4. the npm list: an exact entry (index.json) or a wildcard parent (wildcard.json) matches the
 *     domain and all its subdomains, since whoever runs the parent runs the subdomains. Below a
 *     free-subdomain provider it is not consulted at all: `*.rr.com` says every `x.rr.com` is a
 *     subscriber's mailbox, so an npm entry for one of them loses to it as free-mail entries do.
 * User entries are still honoured at every level down to that provider, and a `deny` of the
 * provider itself beats our list as it does for exact free domains.
 * A bare public suffix (`com`, `co.uk`) is never looked up, so no list entry can condemn a whole TLD.
 */
function findDisposable(
  domain: string,
  registrable: string | null,
  lists: DomainLists,
  allow: ReadonlySet<string>,
  deny: ReadonlySet<string>,
): string | null {
  const { exact, wildcard } = disposableData();
  const provider = freeParent(domain, registrable, lists.freeParents);
  const levels = selfAndParents(domain);
  const at = registrable === null ? -1 : levels.indexOf(registrable);
  for (const level of levels.slice(0, at + 1 || 1)) {
    if (allow.has(level)) return null;
    if (deny.has(level)) return level;
    if (lists.free.has(level) || level === provider) return null;
    if (provider === null && (exact.has(level) || wildcard.has(level))) return level;
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
    // Each spelling with its own registrable domain (tldts answers punycode and Unicode alike).
    const forms = spellings(d).map((s) => ({ s, registrable: s === d ? registrable : registrableDomain(s) }));
    let disposable: string | null = null;
    for (const f of forms) {
      disposable = findDisposable(f.s, f.registrable, lists, allow, deny);
      if (disposable !== null) break;
    }
    const free =
      disposable === null &&
      forms.some((f) => lists.free.has(f.s) || freeParent(f.s, f.registrable, lists.freeParents) !== null);
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
