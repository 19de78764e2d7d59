import { describe, expect, it } from "vitest";
import { renderReason } from "../../src/messages.js";
import type { Reason } from "../../src/reasons.js";
import { verdict } from "../../src/verdict.js";
import { dnsReasons, ttlFor, type DomainDns } from "../../src/dns/index.js";

const D = "example.test";

describe("dnsReasons", () => {
  it.each<[DomainDns, Reason[], string]>([
    [{ kind: "mx", hosts: [{ exchange: "mx.example.test", priority: 10 }], provider: null }, [], "valid"],
    [{ kind: "implicit_mx", addresses: ["93.184.215.14"] }, [{ code: "implicit_mx", domain: D }], "valid"],
    [{ kind: "null_mx" }, [{ code: "null_mx", domain: D }], "invalid"],
    [{ kind: "not_found" }, [{ code: "domain_not_found", domain: D }], "invalid"],
    [{ kind: "no_mail_server" }, [{ code: "no_mail_server", domain: D }], "invalid"],
    [
      { kind: "invalid_mx", host: "localhost", why: "localhost is the sending machine itself, not a mail server" },
      [{ code: "invalid_mx", domain: D, host: "localhost", why: "localhost is the sending machine itself, not a mail server" }],
      "invalid",
    ],
    [{ kind: "unknown", error: "ETIMEOUT" }, [{ code: "dns_unknown", domain: D, error: "ETIMEOUT" }], "unknown"],
  ])("%j → reasons and status", (result, reasons, status) => {
    const got = dnsReasons(D, result);
    expect(got).toEqual(reasons);
    expect(verdict(got).status).toBe(status);
    // Every reason renders to one sentence that names the domain.
    for (const r of got) expect(renderReason(r)).toContain(D);
  });
});

describe("ttlFor", () => {
  it.each<[DomainDns, number | null]>([
    [{ kind: "mx", hosts: [], provider: null }, 86400],
    [{ kind: "implicit_mx", addresses: [] }, 86400],
    [{ kind: "null_mx" }, 3600],
    [{ kind: "not_found" }, 3600],
    [{ kind: "no_mail_server" }, 3600],
    [{ kind: "invalid_mx", host: "h", why: "w" }, 3600],
    [{ kind: "unknown", error: "ESERVFAIL" }, null],
  ])("%j → %s", (result, ttl) => {
    expect(ttlFor(result)).toBe(ttl);
  });
});
