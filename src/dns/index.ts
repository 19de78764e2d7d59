// The DNS module's public surface: re-exports only.
export type { DnsCache, DnsChecker, DnsOptions, DnsStats, DomainDns, DomainDnsKind } from "./types.js";
export { createDnsChecker } from "./checker.js";
export { DnsUnavailableError } from "./errors.js";
export { isGloballyRoutable } from "./ip.js";
export { dnsReasons, ttlFor, transientDominates, POSITIVE_TTL_SECONDS, NEGATIVE_TTL_SECONDS, TRANSIENT_MIN_LOOKUPS } from "./policy.js";
export { providerFor, providerOfHost } from "./providers.js";
export { parseDnsServer } from "./servers.js";
