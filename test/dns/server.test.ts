import { Resolver } from "node:dns/promises";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";
import { parseZone } from "../support/dns-zone.js";

// The loopback server is itself test infrastructure other modules rely on (SPF/DMARC/DKIM via
// TXT, PTR, the benchmark's fallback), so it is checked against node's own resolver here.

const ZONE = `
# comment line
example.com MX 10 mx1.example.com   # trailing comment
example.com MX 20 mx2.example.com
example.com TXT "v=spf1 include:_spf.example.com -all"
_dmarc.example.com TXT "v=DMARC1; p=reject; rua=mailto:d#x@example.com"
long.example.com TXT "${"a".repeat(300)}" "second"
mx1.example.com A 93.184.215.14
v6.test AAAA 2606:4700::1
4.3.2.1.in-addr.arpa PTR host.example.com
www.example.com CNAME mx1.example.com
nullmx.test MX 0 .
deep.sub.zone.test A 93.184.215.15
tc.test MX 5 mx1.example.com
tc.test FAULT truncate
sf.test FAULT servfail
rf.test FAULT refused
nx.test A 93.184.215.16
nx.test FAULT nxdomain
drop.test FAULT drop
junk.test FAULT garbage
slow.test A 93.184.215.17
slow.test FAULT delay=300
slower.test A 93.184.215.19
slower.test FAULT delay=2000
once.test A 93.184.215.18
once.test FAULT servfail A times=1
`;

let srv: TestDnsServer;

function resolver(timeout = 250): Resolver {
  const r = new Resolver({ timeout, tries: 1 });
  r.setServers([srv.server]);
  return r;
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? "?";
  }
}

beforeAll(async () => {
  srv = await startDnsServer({ zone: ZONE });
});
afterAll(async () => {
  await srv.close();
});

describe("test DNS server: records", () => {
  it("answers MX, sorted by the client as given", async () => {
    const mx = await resolver().resolveMx("example.com");
    expect(mx.sort((a, b) => a.priority - b.priority)).toEqual([
      { exchange: "mx1.example.com", priority: 10 },
      { exchange: "mx2.example.com", priority: 20 },
    ]);
  });

  it("answers TXT, keeping '#' inside quotes and splitting strings over 255 bytes", async () => {
    const r = resolver();
    expect(await r.resolveTxt("example.com")).toEqual([["v=spf1 include:_spf.example.com -all"]]);
    expect(await r.resolveTxt("_dmarc.example.com")).toEqual([["v=DMARC1; p=reject; rua=mailto:d#x@example.com"]]);
    const long = await r.resolveTxt("long.example.com");
    expect(long[0]?.join("")).toBe(`${"a".repeat(300)}second`);
    expect(long[0]?.[0]?.length).toBe(255);
  });

  it("answers A, AAAA, PTR and follows CNAME", async () => {
    const r = resolver();
    expect(await r.resolve4("mx1.example.com")).toEqual(["93.184.215.14"]);
    expect(await r.resolve6("v6.test")).toEqual(["2606:4700::1"]);
    expect(await r.reverse("1.2.3.4")).toEqual(["host.example.com"]);
    expect(await r.resolve4("www.example.com")).toEqual(["93.184.215.14"]);
  });

  it("gives the null MX as an empty exchange", async () => {
    expect(await resolver().resolveMx("nullmx.test")).toEqual([{ exchange: "", priority: 0 }]);
  });

  it.each([
    ["absent name is NXDOMAIN", "nosuch.test", "A", "ENOTFOUND"],
    ["present name without the type is NODATA", "v6.test", "A", "ENODATA"],
    ["an ancestor of a zone name is NODATA, not NXDOMAIN", "sub.zone.test", "A", "ENODATA"],
    ["SERVFAIL", "sf.test", "A", "ESERVFAIL"],
    ["REFUSED", "rf.test", "A", "EREFUSED"],
    ["nxdomain fault overrides records", "nx.test", "A", "ENOTFOUND"],
    ["drop is a timeout", "drop.test", "A", "ETIMEOUT"],
  ])("%s", async (_label, name, type, expected) => {
    const r = resolver();
    const p = type === "A" ? r.resolve4(name) : r.resolveMx(name);
    expect(await code(p)).toBe(expected);
  });

  it("garbage is never an answer", async () => {
    const got = await code(resolver().resolve4("junk.test"));
    expect(["EBADRESP", "ETIMEOUT"]).toContain(got);
  });
});

