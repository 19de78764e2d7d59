import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditSender,
  checkDkim,
  checkDmarc,
  checkMx,
  checkPtr,
  checkSpf,
  createSenderResolver,
  normalizeIp,
  type CheckResult,
  type FindingCode,
  type SenderResolver,
} from "../../src/sender/index.js";
import { DnsUnavailableError } from "../../src/dns/index.js";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";
import { makeDkimKeys } from "../support/sender-keys.js";
import { senderZone } from "../support/sender-zone.js";

// Every check against a real DNS server on loopback; no test touches public DNS.

let dns: TestDnsServer;
const open: SenderResolver[] = [];

beforeAll(async () => {
  dns = await startDnsServer({ zone: senderZone(makeDkimKeys()) });
});
afterAll(async () => {
  for (const r of open) r.close();
  await dns.close();
});

/** A fresh resolver (its memo is per instance); 500 ms and one try keep dropped queries quick. */
function resolver(): SenderResolver {
  const r = createSenderResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 });
  open.push(r);
  return r;
}

function codes(r: CheckResult): FindingCode[] {
  return r.findings.map((f) => f.code);
}

function ip(text: string): { ip: string; family: "ipv4" | "ipv6" } {
  const n = normalizeIp(text);
  if (n === null) throw new Error(`bad test ip ${text}`);
  return n;
}

describe("checkMx", () => {
  it.each([
    ["good.test", "pass", ["mx_ok", "mx_own_servers"]],
    ["gw.test", "pass", ["mx_ok", "mx_provider"]],
    ["nullmx.test", "fail", ["mx_null"]],
    ["implicit.test", "warn", ["mx_implicit"]],
    ["nomail.test", "fail", ["mx_none"]],
    ["missing.test", "fail", ["mx_domain_not_found"]],
    ["dangling.test", "fail", ["mx_all_hosts_unusable"]],
    ["privmx.test", "fail", ["mx_all_hosts_unusable"]],
    ["partial.test", "warn", ["mx_host_unusable", "mx_ok", "mx_own_servers"]],
    ["mxdrop.test", "warn", ["mx_unchecked"]],
  ] as const)("%s → %s %j", async (domain, status, expected) => {
    const r = await checkMx(domain, resolver());
    expect(r.status).toBe(status);
    expect(codes(r)).toEqual(expected);
  });

  it("names the provider and tells a remote from a local mail exchanger", async () => {
    const remote = await checkMx("gw.test", resolver(), { ip: "93.184.216.5" });
    expect(remote.details.provider).toBe("Google Workspace");
    expect(remote.details.sendingIpIsMx).toBe(false);
    expect(codes(remote)).toContain("mx_remote_exchanger");
    const local = await checkMx("good.test", resolver(), { ip: "93.184.215.10" });
    expect(local.details.sendingIpIsMx).toBe(true);
    expect(codes(local)).toContain("mx_local_exchanger");
  });

  it("lists each host with its state", async () => {
    const r = await checkMx("partial.test", resolver());
    expect(r.details.hosts.map((h) => [h.exchange, h.status])).toEqual([
      ["localhost", "unusable"],
      ["mx.good.test", "usable"],
    ]);
  });
});

describe("checkSpf without an IP", () => {
  it.each([
    ["good.test", "pass", ["spf_ok"], 1],
    ["multi.test", "fail", ["spf_multiple"], null],
    ["nospf.test", "fail", ["spf_missing"], null],
    ["missing.test", "fail", ["spf_missing"], null],
    ["syntax.test", "fail", ["spf_syntax"], null],
    ["chain.test", "fail", ["spf_too_many_lookups"], 11],
    ["nine.test", "warn", ["spf_near_lookup_limit"], 9],
    ["loop.test", "fail", ["spf_loop"], null],
    ["redirect.test", "pass", ["spf_ok"], 1],
    ["voids.test", "fail", ["spf_void_lookups"], 3],
    ["incmissing.test", "fail", ["spf_include_missing"], 1],
    ["plusall.test", "warn", ["spf_all_pass"], 0],
    ["neutral.test", "warn", ["spf_all_neutral"], 0],
    ["noall.test", "warn", ["spf_no_all"], 0],
    ["ptr.test", "warn", ["spf_ptr_used"], 1],
    ["amx.test", "pass", ["spf_ok"], 2],
    ["exists.test", "warn", ["spf_macro_not_checked"], 1],
    ["soft.test", "pass", ["spf_ok"], 0],
    ["spfdrop.test", "warn", ["spf_unchecked"], null],
    ["incdrop.test", "warn", ["spf_unchecked"], 1],
  ] as const)("%s → %s %j (%s lookups)", async (domain, status, expected, lookups) => {
    const r = await checkSpf(domain, resolver());
    expect(codes(r)).toEqual(expected);
    expect(r.status).toBe(status);
    if (lookups !== null) expect(r.details.evaluation?.lookups).toBe(lookups);
  });

  it("a loop is reported with its chain and still stops at the lookup limit", async () => {
    const r = await checkSpf("loop.test", resolver());
    const loop = r.findings.find((f) => f.code === "spf_loop");
    expect(loop?.message).toContain("loop.test → loop2.test → loop.test");
    expect(r.details.evaluation?.result).toBe("fail"); // without an IP: the walk reaches -all; the loop finding fails the check
  });

  it("counts every lookup of an over-limit tree, includes' records listed", async () => {
    const r = await checkSpf("chain.test", resolver());
    expect(r.details.evaluation?.records.map((x) => x.domain)).toEqual(["chain.test", ...Array.from({ length: 11 }, (_, i) => `c${i + 1}.chain.test`)]);
    expect(r.details.evaluation?.result).toBe("permerror");
  });
});

