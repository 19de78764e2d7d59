import type { DataSource } from "../domains/data.js";
export type { DataSource } from "../domains/data.js";
import { domainLists } from "../domains/index.js";
import { matchesSector } from "../domains/sectors.js";
import { isDelegatedTld, lastLabel, publicSuffix, registrableDomain } from "../domains/tld.js";
import { osaDistance } from "./distance.js";
import { isKeyboardSlip } from "./keyboard.js";
import { fromRussianLayout } from "./layout.js";
import { NEAR_EDITS, nearKnown, typoLists, type TypoLists } from "./lists.js";
import { repairDomain, repairSlip as repairSlipWith, type DomainRepair } from "./slips.js";

export type TypoDecision =
  | { readonly kind: "none" }
  | { readonly kind: "fix"; readonly to: string; readonly why: string }
  | { readonly kind: "suggest"; readonly to: string; readonly why: string; readonly dnsUpgradable: boolean };

export interface TypoCorrector {
  /** Memoised per instance. Receives the Unicode lower-case domain. */
  decide(domain: string): TypoDecision;
  /** Repairs slips in a whole normalised address (`user@@gmail.com`, `user@mail,ru`). */
  repairSlip(value: string): { readonly value: string; readonly why: string } | null;
  sources(): readonly DataSource[];
}

const NONE: TypoDecision = Object.freeze({ kind: "none" });

/**
 * Labels shorter than this are never "one letter away" from a provider under a real TLD: `wed.de`,
 * `gme.de`, `bq.ru` are plausible company names, and a 3-letter label is one edit from dozens of
 * real domains.
 */
const MIN_LABEL_FOR_LETTER_EDIT = 5;
/** Same rule for a changed suffix under an unchanged label (`mail.co` → `mail.com`). */
const MIN_LABEL_FOR_SUFFIX_EDIT = 4;
/** A two-edit fix needs a long target: `hotmial.con` is clear, `ab.ri` is not. */
const MIN_TARGET_FOR_TWO_EDITS = 9;

/**
 * The correction policy (design: "Typo policy"; a wrong correction sends mail to a stranger, so it
 * is worse than a missed one):
 *
 * - a provider, any free-mail domain, a subdomain of one, or an academic/government domain is
 *   never touched (`gmx.com`, `list.ru`, `mil.ru`, `yahoo.co.jp`);
 * - a listed typo-domain (data/typo-domains.txt) is fixed to its provider;
 * - under a TLD that does not exist, the nearest known mailbox domain (free-mail ∪ providers) is
 *   fixed when it is the only one at the smallest distance (1, or 2 for long names) and the typed
 *   name is not a truncation of several (`yahoo.c`); otherwise a TLD slip (`.con`) is suggested
 *   for the same name;
 * - under a real TLD, a domain one edit from exactly one provider is only *suggested*, with
 *   `dnsUpgradable` so the pipeline can fix it when DNS shows it receives no mail.
 */
function decideWith(raw: string, lists: TypoLists, edu: ReadonlySet<string>, gov: ReadonlySet<string>): TypoDecision {
  const domain = raw.trim().toLowerCase().replace(/\.$/, "");
  if (!domain.includes(".")) return NONE;
  // IDN domains are left to the mixed-script check: measuring edits between a Cyrillic look-alike
  // and a Latin provider would "correct" an impersonation into the brand it imitates. The one
  // exception reads the whole domain back through the Russian layout (layout.ts), exactly.
  if (!/^[a-z0-9.-]+$/.test(domain)) return decideLayout(domain, lists);
  if (lists.known.has(domain)) return NONE;

  const listed = lists.typoDomains.get(domain);
  if (listed !== undefined) {
    return { kind: "fix", to: listed, why: `${domain} is a known misspelling of ${listed}` };
  }

  const tld = lastLabel(domain);
  if (!isDelegatedTld(tld)) return decideUndelegated(domain, tld, lists);

  const registrable = registrableDomain(domain);
  if (registrable === null) return NONE;
  if (registrable !== domain) return decideZoneSlip(domain, registrable, lists); // else a mail host of an organisation
  if (lists.known.has(registrable)) return NONE;
  if (matchesSector(registrable, domain, edu) || matchesSector(registrable, domain, gov)) return NONE;
  return decideDelegated(domain, lists);
}

