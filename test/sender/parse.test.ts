import { describe, expect, it } from "vitest";
import { isDmarcRecord, isSpfRecord, normalizeIp, parseDmarc, parseSpf } from "../../src/sender/index.js";
import { inNetwork, macroIp, reverseName } from "../../src/sender/ip.js";
import { looksGeneric } from "../../src/sender/ptr.js";
import { domainSpecProblem } from "../../src/sender/spf-parse.js";
import { reverseName as testReverseName } from "../support/sender-keys.js";

describe("isSpfRecord (RFC 7208 §4.5)", () => {
  it.each([
    ["v=spf1 -all", true],
    ["v=spf1", true],
    ["V=SPF1 mx -all", true],
    ["v=spf10 -all", false],
    ["v=spf1-all", false],
    ["spf2.0/pra -all", false],
    [" v=spf1 -all", false],
  ])("%j → %s", (text, expected) => {
    expect(isSpfRecord(text)).toBe(expected);
  });
});

describe("parseSpf: valid records", () => {
  it.each([
    ["v=spf1 -all", [["all", "-"]]],
    ["v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all", [["ip4", "+"], ["ip6", "+"], ["all", "~"]]],
    ["v=spf1 a mx/24 a:mail.example.com/28//64 -all", [["a", "+"], ["mx", "+"], ["a", "+"], ["all", "-"]]],
    ["v=spf1 include:_spf.google.com ?include:spf.protection.outlook.com -all", [["include", "+"], ["include", "?"], ["all", "-"]]],
    ["v=spf1 exists:%{i}._spf.%{d} -all", [["exists", "+"], ["all", "-"]]],
    ["v=spf1 ptr:example.com ?all", [["ptr", "+"], ["all", "?"]]],
    ["v=spf1  mx   -all", [["mx", "+"], ["all", "-"]]],
  ])("%j", (text, expected) => {
    const p = parseSpf(text);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.record.mechanisms.map((m) => [m.kind, m.qualifier])).toEqual(expected);
  });

  it("reads CIDR lengths, modifiers and defaults", () => {
    const p = parseSpf("v=spf1 mx:example.com/24//64 ip4:192.0.2.1 redirect=_spf.example.com exp=explain.%{d} foo=bar");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.record.mechanisms[0]).toMatchObject({ kind: "mx", domain: "example.com", cidr4: 24, cidr6: 64 });
    expect(p.record.mechanisms[1]).toMatchObject({ kind: "ip4", address: "192.0.2.1", prefix: 32 });
    expect(p.record.redirect).toBe("_spf.example.com");
    expect(p.record.exp).toBe("explain.%{d}");
    expect(p.record.unknownModifiers).toEqual([{ name: "foo", value: "bar" }]);
  });
});

