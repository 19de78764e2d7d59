import { inNetwork, macroIp, sameAddress, type IpFamily } from "./ip.js";
import { describeFailure, type SenderResolver } from "./resolver.js";
import { isSpfRecord, parseSpf, type SpfMechanism, type SpfQualifier, type SpfRecord } from "./spf-parse.js";

/**
 * SPF evaluation, RFC 7208 §4 (check_host) and §5 (mechanisms), over the audit's resolver.
 *
 * Two modes share one walk:
 * - with an IP: the real evaluation; the first match, permerror or temperror ends it.
 * - without one: an IP that matches nothing, which is the worst case for the lookup limits —
 *   every mechanism up to each record's "all" is evaluated. Problems are collected rather than
 *   ending the walk, so one audit lists all of them, and lookups are counted past the limit so the
 *   report can say how many the record needs.
 */

export type SpfResult = "pass" | "fail" | "softfail" | "neutral" | "none" | "temperror" | "permerror";

/** §4.6.4: at most 10 mechanisms and modifiers that query DNS. */
export const SPF_LOOKUP_LIMIT = 10;
/** §4.6.4: at most 2 of those lookups may come back empty (NODATA or NXDOMAIN). */
export const SPF_VOID_LIMIT = 2;
/** §4.6.4: an "mx" mechanism may look at no more than 10 MX records; "ptr" uses at most 10 names. */
const PER_MECHANISM_LIMIT = 10;
/** Without an IP the walk goes on past the limit to count; this bounds it on absurd records. */
const COUNT_CAP = 60;

export type SpfProblem =
  | { readonly kind: "loop"; readonly domain: string; readonly chain: readonly string[] }
  | { readonly kind: "include_missing"; readonly domain: string; readonly via: string }
  | { readonly kind: "multiple"; readonly domain: string; readonly count: number }
  | { readonly kind: "syntax"; readonly domain: string; readonly errors: readonly string[] }
  | { readonly kind: "too_many_mx"; readonly domain: string; readonly via: string; readonly count: number }
  | { readonly kind: "temperror"; readonly domain: string; readonly via: string; readonly why: string }
  | { readonly kind: "macro_skipped"; readonly domain: string; readonly via: string }
  | { readonly kind: "ptr_used"; readonly domain: string; readonly via: string };

export interface SpfVisited {
  readonly domain: string;
  readonly record: string;
}

export interface SpfEvaluation {
  /** With an IP: the check_host() result. Without: the result for an IP nothing authorises. */
  readonly result: SpfResult;
  /** The mechanism that decided, e.g. "ip4:192.0.2.0/24" in "_spf.example.com"; null when none matched. */
  readonly matched: { readonly domain: string; readonly mechanism: string } | null;
  /** Mechanisms and modifiers that queried DNS (the §4.6.4 count); may exceed the limit without an IP. */
  readonly lookups: number;
  readonly voidLookups: number;
  readonly problems: readonly SpfProblem[];
  /** Every SPF record read, top first. */
  readonly records: readonly SpfVisited[];
}

export interface SpfEvalOptions {
  /** Normalised (see ip.ts normalizeIp). */
  readonly ip?: { readonly ip: string; readonly family: IpFamily };
  /** The envelope sender's local part for %{s}/%{l}; default "postmaster" (§4.3). */
  readonly localPart?: string;
}

type Outcome = { readonly result: SpfResult; readonly matched: { domain: string; mechanism: string } | null };

class Walk {
  lookups = 0;
  voids = 0;
  readonly problems: SpfProblem[] = [];
  readonly records: SpfVisited[] = [];

  constructor(
    private readonly resolver: SenderResolver,
    private readonly ip: { readonly ip: string; readonly family: IpFamily } | undefined,
    private readonly sender: { readonly local: string; readonly domain: string },
  ) {}

  get counting(): boolean {
    return this.ip === undefined;
  }