describe("checkSpf with --ip", () => {
  it.each([
    ["good.test", "93.184.216.77", "pass", "spf_ip_authorised"], // ip4 /24
    ["good.test", "93.184.217.3", "pass", "spf_ip_authorised"], // via include
    ["good.test", "2606:4700:10::9", "pass", "spf_ip_authorised"], // ip6 /48 in the include
    ["good.test", "::ffff:93.184.216.1", "pass", "spf_ip_authorised"], // IPv4-mapped is IPv4 (RFC 7208 §5)
    ["good.test", "93.184.100.1", "fail", "spf_ip_not_authorised"],
    ["soft.test", "93.184.100.1", "softfail", "spf_ip_not_authorised"],
    ["redirect.test", "93.184.217.9", "pass", "spf_ip_authorised"],
    ["redirect.test", "93.184.216.9", "fail", "spf_ip_not_authorised"],
    ["amx.test", "93.184.218.1", "pass", "spf_ip_authorised"], // a
    ["amx.test", "93.184.218.2", "pass", "spf_ip_authorised"], // mx
    ["amx.test", "93.184.218.3", "fail", "spf_ip_not_authorised"],
    ["cidr.test", "93.184.219.200", "pass", "spf_ip_authorised"], // a:host/24
    ["cidr.test", "93.184.220.1", "fail", "spf_ip_not_authorised"],
    ["exists.test", "93.184.220.7", "pass", "spf_ip_authorised"], // exists:%{i}...
    ["exists.test", "93.184.220.8", "fail", "spf_ip_not_authorised"],
    ["noall.test", "93.184.100.1", "neutral", "spf_ip_neutral"],
    ["chain.test", "93.184.230.1", "pass", "spf_ip_authorised"], // matched before the limit
    ["chain.test", "93.184.230.11", "permerror", "spf_ip_not_authorised"], // the 11th lookup
    ["loop.test", "93.184.100.1", "permerror", "spf_ip_not_authorised"],
    ["voids.test", "93.184.100.1", "permerror", "spf_ip_not_authorised"],
  ] as const)("%s from %s → %s", async (domain, addr, expected, code) => {
    const r = await checkSpf(domain, resolver(), { ip: ip(addr) });
    expect(r.details.ipResult).toBe(expected);
    expect(codes(r)).toContain(code);
  });
});

describe("checkDmarc", () => {
  it.each([
    ["good.test", "pass", ["dmarc_ok"]],
    ["monitor.test", "warn", ["dmarc_policy_none"]],
    ["sub.org.test", "pass", ["dmarc_ok", "dmarc_inherited"]],
    ["nomail.test", "warn", ["dmarc_missing"]],
    ["twodmarc.test", "fail", ["dmarc_multiple"]],
    ["badp.test", "fail", ["dmarc_syntax"]],
    ["badp2.test", "warn", ["dmarc_syntax", "dmarc_policy_none"]],
    ["pct.test", "warn", ["dmarc_pct_partial"]],
    ["ext.test", "warn", ["dmarc_external_report_unauthorised"]],
    ["extok.test", "pass", ["dmarc_ok"]],
    ["dmarcdrop.test", "warn", ["dmarc_unchecked"]],
    ["strict.test", "warn", ["dmarc_unknown_tag", "dmarc_strict_alignment"]],
  ] as const)("%s → %s %j", async (domain, status, expected) => {
    const r = await checkDmarc(domain, resolver());
    expect(codes(r)).toEqual(expected);
    expect(r.status).toBe(status);
  });

  it("a subdomain without a record gets the organisational domain's sp= (RFC 7489 §6.6.3)", async () => {
    const r = await checkDmarc("sub.org.test", resolver());
    expect(r.details).toMatchObject({ recordName: "_dmarc.org.test", inherited: true, policy: "quarantine" });
    expect(dns.queries("_dmarc.sub.org.test", "TXT")).toBeGreaterThan(0);
  });
});