/**
 * `ьфшд.кг` → mail.ru: fixed only when the typed TLD does not exist (so a real Cyrillic domain
 * under .рф, .рус or .com is never touched) and the Latin reading is exactly a known mailbox
 * domain. No edit distance on top: two independent slips are not a clear intent.
 */
function decideLayout(domain: string, lists: TypoLists): TypoDecision {
  const tld = lastLabel(domain);
  if (isDelegatedTld(tld)) return NONE;
  const latin = fromRussianLayout(domain);
  if (latin === null || !lists.known.has(latin)) return NONE;
  return { kind: "fix", to: latin, why: `${domain} is ${latin} typed on the Russian keyboard layout` };
}

function decideUndelegated(domain: string, tld: string, lists: TypoLists): TypoDecision {
  // The typed domain cannot exist, so any known mailbox domain may be the target; the more of
  // them are compared, the more often a typo is recognised as ambiguous and left alone.
  let best = 3;
  let winners: string[] = [];
  for (const known of nearKnown(domain, lists)) {
    const d = osaDistance(domain, known, NEAR_EDITS);
    if (d < best) {
      best = d;
      winners = [known];
    } else if (d === best) {
      winners.push(known);
    }
  }
  // Several known domains equally near (`yandex.ry`: yandex.ru and yandex.by): keep the one a
  // finger plausibly slipped from, if only one is (see keyboard.ts).
  if (winners.length > 1 && best === 1) {
    const slips = winners.filter((w) => isKeyboardSlip(domain, w));
    if (slips.length === 1) winners = slips;
  }
  const only = winners.length === 1 ? winners[0] : undefined;
  const why = `.${tld} is not a top-level domain`;
  if (
    only !== undefined &&
    (best === 1 || (best === 2 && only.length >= MIN_TARGET_FOR_TWO_EDITS)) &&
    !truncatesSeveral(domain, lists)
  ) {
    return { kind: "fix", to: only, why };
  }
  const intended = lists.tldTypos.get(tld);
  if (intended !== undefined) {
    const to = `${domain.slice(0, domain.length - tld.length)}${intended}`;
    // The listed TLD slip leads to a known mailbox domain and nothing else known is as near
    // (`gmail.comcom`, three edits from gmail.com but only one TLD slip): the provider is the intent.
    if (lists.known.has(to) && winners.length === 0) return { kind: "fix", to, why };
    // Otherwise never a fix: the name before the TLD may itself be mistyped.
    return { kind: "suggest", to, why, dnsUpgradable: false };
  }
  return NONE;
}

/**
 * `yahoo.c` is one edit from yahoo.ca and two from yahoo.com, yet nothing says which was meant:
 * a domain cut short is ambiguous whenever it begins more than one known domain.
 */
function truncatesSeveral(domain: string, lists: TypoLists): boolean {
  let n = 0;
  for (const k of lists.known) if (k.length > domain.length && k.startsWith(domain) && ++n > 1) return true;
  return false;
}

/**
 * `uol.con.br`, `hotmail.com.mz`, `yahoo.co.jo`: a provider's exact name under a country zone
 * whose second level is not a registry category (not on the Public Suffix List), one slip away
 * from the category the provider lives in (`com.br`, `com.mx`, `co.jp`). tldts reads `con.br` as
 * an organisation and `uol` as one of its hosts, so the rule for organisations' hosts would never
 * look at it; yet the provider's name followed by a zone one slip from its own is the clear
 * reading, and `con.br` may exist but is not the provider. Only ever a suggestion, which DNS
 * upgrades to a fix when the typed domain cannot receive mail.
 */