  /** Count one DNS-querying term; true when evaluation must stop with permerror. */
  private spend(): boolean {
    this.lookups++;
    if (this.counting) return this.lookups > COUNT_CAP;
    return this.lookups > SPF_LOOKUP_LIMIT;
  }

  private void(): boolean {
    this.voids++;
    return !this.counting && this.voids > SPF_VOID_LIMIT;
  }

  /** Read and parse the SPF record of `domain` (§4.4, §4.5). */
  async fetch(domain: string, via: string): Promise<{ kind: "record"; record: SpfRecord } | { kind: "result"; result: SpfResult }> {
    const txt = await this.resolver.txt(domain);
    if (!txt.ok) {
      if (txt.negative === null) {
        this.problems.push({ kind: "temperror", domain, via, why: describeFailure(txt) });
        return { kind: "result", result: "temperror" };
      }
      return { kind: "result", result: "none" };
    }
    const spf = txt.value.filter(isSpfRecord);
    if (spf.length === 0) return { kind: "result", result: "none" };
    if (spf.length > 1) {
      this.problems.push({ kind: "multiple", domain, count: spf.length });
      return { kind: "result", result: "permerror" };
    }
    const text = spf[0] ?? "";
    this.records.push({ domain, record: text });
    const parsed = parseSpf(text);
    if (!parsed.ok) {
      this.problems.push({ kind: "syntax", domain, errors: parsed.errors });
      return { kind: "result", result: "permerror" };
    }
    return { kind: "record", record: parsed.record };
  }

  /** check_host() for a domain whose record is already read; `chain` holds the domains above it. */
  async evaluate(domain: string, record: SpfRecord, chain: readonly string[]): Promise<Outcome> {
    let failed: SpfResult | null = null; // without an IP, the first error is remembered and the walk goes on
    for (const m of record.mechanisms) {
      const r = await this.mechanism(domain, m, chain);
      if (r === "match") return { result: qualifierResult(m.qualifier), matched: { domain, mechanism: m.text } };
      if (r === "permerror" || r === "temperror") {
        if (!this.counting || this.lookups > COUNT_CAP) return { result: r, matched: null };
        failed ??= r;
      }
    }
    // §6.1: redirect is ignored when the record has an "all" mechanism.
    if (record.redirect !== null && !record.mechanisms.some((m) => m.kind === "all")) {
      const via = `redirect=${record.redirect}`;
      if (this.spend()) return { result: "permerror", matched: null };
      const target = this.expand(record.redirect, domain, via);
      if (target === null) return { result: failed ?? "neutral", matched: null };
      const sub = await this.descend(target, via, chain);
      // §6.1: a redirect to a domain without an SPF record is a permerror.
      if (sub.result === "none") return { result: "permerror", matched: null };
      return failed !== null ? { result: failed, matched: null } : sub;
    }
    return { result: failed ?? "neutral", matched: null }; // §4.7: no match, no redirect → neutral
  }

  /** Follow include/redirect into `target`, guarding against loops. */
  private async descend(target: string, via: string, chain: readonly string[]): Promise<Outcome> {
    if (chain.includes(target)) {
      this.problems.push({ kind: "loop", domain: target, chain: [...chain, target] });
      return { result: "permerror", matched: null };
    }
    const got = await this.fetch(target, via);
    if (got.kind === "result") {
      if (got.result === "none") {
        this.problems.push({ kind: "include_missing", domain: target, via });
        if (this.void()) return { result: "permerror", matched: null };
      }
      return { result: got.result, matched: null };
    }
    return this.evaluate(target, got.record, [...chain, target]);
  }