describe("checkDkim", () => {
  it.each([
    [["s2048"], "pass", ["dkim_ok"], [2048]],
    [["cname"], "pass", ["dkim_ok"], [2048]],
    [["pkcs1"], "pass", ["dkim_ok"], [2048]],
    [["s1024"], "warn", ["dkim_key_short"], [1024]],
    [["s512"], "fail", ["dkim_key_weak"], [512]],
    [["ed"], "pass", ["dkim_ok"], [256]],
    [["revoked"], "fail", ["dkim_revoked"], [null]],
    [["testing"], "warn", ["dkim_testing"], [2048]],
    [["garbled"], "fail", ["dkim_key_invalid"], [null]],
    [["notakey"], "fail", ["dkim_syntax"], [null]],
    [["dsa"], "fail", ["dkim_key_type_unknown"], [null]],
    [["nope"], "fail", ["dkim_selector_missing"], [null]],
    [["slowsel"], "warn", ["dkim_unchecked"], [null]],
    [["s2048", "s512"], "fail", ["dkim_ok", "dkim_key_weak"], [2048, 512]],
  ] as const)("selectors %j → %s %j", async (selectors, status, expected, bits) => {
    const r = await checkDkim("good.test", resolver(), { selectors });
    expect(codes(r)).toEqual(expected);
    expect(r.status).toBe(status);
    expect(r.details.keys.map((k) => k.bits)).toEqual(bits);
  });

  it("without selectors, probes the common ones and finds google", async () => {
    const r = await checkDkim("good.test", resolver());
    expect(r.details.requested).toBeNull();
    expect(r.details.keys.map((k) => k.selector)).toEqual(["google"]);
    expect(r.status).toBe("pass");
  });

  it("finding none at the common selectors is a warning that says it is no proof", async () => {
    const r = await checkDkim("nomail.test", resolver());
    expect(codes(r)).toEqual(["dkim_not_found"]);
    expect(r.status).toBe("warn");
    expect(r.findings[0]?.message).toMatch(/not proof/);
  });
});

describe("checkPtr", () => {
  it.each([
    ["93.184.216.5", "pass", ["ptr_ok"]],
    ["2606:4700:10::5", "pass", ["ptr_ok"]],
    ["93.184.216.6", "fail", ["ptr_missing"]],
    ["93.184.216.7", "fail", ["ptr_not_confirmed"]],
    ["93.184.216.8", "warn", ["ptr_ok", "ptr_generic"]],
    ["93.184.216.9", "warn", ["ptr_unchecked"]],
  ] as const)("%s → %s %j", async (addr, status, expected) => {
    const r = await checkPtr(addr, resolver());
    expect(codes(r)).toEqual(expected);
    expect(r.status).toBe(status);
  });
});

describe("auditSender", () => {
  it("a well-configured domain passes every check", async () => {
    const a = await auditSender("Good.Test.", { servers: [dns.server], timeoutMs: 500, tries: 1, ip: "93.184.216.5", dkimSelectors: ["s2048"] });
    expect(a.domain).toBe("good.test");
    expect(a.status).toBe("pass");
    expect(Object.values(a.checks).map((c) => c?.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
  });

  it("fails when one check fails, and leaves PTR out without an IP", async () => {
    const a = await auditSender("postmaster@multi.test", { servers: [dns.server], timeoutMs: 500, tries: 1 });
    expect(a.domain).toBe("multi.test");
    expect(a.checks.spf.status).toBe("fail");
    expect(a.checks.ptr).toBeNull();
    expect(a.status).toBe("fail");
  });

  it.each([["not a domain"], ["localhost"], ["example.123"], [""]])("rejects %j as a domain", async (d) => {
    await expect(auditSender(d, { servers: [dns.server] })).rejects.toBeInstanceOf(RangeError);
  });

  it("rejects a bad IP and a bad selector before asking DNS", async () => {
    dns.resetCounts();
    await expect(auditSender("good.test", { servers: [dns.server], ip: "999.1.1.1" })).rejects.toThrow(/not an IP address/);
    await expect(auditSender("good.test", { servers: [dns.server], dkimSelectors: ["bad selector"] })).rejects.toThrow(/not a DKIM selector/);
    expect(dns.queries()).toBe(0);
  });

  it("audits through a forwarder that refuses queries for the root (the canary asks `.invalid`)", async () => {
    const picky = await startDnsServer({ zone: `${senderZone(makeDkimKeys())}\n. FAULT refused` });
    try {
      const audit = await auditSender("good.test", { servers: [picky.server], timeoutMs: 500, tries: 1 });
      expect(audit.domain).toBe("good.test");
      expect(audit.checks.mx.status).toBe("pass");
      expect(picky.queries(".")).toBeGreaterThan(0);
      expect(picky.queries("mailsweep-canary.invalid")).toBe(1);
    } finally {
      await picky.close();
    }
  });

  it("throws DnsUnavailableError when the resolver does not answer", async () => {
    const dead = await startDnsServer({ zone: ". FAULT drop" });
    try {
      await expect(auditSender("good.test", { servers: [dead.server], timeoutMs: 500, tries: 1 })).rejects.toBeInstanceOf(DnsUnavailableError);
    } finally {
      await dead.close();
    }
  });
});
