import { isIP } from "node:net";
import { Resolver } from "node:dns/promises";
import { domainToASCII } from "node:url";
import { isGloballyRoutable } from "./ip.js";
import { ttlFor } from "./policy.js";
import { providerFor } from "./providers.js";
import { parseDnsServer } from "./servers.js";
import type { DnsCache, DnsChecker, DnsOptions, DnsStats, DomainDns, DomainDnsKind } from "./types.js";
import { answer, errorCode, proveResolverAnswers, type Answer } from "./answer.js";
import { exact } from "../owned.js";

const DEFAULTS = Object.freeze({
  timeoutMs: 3000,
  tries: 2,
  concurrency: 50,
  retryDelayMs: 1500,
});

/** More MX hosts than this are not looked at: real domains publish a handful. */
const MAX_MX_HOSTS = 10;

/** The error a query settles with once close() has been called (node's own code for a cancel). */
const CANCELLED = "ECANCELLED";

/** One query's outcome: the records, an authoritative negative, or a transient failure. */

/** What resolving one host name (an MX target, or the domain itself for implicit MX) gave. */
type HostStatus =
  | { readonly kind: "routable"; readonly addresses: readonly string[] }
  | { readonly kind: "private"; readonly addresses: readonly string[] }
  | { readonly kind: "none" } // authoritative: no such name, or no A/AAAA
  | { readonly kind: "transient"; readonly error: string };

/**
 * What the per-run memo keeps of an MX host. A usable host's addresses are never shown (only a
 * private host's are, in the invalid_mx detail), and a run can see 50,000 hosts: one shared
 * value each for "usable" and "does not resolve".
 */
type HostMemo = { readonly kind: "routable" } | { readonly kind: "none" } | Extract<HostStatus, { kind: "private" }>;
const USABLE_HOST: HostMemo = Object.freeze({ kind: "routable" });
const NO_HOST: HostMemo = Object.freeze({ kind: "none" });

function memoOf(s: Exclude<HostStatus, { kind: "transient" }>): HostMemo {
  return s.kind === "routable" ? USABLE_HOST : s.kind === "none" ? NO_HOST : s;
}

function emptyByKind(): Record<DomainDnsKind, number> {
  return { mx: 0, implicit_mx: 0, null_mx: 0, not_found: 0, no_mail_server: 0, invalid_mx: 0, unknown: 0 };
}


/** Lower-case, no trailing dot; A-labels for anything non-ASCII. "" when not a usable name. */
function canonicalName(domain: string): string {
  const trimmed = domain.trim().replace(/\.$/, "");
  if (trimmed === "") return "";
  return domainToASCII(trimmed).toLowerCase();
}