describe("test DNS server: transport and faults", () => {
  it("truncate: TC over UDP, full answer over TCP", async () => {
    srv.resetCounts();
    expect(await resolver().resolveMx("tc.test")).toEqual([{ exchange: "mx1.example.com", priority: 5 }]);
    expect(srv.queries("tc.test", "MX", "udp")).toBe(1);
    expect(srv.queries("tc.test", "MX", "tcp")).toBe(1);
    expect(srv.queries("tc.test")).toBe(2);
  });

  it("delay=MS delays the answer", async () => {
    const t0 = Date.now();
    expect(await resolver(2000).resolve4("slow.test")).toEqual(["93.184.215.17"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    // c-ares stretches a short timeout from measured server latency, so the gap is kept wide.
    expect(await code(resolver(100).resolve4("slower.test"))).toBe("ETIMEOUT");
  });

  it("times=N limits a fault to the first N queries", async () => {
    expect(await code(resolver().resolve4("once.test"))).toBe("ESERVFAIL");
    expect(await resolver().resolve4("once.test")).toEqual(["93.184.215.18"]);
  });

  it("counts queries by name and type and resets", async () => {
    srv.resetCounts();
    await resolver().resolve4("mx1.example.com");
    await code(resolver().resolve4("nosuch.test"));
    expect(srv.queries("MX1.Example.com.", "a")).toBe(1);
    expect(srv.queries("nosuch.test")).toBe(1);
    expect(srv.queries(undefined, "MX")).toBe(0);
    expect(srv.queries()).toBe(2);
    srv.resetCounts();
    expect(srv.queries()).toBe(0);
  });
});

describe("test DNS server: options", () => {
  it("reads a zone file, adds latency and serves fallback names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dns-zone-"));
    try {
      const file = join(dir, "zone.txt");
      writeFileSync(file, "file.test A 93.184.215.20\n");
      const s = await startDnsServer({
        zone: { file },
        latencyMs: 50,
        fallback: (name) => {
          const m = /^gen(\d+)\.test$/.exec(name);
          return m ? [`${name} MX 10 mx.gen.test`] : undefined;
        },
      });
      try {
        const r = new Resolver({ timeout: 1000, tries: 1 });
        r.setServers([s.server]);
        expect(await r.resolve4("file.test")).toEqual(["93.184.215.20"]);
        expect(await r.resolveMx("gen42.test")).toEqual([{ exchange: "mx.gen.test", priority: 10 }]);
        expect(await code(r.resolve4("gen42.test"))).toBe("ENODATA");
        expect(await code(r.resolve4("other.test"))).toBe("ENOTFOUND");
      } finally {
        await s.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["example.com MX ten mx.example.com", /MX needs/],
    ["example.com A 300.1.1.1", /bad A address/],
    ["example.com SRV 1 2 3 x", /unknown record type/],
    ["example.com FAULT explode", /unknown fault/],
    ['example.com TXT "open', /unclosed quote/],
  ])("rejects a bad zone line: %s", (line, message) => {
    expect(() => parseZone(line)).toThrow(message);
  });
});

describe("examples/demo-zone.txt", () => {
  it("parses, and each kind it promises is served", async () => {
    const demo = await startDnsServer({ zone: { file: new URL("../../examples/demo-zone.txt", import.meta.url).pathname } });
    try {
      const r = new Resolver({ timeout: 200, tries: 1 });
      r.setServers([demo.server]);
      expect(await r.resolveMx("parked-domain.net")).toEqual([{ exchange: "", priority: 0 }]);
      expect(await code(r.resolveMx("dead-startup-2019.com"))).toBe("ENOTFOUND");
      expect(await code(r.resolveMx("old-school-host.com"))).toBe("ENODATA");
      expect(await code(r.resolveMx("servfail-corp.com"))).toBe("ESERVFAIL");
      expect(await r.resolveMx("fjord-analytics.no")).toEqual([{ exchange: "mx.fjord-analytics.no", priority: 10 }]);
      expect(await r.resolveMx("gmail.com")).toEqual([{ exchange: "gmail-smtp-in.l.google.com", priority: 10 }]);
    } finally {
      await demo.close();
    }
  });
});
