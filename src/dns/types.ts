/**
 * What DNS says about one domain's ability to receive mail (design.md, "DNS semantics").
 *
 * Only `not_found`, `no_mail_server`, `null_mx` and `invalid_mx` are authoritative negatives;
 * `unknown` means DNS did not answer definitively and must never reject an address.
 */
export type DomainDns =
  | {
      readonly kind: "mx";
      /** Real MX hosts (a null MX beside them is dropped), best priority first. */
      readonly hosts: readonly { exchange: string; priority: number }[];
      /** Mailbox provider recognised from the MX host names (providers.ts), else null. */
      readonly provider: string | null;
    }
  | { readonly kind: "implicit_mx"; readonly addresses: readonly string[] }
  | { readonly kind: "null_mx" }
  | { readonly kind: "not_found" }
  | { readonly kind: "no_mail_server" }
  | { readonly kind: "invalid_mx"; readonly host: string; readonly why: string }
  | { readonly kind: "unknown"; readonly error: string }; // e.g. "ETIMEOUT", "ESERVFAIL"

export type DomainDnsKind = DomainDns["kind"];

/** Cross-run cache of answers; implemented by the SQLite store. */
export interface DnsCache {
  /** undefined when missing or expired. */
  get(domain: string): DomainDns | undefined;
  put(domain: string, value: DomainDns, ttlSeconds: number): void;
}

export interface DnsOptions {
  /** "HOST" | "HOST:PORT" | "[v6]:PORT"; IP addresses only. Default: the system resolver. */
  readonly servers?: readonly string[];
  /**
   * Per query attempt, default 3000. c-ares doubles it on each further try (so the defaults give
   * up on a dead server after about 9 s) and does not go below about 500 ms.
   */
  readonly timeoutMs?: number;
  /** Attempts per query, default 2. */
  readonly tries?: number;
  /** Queries in flight at once, default 50 (more overflows loopback UDP buffers). */
  readonly concurrency?: number;
  /** Consulted first; transient (`unknown`) results are never stored. */
  readonly cache?: DnsCache;
  /** Ignore cache reads (still write). */
  readonly refresh?: boolean;
  /**
   * Pause before the one retry of a domain whose first lookup was transient, default 1500 ms.
   * (Addition to the brief's option list; tests shorten it.)
   */
  readonly retryDelayMs?: number;
}

/**
 * Counters for one run. A domain is counted once, when its final answer is known.
 * - `queried`: domains answered over the network (settled, retry included)
 * - `cached`: domains answered from the cache
 * - `transient`: of `queried`, those that settled as `unknown`
 * - `retried`: domains whose first lookup was transient and were tried again
 * - `byKind`: final answers by kind, network and cache together
 */
export interface DnsStats {
  /** Domains sent to the network (cache misses), counted when the lookup starts. */
  started: number;
  queried: number;
  cached: number;
  transient: number;
  retried: number;
  byKind: Record<DomainDnsKind, number>;
}

export interface DnsChecker {
  /** Single-flight and memoised per run; never rejects. */
  check(asciiDomain: string): Promise<DomainDns>;
  /** Proves the resolver answers at all; throws DnsUnavailableError. */
  canary(): Promise<void>;
  stats(): DnsStats;
  servers(): readonly string[];
  /** Cancel outstanding queries; pending and later checks settle as `unknown` ("ECANCELLED"). */
  close(): void;
}
