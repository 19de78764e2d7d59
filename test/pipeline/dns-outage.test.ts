import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DnsChecker, DnsStats, DomainDns } from "../../src/dns/index.js";
import { DnsUnavailableError } from "../../src/dns/index.js";
import { cleanList } from "../../src/pipeline/clean.js";

/**
 * A resolver that answers the first canary and then goes away. (A unit seam: the real resolver
 * and a real outage are covered by the e2e tests; this pins the decision the pipeline makes.)
 */
function dyingResolver(): DnsChecker {
  let canaries = 0;
  const stats: DnsStats = { started: 0, queried: 0, cached: 0, transient: 0, retried: 0, byKind: { mx: 0, implicit_mx: 0, null_mx: 0, not_found: 0, no_mail_server: 0, invalid_mx: 0, unknown: 0 } };
  return {
    async check(): Promise<DomainDns> {
      stats.started++;
      stats.queried++;
      stats.transient++;
      stats.byKind.unknown++;
      return { kind: "unknown", error: "ETIMEOUT" };
    },
    async canary(): Promise<void> {
      if (++canaries > 1) throw new DnsUnavailableError(["127.0.0.1:53"], "ECONNREFUSED");
    },
    stats: () => ({ ...stats, byKind: { ...stats.byKind } }),
    servers: () => ["127.0.0.1:53"],
    close: () => undefined,
  };
}

describe("a resolver that stops answering mid-run", () => {
  it("stops with DnsUnavailableError and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mailsweep-outage-"));
    const rows = Array.from({ length: 3000 }, (_, i) => `u${i}@corp${i}.com`);
    writeFileSync(join(dir, "l.csv"), ["Email", ...rows].join("\n") + "\n");
    await expect(cleanList({ input: join(dir, "l.csv"), dns: dyingResolver() })).rejects.toBeInstanceOf(DnsUnavailableError);
    expect(readdirSync(dir)).toEqual(["l.csv"]);
  });
});
