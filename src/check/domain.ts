import { domainToASCII } from "node:url";
import type { DnsChecker, DomainDns } from "../dns/index.js";
import { dnsReasons } from "../dns/index.js";
import type { DomainCheckCache } from "../address/index.js";
import type { DomainIntel } from "../domains/index.js";
import type { Reason } from "../reasons.js";
import { detach, exact } from "../owned.js";
import type { TypoCorrector } from "../typos/index.js";

export type TypoMode = "fix" | "suggest" | "off";

export type TypoOutcome =
  | { readonly kind: "fixed"; readonly from: string; readonly to: string; readonly why: string }
  | { readonly kind: "suggested"; readonly to: string; readonly why: string };

/** Everything decided about one domain: computed once per distinct domain per run. */
export interface DomainAnalysis {
  /** The domain the address is written with: the typed one, or the correction. */
  readonly domain: string;
  readonly asciiDomain: string;
  readonly typo: TypoOutcome | null;
  /** Domain-level reasons (TLD, disposable/free/corporate/…, DNS); typo reasons are row-level. */
  readonly reasons: readonly Reason[];
  readonly dns: DomainDns | null;
}

export interface DomainAnalyzerDeps {
  readonly intel: DomainIntel;
  readonly typos: TypoCorrector;
  /** null when offline: no DNS at all. */
  readonly dns: DnsChecker | null;
  readonly typoMode: TypoMode;
}

/** A typed domain that DNS says cannot receive mail. Transient answers are never evidence. */
function isDead(r: DomainDns): boolean {
  return r.kind === "not_found" || r.kind === "no_mail_server" || r.kind === "null_mx";
}

function receivesMail(r: DomainDns): boolean {
  return r.kind === "mx" || r.kind === "implicit_mx";
}

/**
 * Per-domain analysis, memoised. With DNS the answer is a promise, and concurrent callers for the
 * same domain share it (single flight); once settled, callers get the value synchronously so the
 * offline path never allocates a promise per row.
 */
export class DomainAnalyzer {
  private readonly memo = new Map<string, DomainAnalysis | Promise<DomainAnalysis>>();
  /** Per-run memo of domain syntax checks, shared by every cell (see DomainCheckCache). */
  readonly syntaxCache: DomainCheckCache = new Map();

  constructor(private readonly deps: DomainAnalyzerDeps) {}

  get typoMode(): TypoMode {
    return this.deps.typoMode;
  }

  /** Mechanical slips of a whole address (`@@`, `mail,ru`, `gmailcom`), per the typo module. */
  repairSlip(value: string): { value: string; why: string } | null {
    return this.deps.typos.repairSlip(value);
  }

  analyze(domain: string, asciiDomain: string): DomainAnalysis | Promise<DomainAnalysis> {
    const hit = this.memo.get(domain);
    if (hit !== undefined) return hit;
    // The memo lives for the whole run: store copies that do not pin the input chunk the
    // strings were sliced from (see detach()). The syntax cache usually holds such a copy of
    // this very domain already; one copy then serves both memos.
    const checked = this.syntaxCache.get(domain);
    const known = checked !== undefined && "unicode" in checked ? checked : null;
    const owned = known !== null && known.unicode === domain ? known.unicode : detach(domain);
    asciiDomain =
      asciiDomain === domain ? owned : known !== null && known.ascii === asciiDomain ? known.ascii : detach(asciiDomain);
    domain = owned;
    const result = this.compute(domain, asciiDomain);
    if (result instanceof Promise) {
      const settled = result.then((value) => {
        this.memo.set(domain, value);
        return value;
      });
      this.memo.set(domain, settled);
      return settled;
    }
    this.memo.set(domain, result);
    return result;
  }

  /** Distinct domains analysed so far. */
  get size(): number {
    return this.memo.size;
  }

  /** The settled analysis of a domain as written (after any correction), if there is one. */
  get(domain: string): DomainAnalysis | undefined {
    const hit = this.memo.get(domain);
    return hit === undefined || hit instanceof Promise ? undefined : hit;
  }

  /** Settled analyses, for the report's per-domain section. */
  *settled(): Iterable<[string, DomainAnalysis]> {
    for (const [domain, value] of this.memo) if (!(value instanceof Promise)) yield [domain, value];
  }

  private compute(domain: string, asciiDomain: string): DomainAnalysis | Promise<DomainAnalysis> {
    const { typos, typoMode, dns } = this.deps;
    const decision = typoMode === "off" ? ({ kind: "none" } as const) : typos.decide(domain);
    if (decision.kind === "fix") {
      const typo: TypoOutcome =
        typoMode === "fix"
          ? { kind: "fixed", from: domain, to: decision.to, why: decision.why }
          : { kind: "suggested", to: decision.to, why: decision.why };
      return typo.kind === "fixed" ? this.finish(decision.to, toAscii(decision.to), typo) : this.finish(domain, asciiDomain, typo);
    }
    if (decision.kind === "suggest") {
      const suggested: TypoOutcome = { kind: "suggested", to: decision.to, why: decision.why };
      if (typoMode === "fix" && decision.dnsUpgradable && dns !== null) {
        // DNS evidence (issue 3): the typed domain cannot receive mail while the intended
        // provider can — then the correction is confident.
        return Promise.all([dns.check(asciiDomain), dns.check(toAscii(decision.to))]).then(([typed, intended]) => {
          if (isDead(typed) && receivesMail(intended)) {
            const why = `${domain} cannot receive mail and ${decision.to} can`;
            return this.finish(decision.to, toAscii(decision.to), { kind: "fixed", from: domain, to: decision.to, why });
          }
          return this.finish(domain, asciiDomain, suggested);
        });
      }
      return this.finish(domain, asciiDomain, suggested);
    }
    return this.finish(domain, asciiDomain, null);
  }

  private finish(domain: string, asciiDomain: string, typo: TypoOutcome | null): DomainAnalysis | Promise<DomainAnalysis> {
    const { intel, dns } = this.deps;
    const info = intel.info(domain);
    if (!info.tldKnown) {
      // Not a delegated TLD and no confident correction: no DNS query can find it either.
      return { domain, asciiDomain, typo, reasons: [{ code: "syntax_invalid", rule: "tld_invalid" }], dns: null };
    }
    const reasons = intel.reasons(info);
    if (dns === null) return { domain, asciiDomain, typo, reasons: exact(reasons), dns: null };
    return dns.check(asciiDomain).then((answer) => ({
      domain,
      asciiDomain,
      typo,
      reasons: exact([...reasons, ...dnsReasons(domain, answer)]),
      dns: answer,
    }));
  }
}


function toAscii(domain: string): string {
  return domainToASCII(domain) || domain;
}
