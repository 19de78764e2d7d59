import type { Reason } from "../reasons.js";
import type { DnsStats, DomainDns } from "./types.js";

/** A domain that receives mail rarely stops overnight: keep the answer a day. */
export const POSITIVE_TTL_SECONDS = 24 * 60 * 60;
/** A negative can be a domain registered or repaired an hour ago: re-ask sooner. */
export const NEGATIVE_TTL_SECONDS = 60 * 60;

/** How long the store may keep an answer; null means never store it (transient). */
export function ttlFor(result: DomainDns): number | null {
  switch (result.kind) {
    case "mx":
    case "implicit_mx":
      return POSITIVE_TTL_SECONDS;
    case "null_mx":
    case "not_found":
    case "no_mail_server":
    case "invalid_mx":
      return NEGATIVE_TTL_SECONDS;
    case "unknown":
      return null;
    default: {
      const unreachable: never = result;
      throw new Error(`no ttl for ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The reason and flag codes (src/reasons.ts) a DNS answer gives an address at `domain`. */
export function dnsReasons(domain: string, result: DomainDns): Reason[] {
  switch (result.kind) {
    case "mx":
      return [];
    case "implicit_mx":
      return [{ code: "implicit_mx", domain }];
    case "null_mx":
      return [{ code: "null_mx", domain }];
    case "not_found":
      return [{ code: "domain_not_found", domain }];
    case "no_mail_server":
      return [{ code: "no_mail_server", domain }];
    case "invalid_mx":
      return [{ code: "invalid_mx", domain, host: result.host, why: result.why }];
    case "unknown":
      return [{ code: "dns_unknown", domain, error: result.error }];
    default: {
      const unreachable: never = result;
      throw new Error(`no reasons for ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Below this many network lookups a run has too little evidence to call the resolver dead. */
export const TRANSIENT_MIN_LOOKUPS = 20;

/**
 * Do transient failures dominate the run so far (over half of at least 20 network lookups)?
 * The caller then stops with DnsUnavailableError / exit 75 rather than keep a list full of
 * `dns_unknown` rows that a working resolver would have decided.
 */
export function transientDominates(stats: DnsStats): boolean {
  return stats.queried >= TRANSIENT_MIN_LOOKUPS && stats.transient * 2 > stats.queried;
}