/** Counting semaphore: at most `max` queries in flight; a loopback UDP buffer holds only so many. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export function createDnsChecker(opts: DnsOptions = {}): DnsChecker {
  return new Checker(opts);
}

class Checker implements DnsChecker {
  private readonly resolver: Resolver;
  private readonly limiter: Limiter;
  private readonly cache: DnsCache | undefined;
  private readonly refresh: boolean;
  private readonly retryDelayMs: number;
  /** Per run: one promise per domain, so concurrent and later checks share one lookup. */
  // Settled entries hold the value itself, not the resolved promise: a run keeps tens of
  // thousands of them, and a promise with its reaction records costs more than the answer.
  private readonly domains = new Map<string, DomainDns | Promise<DomainDns>>();
  /** Per run: MX host name → whether it is usable, shared across domains (many use the same hosts). */
  private readonly hosts = new Map<string, HostMemo | Promise<HostMemo | HostStatus>>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private readonly counters: DnsStats = { started: 0, queried: 0, cached: 0, transient: 0, retried: 0, byKind: emptyByKind() };
  private closed = false;

  constructor(opts: DnsOptions) {
    const timeout = opts.timeoutMs ?? DEFAULTS.timeoutMs;
    const tries = opts.tries ?? DEFAULTS.tries;
    const concurrency = opts.concurrency ?? DEFAULTS.concurrency;
    if (!Number.isInteger(timeout) || timeout < 1) throw new RangeError(`DNS timeout must be a positive number of milliseconds, got ${timeout}.`);
    if (!Number.isInteger(tries) || tries < 1) throw new RangeError(`DNS tries must be a positive integer, got ${tries}.`);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`DNS concurrency must be a positive integer, got ${concurrency}.`);
    // Explicit timeout and tries: node's defaults wait about 28 s on a dead server.
    this.resolver = new Resolver({ timeout, tries });
    if (opts.servers !== undefined && opts.servers.length > 0) {
      this.resolver.setServers(opts.servers.map(parseDnsServer));
    }
    this.limiter = new Limiter(concurrency);
    this.cache = opts.cache;
    this.refresh = opts.refresh ?? false;
    this.retryDelayMs = opts.retryDelayMs ?? DEFAULTS.retryDelayMs;
  }

  check(asciiDomain: string): Promise<DomainDns> {
    const name = canonicalName(asciiDomain);
    // The caller's string when it already is the canonical name: the memo keeps one copy.
    const domain = name === asciiDomain ? asciiDomain : name;
    const known = this.domains.get(domain);
    if (known !== undefined) return known instanceof Promise ? known : Promise.resolve(known);
    const pending = this.settle(domain);
    this.domains.set(domain, pending);
    void pending.then((value) => {
      if (this.domains.get(domain) === pending) this.domains.set(domain, value);
    });
    return pending;
  }

  canary(): Promise<void> {
    return proveResolverAnswers(this.resolver);
  }

  stats(): DnsStats {
    return { ...this.counters, byKind: { ...this.counters.byKind } };
  }

  servers(): readonly string[] {
    return this.resolver.getServers();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.resolver.cancel();
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.wake();
    }
    this.timers.clear();
  }

  /** The final answer for a domain: cache, else network with one retry. Never rejects. */
  private async settle(domain: string): Promise<DomainDns> {
    try {
      if (domain === "") return this.count(false, { kind: "unknown", error: "EBADNAME" });
      const hit = this.readCache(domain);
      if (hit !== undefined) return this.count(true, hit);
      this.counters.started++;
      let result = await this.lookup(domain);
      if (result.kind === "unknown" && !this.closed) {
        // "Retried once later in the run": resolvers drop queries under bursts, and a SERVFAIL
        // is often an upstream timeout. A pause lets that pass; waiters get the second answer.
        this.counters.retried++;
        await this.pause(this.retryDelayMs);
        if (!this.closed) result = await this.lookup(domain);
      }
      if (this.closed && result.kind === "unknown") result = { kind: "unknown", error: CANCELLED };
      this.writeCache(domain, result);
      return this.count(false, result);
    } catch (e) {
      // A bug or a throwing cache must not turn into a rejected row: unknown is the honest answer.
      return this.count(false, { kind: "unknown", error: errorCode(e) });
    }
  }

  private count(fromCache: boolean, result: DomainDns): DomainDns {
    if (fromCache) this.counters.cached++;
    else {
      this.counters.queried++;
      if (result.kind === "unknown") this.counters.transient++;
    }
    this.counters.byKind[result.kind]++;
    return result;
  }

  private readCache(domain: string): DomainDns | undefined {
    if (this.cache === undefined || this.refresh) return undefined;
    let hit: DomainDns | undefined;
    try {
      hit = this.cache.get(domain);
    } catch {
      return undefined; // an unreadable cache is a miss, not a failed row
    }
    // A transient answer should never have been stored; ask again rather than trust it.
    return hit?.kind === "unknown" ? undefined : hit;
  }

  private writeCache(domain: string, result: DomainDns): void {
    if (this.cache === undefined) return;
    const ttl = ttlFor(result);
    if (ttl === null) return;
    try {
      this.cache.put(domain, result, ttl);
    } catch {
      // The answer is still right for this run; the store reports its own write failures.
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.timers.add(entry);
    });
  }

  /** One attempt at a domain: MX, then the A/AAAA fallback or the MX hosts' addresses. */
  private async lookup(domain: string): Promise<DomainDns> {
    const mx = await this.query(() => this.resolver.resolveMx(domain));
    if (!mx.ok) {
      if (mx.negative === "nxdomain") return { kind: "not_found" };
      if (mx.negative === "nodata") return this.implicit(domain);
      return { kind: "unknown", error: mx.code };
    }
    // node reports the null MX "0 ." (RFC 7505) as an empty exchange.
    const real = exact(
      mx.value
        .map((r) => ({ exchange: r.exchange.toLowerCase().replace(/\.$/, ""), priority: r.priority }))
        .filter((r) => r.exchange !== "")
        .sort((a, b) => a.priority - b.priority || (a.exchange < b.exchange ? -1 : a.exchange > b.exchange ? 1 : 0)),
    );
    if (real.length === 0) {
      // RFC 7505 §3: a null MX is the only MX. An empty answer set is NODATA in all but name.
      return mx.value.length > 0 ? { kind: "null_mx" } : this.implicit(domain);
    }
    // RFC 7505 §3 says a null MX must stand alone; beside real MX it is a mistake and the real
    // hosts are what senders use, so it is dropped and the real hosts decide.
    return this.judgeHosts(real);
  }

  /**
   * RFC 5321 §5.1: no MX means the domain's own A/AAAA is the mail host, if it is routable.
   * Not through the MX host memo: the answer keeps the addresses, and the domain's own memo
   * already makes this one lookup per run.
   */
  private async implicit(domain: string): Promise<DomainDns> {
    const host = await this.resolveHost(domain);
    switch (host.kind) {
      case "routable":
        return { kind: "implicit_mx", addresses: host.addresses };
      case "transient":
        return { kind: "unknown", error: host.error };
      case "private":
      case "none":
        return { kind: "no_mail_server" };
    }
  }

  /**
   * The domain can receive mail if any MX host (up to MAX_MX_HOSTS, best first) is a name with a
   * globally routable address: a sender falls through to the next host. Otherwise, a transient
   * failure on any host keeps the answer `unknown`; only when every host is authoritatively
   * unusable is the domain `invalid_mx`, naming the best-priority host.
   *
   * An MX host that does not resolve (NXDOMAIN, or no A and no AAAA) counts as unusable: RFC 5321
   * §5.1 gives no fallback to the domain's A record once MX records exist, so mail to it bounces.
   */
  private async judgeHosts(hosts: readonly { exchange: string; priority: number }[]): Promise<DomainDns> {
    const looked = hosts.slice(0, MAX_MX_HOSTS);
    const verdicts = await Promise.all(looked.map((h) => this.judgeHost(h.exchange)));
    if (verdicts.some((v) => v.kind === "usable")) {
      return { kind: "mx", hosts, provider: providerFor(hosts) };
    }
    const transient = verdicts.find((v) => v.kind === "transient");
    if (transient !== undefined && transient.kind === "transient") return { kind: "unknown", error: transient.error };
    // Hosts past the ones examined might work: never reject on what was not looked at.
    if (hosts.length > looked.length) return { kind: "unknown", error: "ETOOMANYMX" };
    for (let i = 0; i < verdicts.length; i++) {
      const v = verdicts[i];
      const h = looked[i];
      if (v !== undefined && v.kind === "unusable" && h !== undefined) {
        return { kind: "invalid_mx", host: h.exchange, why: v.why };
      }
    }
    return { kind: "unknown", error: "EUNKNOWN" }; // unreachable: every host got a verdict
  }

  private async judgeHost(
    exchange: string,
  ): Promise<{ kind: "usable" } | { kind: "unusable"; why: string } | { kind: "transient"; error: string }> {
    // RFC 2606 §2 / RFC 6761 §6.3: localhost names the sending machine itself.
    if (exchange === "localhost" || exchange.endsWith(".localhost")) {
      return { kind: "unusable", why: "localhost is the sending machine itself, not a mail server" };
    }
    // RFC 5321 §5.1 / RFC 7505 §4: an MX names a host, and an address in its place is an error.
    const literal = exchange.replace(/^\[(.*)\]$/, "$1");
    if (isIP(literal) !== 0) {
      return { kind: "unusable", why: "the MX record holds an IP address where a host name belongs" };
    }
    const status = await this.hostStatus(exchange);
    switch (status.kind) {
      case "routable":
        return { kind: "usable" };
      case "transient":
        return { kind: "transient", error: status.error };
      case "private":
        return {
          kind: "unusable",
          why: `it resolves only to private or reserved addresses (${status.addresses.join(", ")})`,
        };
      case "none":
        return { kind: "unusable", why: "the host name does not resolve to any address" };
    }
  }

  /** An MX host's status, memoised per host for the run (compactly: see HostMemo). */
  private hostStatus(host: string): Promise<HostMemo | HostStatus> {
    const known = this.hosts.get(host);
    if (known !== undefined) return known instanceof Promise ? known : Promise.resolve(known);
    const pending = this.resolveHost(host);
    this.hosts.set(host, pending);
    void pending.then((s) => {
      if (this.hosts.get(host) !== pending) return;
      // A transient failure is not an answer: forget it so the domain's retry asks again.
      if (s.kind === "transient") this.hosts.delete(host);
      else this.hosts.set(host, memoOf(s));
    });
    return pending;
  }

  private async resolveHost(host: string): Promise<HostStatus> {
    const a = await this.query(() => this.resolver.resolve4(host));
    const v4 = a.ok ? a.value : [];
    const v4Routable = v4.filter(isGloballyRoutable);
    if (v4Routable.length > 0) return { kind: "routable", addresses: exact(v4Routable) };
    if (!a.ok && a.negative === "nxdomain") return { kind: "none" };
    const aaaa = await this.query(() => this.resolver.resolve6(host));
    const v6 = aaaa.ok ? aaaa.value : [];
    const v6Routable = v6.filter(isGloballyRoutable);
    if (v6Routable.length > 0) return { kind: "routable", addresses: exact(v6Routable) };
    if (!a.ok && a.negative === null) return { kind: "transient", error: a.code };
    if (!aaaa.ok && aaaa.negative === null) return { kind: "transient", error: aaaa.code };
    const found = [...v4, ...v6];
    return found.length > 0 ? { kind: "private", addresses: found } : { kind: "none" };
  }

  /** Run one resolver call under the concurrency limit and classify its failure. */
  private async query<T>(call: () => Promise<T>): Promise<Answer<T>> {
    if (this.closed) return { ok: false, negative: null, code: CANCELLED };
    return this.limiter.run(async () => {
      if (this.closed) return { ok: false, negative: null, code: CANCELLED };
      return answer(call);
    });
  }
}