  private async mechanism(domain: string, m: SpfMechanism, chain: readonly string[]): Promise<"match" | "no" | "permerror" | "temperror"> {
    switch (m.kind) {
      case "all":
        return "match";
      case "ip4":
      case "ip6":
        return this.ip !== undefined && inNetwork(this.ip.ip, this.ip.family, m.address, m.prefix) ? "match" : "no";
      case "include": {
        if (this.spend()) return "permerror";
        const target = this.expand(m.domain, domain, m.text);
        if (target === null) return "no";
        const sub = await this.descend(target, m.text, chain);
        // §5.2: an include matches on pass; "none" is a permerror; errors propagate.
        switch (sub.result) {
          case "pass":
            return "match";
          case "fail":
          case "softfail":
          case "neutral":
            return "no";
          case "none":
          case "permerror":
            return "permerror";
          case "temperror":
            return "temperror";
        }
        return "no";
      }
      case "a": {
        if (this.spend()) return "permerror";
        const target = m.domain === null ? domain : this.expand(m.domain, domain, m.text);
        if (target === null) return "no";
        const got = await this.addresses(target, domain, m.text);
        if (typeof got === "string") return got;
        return this.matchesAny(got, m.cidr4, m.cidr6) ? "match" : "no";
      }
      case "mx": {
        if (this.spend()) return "permerror";
        const target = m.domain === null ? domain : this.expand(m.domain, domain, m.text);
        if (target === null) return "no";
        const mx = await this.resolver.mx(target);
        if (!mx.ok) {
          if (mx.negative === null) return this.temp(domain, m.text, describeFailure(mx));
          return this.void() ? "permerror" : "no";
        }
        const hosts = mx.value.filter((r) => r.exchange !== "");
        if (hosts.length === 0) return this.void() ? "permerror" : "no";
        if (hosts.length > PER_MECHANISM_LIMIT) {
          this.problems.push({ kind: "too_many_mx", domain, via: m.text, count: hosts.length });
          return "permerror";
        }
        for (const h of hosts) {
          const got = await this.addresses(h.exchange, domain, m.text, false);
          if (typeof got === "string") {
            if (got === "temperror") return got;
            continue;
          }
          if (this.matchesAny(got, m.cidr4, m.cidr6)) return "match";
        }
        return "no";
      }
      case "ptr": {
        this.problems.push({ kind: "ptr_used", domain, via: m.text });
        if (this.spend()) return "permerror";
        if (this.ip === undefined) return "no";
        const target = m.domain === null ? domain : this.expand(m.domain, domain, m.text);
        if (target === null) return "no";
        return (await this.validatedPtr(target)) ? "match" : "no";
      }
      case "exists": {
        if (this.spend()) return "permerror";
        const target = this.expand(m.domain, domain, m.text);
        if (target === null) return "no";
        // §5.7: an A query whatever the connection's address family.
        const a = await this.resolver.a(target);
        if (!a.ok) {
          if (a.negative === null) return this.temp(domain, m.text, describeFailure(a));
          return this.void() ? "permerror" : "no";
        }
        return a.value.length > 0 ? "match" : this.void() ? "permerror" : "no";
      }
    }
  }

  private temp(domain: string, via: string, why: string): "temperror" {
    this.problems.push({ kind: "temperror", domain, via, why });
    return "temperror";
  }

  /**
   * A (and, for IPv6 connections, AAAA) of `host`. Without an IP both are asked, so a name with
   * only AAAA does not count as a void lookup.
   */
  private async addresses(host: string, domain: string, via: string, countVoid = true): Promise<readonly string[] | "permerror" | "temperror"> {
    const families = this.ip === undefined ? (["ipv4", "ipv6"] as const) : [this.ip.family];
    const found: string[] = [];
    for (const f of families) {
      const l = await (f === "ipv4" ? this.resolver.a(host) : this.resolver.aaaa(host));
      if (l.ok) found.push(...l.value);
      else if (l.negative === null) return this.temp(domain, via, describeFailure(l));
    }
    if (found.length === 0 && countVoid) return this.void() ? "permerror" : [];
    return found;
  }

  private matchesAny(addresses: readonly string[], cidr4: number, cidr6: number): boolean {
    const ip = this.ip;
    if (ip === undefined) return false;
    return addresses.some((a) => inNetwork(ip.ip, ip.family, a, ip.family === "ipv4" ? cidr4 : cidr6));
  }

