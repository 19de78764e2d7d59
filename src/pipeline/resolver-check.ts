import { DnsUnavailableError, transientDominates, type DnsChecker } from "../dns/index.js";

/**
 * Most lookups failing transiently means either a broken resolver or a list full of lame domains
 * (old lists are). Ask the canary again: if the resolver no longer answers, stop before writing a
 * list of `unknown` (contract: exit 75, nothing written); if it does, the domains are at fault and
 * their rows stay, as `dns_unknown`. Asked every 2000 rows and once at the end; a no-op while
 * most lookups succeed.
 */
export async function checkResolver(dns: DnsChecker): Promise<void> {
  if (!transientDominates(dns.stats())) return;
  try {
    await dns.canary();
  } catch (err) {
    const s = dns.stats();
    throw new DnsUnavailableError(
      dns.servers(),
      "TRANSIENT_MAJORITY",
      `Most DNS lookups are failing transiently (${s.transient} of ${s.queried}) and the resolver (${dns.servers().join(", ") || "system"}) no longer answers: ${(err as Error).message}`,
    );
  }
}
