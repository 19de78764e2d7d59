import { loadDataList, pairs, type DataSource } from "../domains/data.js";
import { once } from "../once.js";
import { domainLists } from "../domains/index.js";
import { publicSuffix } from "../domains/tld.js";
import { deletionVariants } from "./distance.js";

/** The most edits a correction ever spans (design: two, and only for long names). */
export const NEAR_EDITS = 2;

/** The shortest provider name that is completed when typed with no suffix at all. */
export const MIN_BARE_LABEL = 5;

/** A correction target split at its public suffix: `uol.com.br` → `uol` + `com.br`. */
export interface Target {
  readonly domain: string;
  readonly label: string;
  readonly suffix: string;
}

export interface TypoLists {
  /** data/providers.txt: the only domains a correction may point to. */
  readonly targets: readonly Target[];
  readonly targetsBySuffix: ReadonlyMap<string, readonly Target[]>;
  readonly targetsByLabel: ReadonlyMap<string, readonly Target[]>;
  /** Every domain that is itself a mailbox provider: never corrected (free-mail ∪ providers). */
  readonly known: ReadonlySet<string>;
  /** Deletion variant (up to two characters) → the known domains that produce it. */
  readonly nearIndex: ReadonlyMap<string, readonly string[]>;
  /** data/typo-domains.txt: registered look-alike → intended provider. */
  readonly typoDomains: ReadonlyMap<string, string>;
  /** data/tld-typos.txt: undelegated TLD → intended TLD. */
  readonly tldTypos: ReadonlyMap<string, string>;
  /** Dot-less spelling → provider (`gmailcom` → `gmail.com`), only where unambiguous. */
  readonly dotless: ReadonlyMap<string, string>;
  /** A provider's name with no suffix at all → provider (`gmail` → `gmail.com`), only where unambiguous. */
  readonly bare: ReadonlyMap<string, string>;
  readonly sources: readonly DataSource[];
}

function group(targets: readonly Target[], key: (t: Target) => string): Map<string, Target[]> {
  const out = new Map<string, Target[]>();
  for (const t of targets) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

export const typoLists = once((): TypoLists => {
  const providers = loadDataList("providers");
  const typoFile = loadDataList("typo-domains");
  const tldFile = loadDataList("tld-typos");
  const free = domainLists().free;

  const targets: Target[] = providers.lines.map((domain) => {
    const suffix = publicSuffix(domain) ?? domain;
    return { domain, suffix, label: domain.slice(0, domain.length - suffix.length - 1) };
  });
  const known = new Set<string>([...free, ...providers.lines]);

  // Two providers whose dot-less spellings collide would make "add the missing dot" a guess:
  // such a key is dropped rather than resolved either way.
  const dotless = new Map<string, string>();
  const clash = new Set<string>();
  for (const d of known) {
    const key = d.replaceAll(".", "");
    const seen = dotless.get(key);
    if (seen !== undefined && seen !== d) clash.add(key);
    else dotless.set(key, d);
  }
  for (const k of clash) dotless.delete(k);

  // `anna@gmail`: the name of exactly one known domain, typed without its suffix. Names shared by
  // several (`hotmail` .com/.de/.fr…, `yandex`, `mail`) are a guess and left out, and so are short
  // names (`web`, `bk`, `i`), which are as likely a local host or garbage as a provider.
  const labelCount = new Map<string, number>();
  for (const d of known) {
    const suffix = publicSuffix(d) ?? d;
    const label = d.slice(0, Math.max(0, d.length - suffix.length - 1));
    labelCount.set(label, (labelCount.get(label) ?? 0) + 1);
  }
  const bare = new Map<string, string>();
  for (const t of targets) {
    if (t.label.length >= MIN_BARE_LABEL && !t.label.includes(".") && labelCount.get(t.label) === 1) bare.set(t.label, t.domain);
  }

  const nearIndex = new Map<string, string[]>();
  for (const d of known) {
    for (const v of deletionVariants(d, NEAR_EDITS)) {
      const list = nearIndex.get(v);
      if (list) list.push(d);
      else nearIndex.set(v, [d]);
    }
  }

  return {
    targets,
    nearIndex,
    targetsBySuffix: group(targets, (t) => t.suffix),
    targetsByLabel: group(targets, (t) => t.label),
    known,
    typoDomains: pairs(typoFile),
    tldTypos: pairs(tldFile),
    dotless,
    bare,
    sources: [providers.meta, typoFile.meta, tldFile.meta],
  };
});

/** Known domains within NEAR_EDITS edits of `domain` (candidates only; verify with osaDistance). */
export function nearKnown(domain: string, lists: TypoLists): Set<string> {
  const out = new Set<string>();
  for (const v of deletionVariants(domain, NEAR_EDITS)) {
    for (const d of lists.nearIndex.get(v) ?? []) out.add(d);
  }
  return out;
}