  /** §5.5: a PTR name of the IP that forward-resolves back to it and is (under) `target`. */
  private async validatedPtr(target: string): Promise<boolean> {
    const ip = this.ip;
    if (ip === undefined) return false;
    const names = await this.resolver.ptr(ip.ip);
    if (!names.ok) return false; // §5.5: DNS errors here just mean no match
    for (const name of names.value.slice(0, PER_MECHANISM_LIMIT)) {
      if (name !== target && !name.endsWith(`.${target}`)) continue;
      const l = await (ip.family === "ipv4" ? this.resolver.a(name) : this.resolver.aaaa(name));
      if (l.ok && l.value.some((a) => sameAddress(a, ip.ip))) return true;
    }
    return false;
  }

  /** §7: expand macros in a domain-spec; null (and a note) when it needs an IP we do not have. */
  private expand(spec: string, domain: string, via: string): string | null {
    if (!spec.includes("%")) return spec.toLowerCase().replace(/\.$/, "");
    const ip = this.ip;
    if (ip === undefined && /%\{[ipvIPV]/.test(spec)) {
      this.problems.push({ kind: "macro_skipped", domain, via });
      return null;
    }
    const values: Record<string, string> = {
      s: `${this.sender.local}@${this.sender.domain}`,
      l: this.sender.local,
      o: this.sender.domain,
      d: domain,
      i: ip === undefined ? "" : macroIp(ip.ip, ip.family),
      // §7.3: "p" is discouraged and costly; "unknown" is what a receiver uses when it cannot validate.
      p: "unknown",
      v: ip?.family === "ipv6" ? "ip6" : "in-addr",
      h: this.sender.domain,
    };
    let out = spec.replace(/%(?:\{([a-zA-Z])(\d*)(r?)([-.+,/_=]*)\}|([%_-]))/g, (_all, letter: string | undefined, digits: string, rev: string, delims: string, esc: string | undefined) => {
      if (esc !== undefined) return esc === "%" ? "%" : esc === "_" ? " " : "%20";
      const key = (letter ?? "").toLowerCase();
      let parts = (values[key] ?? "").split(new RegExp(`[${escapeClass(delims === "" ? "." : delims)}]`));
      if (rev === "r") parts = parts.reverse();
      if (digits !== "") parts = parts.slice(-Number(digits));
      const joined = parts.join(".");
      return letter !== undefined && letter !== key ? encodeURIComponent(joined) : joined;
    });
    // §7.3: a result longer than 253 characters loses labels from the left.
    while (out.length > 253 && out.includes(".")) out = out.slice(out.indexOf(".") + 1);
    return out.toLowerCase().replace(/\.$/, "");
  }
}

function escapeClass(chars: string): string {
  return chars.replace(/[-\\\]^/]/g, (c) => `\\${c}`);
}

function qualifierResult(q: SpfQualifier): SpfResult {
  switch (q) {
    case "+":
      return "pass";
    case "-":
      return "fail";
    case "~":
      return "softfail";
    case "?":
      return "neutral";
  }
}

/**
 * Evaluate the SPF policy of `domain` (the top record must already be known to exist and parse:
 * pass it in). The top-level record read is not one of the counted lookups (§4.6.4).
 */
export async function evaluateSpf(domain: string, record: SpfRecord, recordText: string, resolver: SenderResolver, opts: SpfEvalOptions = {}): Promise<SpfEvaluation> {
  const walk = new Walk(resolver, opts.ip, { local: opts.localPart ?? "postmaster", domain });
  walk.records.push({ domain, record: recordText });
  let out = await walk.evaluate(domain, record, [domain]);
  if (walk.counting && (walk.lookups > SPF_LOOKUP_LIMIT || walk.voids > SPF_VOID_LIMIT)) out = { result: "permerror", matched: null };
  return { result: out.result, matched: out.matched, lookups: walk.lookups, voidLookups: walk.voids, problems: walk.problems, records: walk.records };
}
