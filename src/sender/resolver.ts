import { Resolver } from "node:dns/promises";
import { answer, proveResolverAnswers, type Answer } from "../dns/answer.js";
import { parseDnsServer } from "../dns/index.js";
import { reverseName } from "./ip.js";

/**
 * The DNS questions the sender audit asks, each answered as data: the records, an authoritative
 * negative (NXDOMAIN / NODATA), or a transient failure (timeout, SERVFAIL, REFUSED, bad reply)
 * that a check must report as "could not be checked", never as a failure.
 */
export type Lookup<T> = Answer<T>;

export interface MxRecord {
  readonly exchange: string;
  readonly priority: number;
}

export interface SenderResolver {
  /** TXT records, each record's character-strings joined with no separator (RFC 7208 §3.3). */
  txt(name: string): Promise<Lookup<readonly string[]>>;
  /** MX records as published; the null MX "0 ." (RFC 7505) has exchange "". */
  mx(name: string): Promise<Lookup<readonly MxRecord[]>>;
  a(name: string): Promise<Lookup<readonly string[]>>;
  aaaa(name: string): Promise<Lookup<readonly string[]>>;
  /** PTR names for an IP address (the in-addr.arpa / ip6.arpa lookup). */
  ptr(ip: string): Promise<Lookup<readonly string[]>>;
  /** Proves the resolver answers at all; throws DnsUnavailableError. */
  canary(): Promise<void>;
  servers(): readonly string[];
  close(): void;
}

export interface SenderResolverOptions {
  /** "HOST" | "HOST:PORT" | "[v6]:PORT" (parsed by ../dns/servers.ts); default: the system resolver. */
  readonly servers?: readonly string[];
  /** Per query attempt, default 3000 ms (the same default as the list checker in ../dns/checker.ts). */
  readonly timeoutMs?: number;
  /** Attempts per query, default 2. */
  readonly tries?: number;
}

// The values ../dns/checker.ts uses: node's own defaults wait about 28 s on a dead server.
const DEFAULT_TIMEOUT_MS = 3000;
const DEFAULT_TRIES = 2;


/** Lower-case, no trailing dot. */
export function canonicalName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * A resolver for one audit. Answers are memoised per instance: SPF evaluation asks for the same
 * names more than once (an `mx` mechanism in two included records), and every question is asked
 * once per audit. Not shared between audits.
 */
export function createSenderResolver(opts: SenderResolverOptions = {}): SenderResolver {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tries = opts.tries ?? DEFAULT_TRIES;
  if (!Number.isInteger(timeout) || timeout < 1) throw new RangeError(`DNS timeout must be a positive number of milliseconds, got ${timeout}.`);
  if (!Number.isInteger(tries) || tries < 1) throw new RangeError(`DNS tries must be a positive integer, got ${tries}.`);
  const resolver = new Resolver({ timeout, tries });
  if (opts.servers !== undefined && opts.servers.length > 0) resolver.setServers(opts.servers.map(parseDnsServer));
  const memo = new Map<string, Promise<Lookup<unknown>>>();
  let closed = false;

  function ask<T>(key: string, call: () => Promise<T>): Promise<Lookup<T>> {
    const known = memo.get(key);
    if (known) return known as Promise<Lookup<T>>;
    const pending = (async (): Promise<Lookup<T>> => {
      if (closed) return { ok: false, negative: null, code: "ECANCELLED" };
      return answer(call);
    })();
    memo.set(key, pending);
    return pending;
  }

  return {
    txt: (name) => ask(`TXT ${canonicalName(name)}`, async () => (await resolver.resolveTxt(canonicalName(name))).map((chunks) => chunks.join(""))),
    mx: (name) =>
      ask(`MX ${canonicalName(name)}`, async () =>
        (await resolver.resolveMx(canonicalName(name))).map((r) => ({ exchange: canonicalName(r.exchange), priority: r.priority })),
      ),
    a: (name) => ask(`A ${canonicalName(name)}`, () => resolver.resolve4(canonicalName(name))),
    aaaa: (name) => ask(`AAAA ${canonicalName(name)}`, () => resolver.resolve6(canonicalName(name))),
    // resolvePtr on the arpa name, not reverse(): reverse() reports a timeout as ENOTFOUND, which
    // would turn "could not be checked" into "no reverse DNS".
    ptr: (ip) => ask(`PTR ${ip}`, async () => (await resolver.resolvePtr(reverseName(ip))).map(canonicalName)),
    // The list checker's canary, with its `.invalid` fallback for forwarders that refuse the root.
    canary: () => proveResolverAnswers(resolver),
    servers: () => resolver.getServers(),
    close(): void {
      if (closed) return;
      closed = true;
      resolver.cancel();
    },
  };
}

/** A short label for a transient failure, for "could not be checked" sentences. */
export function describeFailure(l: { readonly code: string }): string {
  switch (l.code) {
    case "ETIMEOUT":
      return "the DNS query timed out";
    case "ESERVFAIL":
      return "the DNS server answered SERVFAIL";
    case "EREFUSED":
      return "the DNS server refused the query";
    case "ECANCELLED":
      return "the DNS query was cancelled";
    default:
      return `the DNS query failed (${l.code})`;
  }
}