function decideZoneSlip(domain: string, registrable: string, lists: TypoLists): TypoDecision {
  const dot = domain.indexOf(".");
  // Exactly `<name>.<zone>` with a two-label zone: a longer host (`mx1.uol.con.br`) is somebody's
  // infrastructure, not a typed provider address.
  if (domain.slice(dot + 1) !== registrable || registrable.split(".").length !== 2) return NONE;
  const label = domain.slice(0, dot);
  const found = (lists.targetsByLabel.get(label) ?? []).filter(
    (t) => t.suffix.includes(".") && osaDistance(registrable, t.suffix, 1) === 1,
  );
  const only = found.length === 1 ? found[0] : undefined;
  if (only === undefined) return NONE; // nothing near, or two zones equally near: no guess
  return {
    kind: "suggest",
    to: only.domain,
    why: `${registrable} is not a registry zone; ${only.suffix} is one slip away`,
    dnsUpgradable: true,
  };
}

function decideDelegated(domain: string, lists: TypoLists): TypoDecision {
  const suffix = publicSuffix(domain);
  if (suffix === null || suffix === domain) return NONE;
  const label = domain.slice(0, domain.length - suffix.length - 1);
  const found = new Set<string>();

  // One letter off in the name, same suffix: `gmaik.com`. The first letter must match: people
  // rarely miss the first letter of their provider, while company names differ there (`wahoo`).
  if (label.length >= MIN_LABEL_FOR_LETTER_EDIT) {
    for (const t of lists.targetsBySuffix.get(suffix) ?? []) {
      if (t.label.length >= MIN_LABEL_FOR_LETTER_EDIT && t.label[0] === label[0] && osaDistance(label, t.label, 1) === 1) {
        found.add(t.domain);
      }
    }
  }
  if (label.length >= MIN_LABEL_FOR_SUFFIX_EDIT) {
    const sameName = lists.targetsByLabel.get(label) ?? [];
    // Same name, suffix one edit away: `mail.co`, `yahoo.cm`, `hotmail.com.bt`.
    const slipped = sameName.filter((t) => osaDistance(suffix, t.suffix, 1) === 1);
    for (const t of slipped) found.add(t.domain);
    // Same name under a country's commercial zone where the provider has none: `gmail.co.uk`.
    // Only when no zone of the provider is one slip away: `hotmail.com.bt` is Hotmail Brazil
    // mistyped, not hotmail.com.
    if (slipped.length === 0 && label.length >= MIN_LABEL_FOR_LETTER_EDIT && (suffix.startsWith("co.") || suffix.startsWith("com."))) {
      for (const t of sameName) if (t.suffix === "com") found.add(t.domain);
    }
  }
  if (found.size !== 1) return NONE; // nothing near, or two providers equally near: no guess
  const [to] = found;
  if (to === undefined) return NONE;
  return { kind: "suggest", to, why: `${domain} is one slip away from ${to}`, dnsUpgradable: true };
}

export function createTypoCorrector(opts?: {
  /** Memoise decide() per domain (default); off when the caller memoises whole analyses. */
  memo?: boolean;
}): TypoCorrector {
  const memoise = opts?.memo ?? true;
  const memo = new Map<string, TypoDecision>();
  // Per domain, not per address: a million addresses share a few thousand domains.
  const slipMemo = new Map<string, DomainRepair | null>();
  const repairDomainMemo = (domain: string): DomainRepair | null => {
    const hit = slipMemo.get(domain);
    if (hit !== undefined) return hit;
    const lists = typoLists();
    const result = repairDomain(domain, lists.dotless, lists.bare);
    slipMemo.set(domain, result);
    return result;
  };
  return {
    decide(domain: string): TypoDecision {
      const hit = memo.get(domain);
      if (hit !== undefined) return hit;
      const { edu, gov } = domainLists();
      const decision = Object.freeze(decideWith(domain, typoLists(), edu, gov));
      if (memoise) memo.set(domain, decision);
      return decision;
    },
    repairSlip(value: string) {
      return repairSlipWith(value, repairDomainMemo);
    },
    sources(): readonly DataSource[] {
      return typoLists().sources;
    },
  };
}