describe("parseSpf: errors (each a permerror for receivers)", () => {
  it.each([
    ["v=spf1 foo -all", /not an SPF mechanism/],
    ["v=spf1 ip4:300.1.1.1 -all", /needs an IPv4 address/],
    ["v=spf1 ip4:192.0.2.0/33 -all", /prefix length/],
    ["v=spf1 ip6:192.0.2.1 -all", /needs an IPv6 address/],
    ["v=spf1 ip4:192.0.2.0/024 -all", /prefix length/],
    ["v=spf1 a/33 -all", /prefix length/],
    ["v=spf1 include -all", /needs a domain/],
    ["v=spf1 include:localhost -all", /not a domain name/],
    ["v=spf1 include:example.123 -all", /not a domain name/],
    ["v=spf1 all:example.com", /takes no argument/],
    ["v=spf1 redirect=a.example.com redirect=b.example.com", /more than once/],
    ["v=spf1 exists:%{x}.example.com -all", /not a valid macro/],
    ["v=spf1 exists:%{c}.example.com -all", /only allowed in "exp"/],
    ["v=spf1 exists:%{i.example.com -all", /not closed/],
    ["v=spf1 exists:100%.example.com -all", /must start a macro/],
    ["v=spf1 mx -all\t", /not allowed/],
    ["v=spf2 -all", /v=spf1/],
  ])("%j", (text, why) => {
    const p = parseSpf(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.join(" ")).toMatch(why);
  });

  it.each([
    ["example.com", null],
    ["_spf.example.com.", null],
    ["%{ir}.%{v}._spf.%{d2}", null],
    ["%{d}", null],
    ["com", "not a domain"],
    ["a.b.123", "not a domain"],
  ])("domainSpecProblem(%j)", (spec, problem) => {
    const got = domainSpecProblem(spec, false);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe("parseDmarc (RFC 7489 §6.3/§6.4)", () => {
  it.each([
    ["v=DMARC1; p=reject", true],
    ["v=DMARC1;p=none", true],
    ["v = DMARC1 ; p=none", true],
    ["v=DMARC1", true],
    ["v=dmarc1; p=none", false], // the version is case-sensitive in the ABNF
    ["p=none; v=DMARC1", false],
    ["v=DMARC10; p=none", false],
  ])("isDmarcRecord(%j) → %s", (text, expected) => {
    expect(isDmarcRecord(text)).toBe(expected);
  });

  it("reads every tag", () => {
    const p = parseDmarc("v=DMARC1; p=Quarantine; sp=reject; pct=50; adkim=s; aspf=r; rua=mailto:a@example.com!10m, mailto:b@reports.example.net; ruf=mailto:f@example.com; fo=1:d; ri=3600; rf=afrf");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.record).toMatchObject({ p: "quarantine", sp: "reject", pct: 50, adkim: "s", aspf: "r", fo: "1:d", ri: 3600 });
    expect(p.record.rua).toEqual([
      { uri: "mailto:a@example.com", address: "a@example.com", maxSize: "10m" },
      { uri: "mailto:b@reports.example.net", address: "b@reports.example.net", maxSize: null },
    ]);
    expect(p.problems).toEqual([]);
    expect(p.unknownTags).toEqual([]);
  });

  it.each([
    ["v=DMARC1; p=none; pct=150", /pct=150/],
    ["v=DMARC1; p=none; adkim=x", /adkim=x/],
    ["v=DMARC1; p=none; rua=dmarc@example.com", /not a valid report address/],
    ["v=DMARC1; p=none; rua=mailto:nobody", /not a valid email address/],
    ["v=DMARC1; p=none; rua=https://example.com/r", /only to mailto/],
    ["v=DMARC1; p=none; fo=2", /fo=2/],
    ["v=DMARC1; p=none; p=reject", /more than once/],
    ["v=DMARC1; p=bogus; rua=mailto:d@example.com", /treat the record as p=none/],
  ])("%j has a problem receivers work around", (text, why) => {
    const p = parseDmarc(text);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.problems.join(" ")).toMatch(why);
  });

  it.each([
    ["v=DMARC1", /no "p=" policy/],
    ["v=DMARC1; p=block", /not a policy/],
    ["v=DMARC1; p=none; sp=maybe", /sp=maybe/],
  ])("%j is ignored by receivers", (text, why) => {
    const p = parseDmarc(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.join(" ")).toMatch(why);
  });

  it("lists unknown tags and keeps a __proto__ tag a plain tag", () => {
    const p = parseDmarc("v=DMARC1; p=none; pcx=100; __proto__=x");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.unknownTags).toEqual(["pcx", "__proto__"]);
    expect(Object.getPrototypeOf(p.record.tags)).toBe(Object.prototype);
    expect(p.record.tags["__proto__"]).toBe("x");
  });
});

describe("ip helpers", () => {
  it.each([
    ["192.0.2.1", { ip: "192.0.2.1", family: "ipv4" }],
    ["::ffff:192.0.2.1", { ip: "192.0.2.1", family: "ipv4" }],
    ["2001:DB8::1", { ip: "2001:db8::1", family: "ipv6" }],
    ["mail.example.com", null],
    ["300.1.1.1", null],
  ])("normalizeIp(%j)", (text, expected) => {
    expect(normalizeIp(text)).toEqual(expected);
  });

  it.each([
    ["192.0.2.77", "ipv4", "192.0.2.0", 24, true],
    ["192.0.3.1", "ipv4", "192.0.2.0", 24, false],
    ["192.0.2.1", "ipv4", "0.0.0.0", 0, true],
    ["2001:db8:1::1", "ipv6", "2001:db8::", 32, true],
    ["2001:db9::1", "ipv6", "2001:db8::", 32, false],
    ["192.0.2.1", "ipv4", "2001:db8::", 0, false],
  ] as const)("%s in %s/%s", (addr, family, net, prefix, expected) => {
    expect(inNetwork(addr, family, net, prefix)).toBe(expected);
  });

  it("reverseName handles an embedded dotted quad", () => {
    expect(reverseName("64:ff9b::192.0.2.1")).toBe("1.0.2.0.0.0.0.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.0.0.ip6.arpa");
  });

  it.each(["192.0.2.1", "2001:db8::1", "2606:4700:10::5"])("reverseName(%s) agrees with the test helper", (addr) => {
    expect(reverseName(addr)).toBe(testReverseName(addr));
  });

  it("expands %{i} for IPv6 as dotted nibbles (RFC 7208 §7.3)", () => {
    expect(macroIp("2001:db8::cb01", "ipv6")).toBe("2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1");
  });

  it.each([
    ["93-184-216-8.dynamic.isp.example", "93.184.216.8", true],
    ["c-93-184-216-8.hsd1.example.net", "93.184.216.8", true],
    ["pool-93-184.example.net", "10.0.0.1", true],
    ["mail.example.com", "93.184.216.8", false],
    ["mx1.example.com", "1.1.1.1", false],
    ["8.216.184.93.static.example.net", "93.184.216.8", true],
    ["host-216-8.example.net", "93.184.216.8", false],
  ])("looksGeneric(%s)", (name, addr, expected) => {
    expect(looksGeneric(name, addr)).toBe(expected);
  });
});
