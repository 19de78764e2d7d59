import { createSocket } from "node:dgram";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createDnsChecker,
  DnsUnavailableError,
  transientDominates,
  type DnsCache,
  type DnsOptions,
  type DomainDns,
} from "../../src/dns/index.js";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";

// Every row of design.md "DNS semantics" through the public API, against a real DNS server on
// loopback. Every checker here has its servers set: no test touches the public internet.

const ZONE = `
# mail-receiving: MX to a host with a public address
mail.test MX 10 mx.mail.test
mx.mail.test A 93.184.215.34
upper.test MX 10 MX.Mail.Test.

# provider recognised from MX names
gw.test MX 1 aspmx.l.google.com
gw.test MX 5 alt1.aspmx.l.google.com
aspmx.l.google.com A 142.250.1.26
alt1.aspmx.l.google.com A 142.250.2.26

# RFC 7505 null MX, alone and beside a real MX
nullmx.test MX 0 .
mixed-null.test MX 0 .
mixed-null.test MX 10 mx.mail.test

# no MX (NODATA): A/AAAA fallback, public or not
a-only.test A 93.184.215.40
a-mixed.test A 10.0.0.7
a-mixed.test A 93.184.215.41
private-a.test A 10.1.2.3
v6-only.test AAAA 2606:4700::1
v6-private.test AAAA fd00::1
txt-only.test TXT "v=spf1 -all"
a-slow.test FAULT drop A
a-slow.test AAAA fd00::2

# MX targets that cannot receive mail
mx-localhost.test MX 10 localhost
mx-ip.test MX 10 127.0.0.1
mx-private.test MX 10 internal.mx-private.test
internal.mx-private.test A 192.168.1.10
internal.mx-private.test AAAA fe80::1
mx-dangling.test MX 10 gone.nowhere.test
mx-partial.test MX 10 localhost
mx-partial.test MX 20 mx.mail.test
mx-host-dead.test MX 10 dead.mxhost.test
dead.mxhost.test FAULT drop
mx-v6host.test MX 10 v6-only.test

# transient failures
servfail.test FAULT servfail
refused.test FAULT refused
drop.test FAULT drop
garbage.test FAULT garbage

# truncated over UDP: the answer comes over TCP
tc.test MX 10 mx.mail.test
tc.test FAULT truncate

# SERVFAIL once, then a real answer
flaky.test MX 10 mx.mail.test
flaky.test FAULT servfail MX times=1

# the MX host's A fails once: the domain's retry must ask for it again
mx-host-flaky.test MX 10 flaky-host.test
flaky-host.test A 93.184.215.50
flaky-host.test FAULT servfail A times=1

# each query answered after 150 ms: shows how many run at once
q1.test FAULT delay=150
q1.test A 93.184.215.61
q2.test FAULT delay=150
q2.test A 93.184.215.62
q3.test FAULT delay=150
q3.test A 93.184.215.63

many.test MX 10 mx.mail.test
other.test MX 20 mx.mail.test
`;

let srv: TestDnsServer;

beforeAll(async () => {
  srv = await startDnsServer({ zone: ZONE });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  srv.resetCounts();
});

/** Short timeouts so failure rows take a fraction of a second. */
function checker(extra: DnsOptions = {}) {
  return createDnsChecker({ servers: [srv.server], timeoutMs: 200, tries: 1, retryDelayMs: 50, ...extra });
}

/** A real in-memory DnsCache (the SQLite store implements the same interface). */
class MemoryCache implements DnsCache {
  readonly entries = new Map<string, { value: DomainDns; ttl: number }>();
  get(domain: string): DomainDns | undefined {
    return this.entries.get(domain)?.value;
  }
  put(domain: string, value: DomainDns, ttlSeconds: number): void {
    this.entries.set(domain, { value, ttl: ttlSeconds });
  }
}

describe("DNS semantics: one row each", () => {
  it.each<[string, string, DomainDns]>([
    ["MX to a public host", "mail.test", { kind: "mx", hosts: [{ exchange: "mx.mail.test", priority: 10 }], provider: null }],
    ["MX names are lower-cased, trailing dot dropped", "upper.test", { kind: "mx", hosts: [{ exchange: "mx.mail.test", priority: 10 }], provider: null }],
    [
      "MX with a recognised provider",
      "gw.test",
      {
        kind: "mx",
        hosts: [
          { exchange: "aspmx.l.google.com", priority: 1 },
          { exchange: "alt1.aspmx.l.google.com", priority: 5 },
        ],
        provider: "Google Workspace",
      },
    ],
    ["null MX alone", "nullmx.test", { kind: "null_mx" }],
    ["null MX beside a real MX: the real one counts", "mixed-null.test", { kind: "mx", hosts: [{ exchange: "mx.mail.test", priority: 10 }], provider: null }],
    ["NODATA, public A: implicit MX", "a-only.test", { kind: "implicit_mx", addresses: ["93.184.215.40"] }],
    ["NODATA, private and public A: only the public counted", "a-mixed.test", { kind: "implicit_mx", addresses: ["93.184.215.41"] }],
    ["NODATA, only a private A", "private-a.test", { kind: "no_mail_server" }],
    ["NODATA, AAAA only", "v6-only.test", { kind: "implicit_mx", addresses: ["2606:4700::1"] }],
    ["NODATA, only a private AAAA", "v6-private.test", { kind: "no_mail_server" }],
    ["name exists with no MX, A or AAAA", "txt-only.test", { kind: "no_mail_server" }],
    ["NXDOMAIN", "nosuch.test", { kind: "not_found" }],
    ["MX to an IPv6-only host", "mx-v6host.test", { kind: "mx", hosts: [{ exchange: "v6-only.test", priority: 10 }], provider: null }],
    ["MX with one bad and one good host: the good one counts", "mx-partial.test", {
      kind: "mx",
      hosts: [
        { exchange: "localhost", priority: 10 },
        { exchange: "mx.mail.test", priority: 20 },
      ],
      provider: null,
    }],
    ["truncated over UDP, answered over TCP", "tc.test", { kind: "mx", hosts: [{ exchange: "mx.mail.test", priority: 10 }], provider: null }],
  ])("%s (%s)", async (_label, domain, expected) => {
    const dns = checker();
    try {
      expect(await dns.check(domain)).toEqual(expected);
    } finally {
      dns.close();
    }
  });

  it.each<[string, string, string, RegExp]>([
    ["MX to localhost", "mx-localhost.test", "localhost", /localhost/],
    ["MX to an IP literal", "mx-ip.test", "127.0.0.1", /IP address/],
    ["MX to a host with only private addresses", "mx-private.test", "internal.mx-private.test", /private or reserved.*192\.168\.1\.10.*fe80::1/],
    ["MX to a host that does not resolve", "mx-dangling.test", "gone.nowhere.test", /does not resolve/],
  ])("invalid_mx: %s", async (_label, domain, host, why) => {
    const dns = checker();
    try {
      const got = await dns.check(domain);
      expect(got.kind).toBe("invalid_mx");
      if (got.kind !== "invalid_mx") return;
      expect(got.host).toBe(host);
      expect(got.why).toMatch(why);
    } finally {
      dns.close();
    }
  });

  it.each<[string, string, readonly string[]]>([
    ["SERVFAIL", "servfail.test", ["ESERVFAIL"]],
    ["REFUSED", "refused.test", ["EREFUSED"]],
    ["no reply", "drop.test", ["ETIMEOUT"]],
    ["garbage reply", "garbage.test", ["EBADRESP", "ETIMEOUT"]],
    ["MX host does not answer: never invalid", "mx-host-dead.test", ["ETIMEOUT"]],
    ["A times out and AAAA is private: unknown, not no_mail_server", "a-slow.test", ["ETIMEOUT"]],
  ])("unknown, never a rejection: %s", async (_label, domain, errors) => {
    const dns = checker();
    try {
      const got = await dns.check(domain);
      expect(got.kind).toBe("unknown");
      if (got.kind === "unknown") expect(errors).toContain(got.error);
    } finally {
      dns.close();
    }
  });
});

describe("one lookup per domain per run", () => {
  it("50 concurrent checks of one domain make one MX query and share the answer", async () => {
    const dns = checker();
    try {
      const all = await Promise.all(Array.from({ length: 50 }, () => dns.check("many.test")));
      expect(srv.queries("many.test", "MX")).toBe(1);
      expect(new Set(all).size).toBe(1);
      expect(all[0]?.kind).toBe("mx");
      // Later checks, in any letter case or with the root dot, are answered from the memo.
      await dns.check("MANY.test.");
      expect(srv.queries("many.test", "MX")).toBe(1);
      expect(dns.stats().queried).toBe(1);
    } finally {
      dns.close();
    }
  });

  it("MX host addresses are looked up once across domains", async () => {
    const dns = checker();
    try {
      await Promise.all([dns.check("mail.test"), dns.check("many.test"), dns.check("other.test")]);
      await dns.check("mixed-null.test");
      expect(srv.queries("mx.mail.test", "A")).toBe(1);
    } finally {
      dns.close();
    }
  });

  it("with concurrency 1 the queries run one after another", async () => {
    // Three domains, two delayed queries each (MX → NODATA, then A): 6 × 150 ms in series,
    // about 300 ms if they overlapped.
    const dns = checker({ concurrency: 1, timeoutMs: 2000 });
    try {
      const t0 = Date.now();
      const got = await Promise.all(["q1.test", "q2.test", "q3.test"].map((d) => dns.check(d)));
      expect(got.map((g) => g.kind)).toEqual(["implicit_mx", "implicit_mx", "implicit_mx"]);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(850);
    } finally {
      dns.close();
    }
  });

  it("keeps at most `concurrency` queries in flight and still answers every domain", async () => {
    const dns = checker({ concurrency: 2 });
    try {
      const domains = ["mail.test", "gw.test", "a-only.test", "nosuch.test", "nullmx.test", "v6-only.test"];
      const got = await Promise.all(domains.map((d) => dns.check(d)));
      expect(got.map((g) => g.kind)).toEqual(["mx", "mx", "implicit_mx", "not_found", "null_mx", "implicit_mx"]);
    } finally {
      dns.close();
    }
  });
});

describe("retry once later in the run", () => {
  it("a domain that fails twice is asked twice and settles unknown", async () => {
    const dns = checker();
    try {
      const waiters = await Promise.all([dns.check("servfail.test"), dns.check("servfail.test")]);
      expect(waiters).toEqual([
        { kind: "unknown", error: "ESERVFAIL" },
        { kind: "unknown", error: "ESERVFAIL" },
      ]);
      expect(srv.queries("servfail.test", "MX")).toBe(2);
      const s = dns.stats();
      expect(s).toMatchObject({ queried: 1, transient: 1, retried: 1 });
      expect(s.byKind.unknown).toBe(1);
    } finally {
      dns.close();
    }
  });

  it("a domain that fails once gets its real answer from the retry, and waiters get it too", async () => {
    const dns = checker();
    try {
      const [a, b] = await Promise.all([dns.check("flaky.test"), dns.check("flaky.test")]);
      expect(a).toEqual({ kind: "mx", hosts: [{ exchange: "mx.mail.test", priority: 10 }], provider: null });
      expect(b).toBe(a);
      expect(srv.queries("flaky.test", "MX")).toBe(2);
      expect(dns.stats()).toMatchObject({ started: 1, queried: 1, transient: 0, retried: 1 });
    } finally {
      dns.close();
    }
  });

  it("a transient MX-host failure is not memoised: the retry asks again", async () => {
    const dns = checker();
    try {
      expect((await dns.check("mx-host-flaky.test")).kind).toBe("mx");
      expect(srv.queries("flaky-host.test", "A")).toBe(2);
    } finally {
      dns.close();
    }
  });

  it("the retry waits for the pause", async () => {
    const dns = checker({ retryDelayMs: 400 });
    try {
      const t0 = Date.now();
      await dns.check("refused.test");
      expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    } finally {
      dns.close();
    }
  });
});

describe("cache", () => {
  it("a cache hit makes no query", async () => {
    const cache = new MemoryCache();
    const stored: DomainDns = { kind: "mx", hosts: [{ exchange: "mx.cached.test", priority: 5 }], provider: null };
    cache.put("cached.test", stored, 86400);
    const dns = checker({ cache });
    try {
      expect(await dns.check("Cached.Test")).toEqual(stored);
      expect(srv.queries()).toBe(0);
      expect(dns.stats()).toMatchObject({ cached: 1, queried: 0, started: 0 });
    } finally {
      dns.close();
    }
  });

  it("stores answers with their TTL and never stores a transient one", async () => {
    const cache = new MemoryCache();
    const dns = checker({ cache });
    try {
      await Promise.all(["mail.test", "nosuch.test", "servfail.test"].map((d) => dns.check(d)));
      expect(cache.entries.get("mail.test")?.ttl).toBe(86400);
      expect(cache.entries.get("nosuch.test")).toEqual({ value: { kind: "not_found" }, ttl: 3600 });
      expect(cache.entries.has("servfail.test")).toBe(false);
    } finally {
      dns.close();
    }
  });

  it("refresh ignores what the cache holds but still writes the fresh answer", async () => {
    const cache = new MemoryCache();
    cache.put("mail.test", { kind: "not_found" }, 3600);
    const dns = checker({ cache, refresh: true });
    try {
      expect((await dns.check("mail.test")).kind).toBe("mx");
      expect(srv.queries("mail.test", "MX")).toBe(1);
      expect(cache.entries.get("mail.test")?.value.kind).toBe("mx");
    } finally {
      dns.close();
    }
  });

  it("a transient answer found in the cache is not trusted", async () => {
    const cache = new MemoryCache();
    cache.put("mail.test", { kind: "unknown", error: "ETIMEOUT" }, 60);
    const dns = checker({ cache });
    try {
      expect((await dns.check("mail.test")).kind).toBe("mx");
    } finally {
      dns.close();
    }
  });

  it("a cache that throws is a miss, not a failed check", async () => {
    const broken: DnsCache = {
      get() {
        throw new Error("disk I/O error");
      },
      put() {
        throw new Error("disk I/O error");
      },
    };
    const dns = checker({ cache: broken });
    try {
      expect((await dns.check("mail.test")).kind).toBe("mx");
    } finally {
      dns.close();
    }
  });
});

describe("canary", () => {
  it("passes against a server that answers", async () => {
    const dns = checker();
    try {
      await expect(dns.canary()).resolves.toBeUndefined();
    } finally {
      dns.close();
    }
  });

  it("throws DnsUnavailableError naming the server when nothing listens", async () => {
    // Bind a UDP port, then free it: nothing answers there.
    const sock = createSocket("udp4");
    await new Promise<void>((resolve) => sock.bind(0, "127.0.0.1", () => resolve()));
    const port = sock.address().port;
    await new Promise<void>((resolve) => sock.close(() => resolve()));
    const dns = createDnsChecker({ servers: [`127.0.0.1:${port}`], timeoutMs: 200, tries: 1 });
    try {
      const err = await dns.canary().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DnsUnavailableError);
      if (!(err instanceof DnsUnavailableError)) return;
      expect(err.servers).toEqual([`127.0.0.1:${port}`]);
      expect(["ECONNREFUSED", "ETIMEOUT"]).toContain(err.code);
      expect(err.message).toContain(`127.0.0.1:${port}`);
    } finally {
      dns.close();
    }
  });

  it("throws when the server answers everything with SERVFAIL", async () => {
    const dead = await startDnsServer({ zone: ". FAULT servfail\nmailsweep-canary.invalid FAULT servfail" });
    const dns = createDnsChecker({ servers: [dead.server], timeoutMs: 200, tries: 1 });
    try {
      await expect(dns.canary()).rejects.toMatchObject({ name: "DnsUnavailableError", code: "ESERVFAIL" });
    } finally {
      dns.close();
      await dead.close();
    }
  });

  it("passes when only root queries are refused but the resolver answers others", async () => {
    // Some forwarders refuse `. NS`; `.invalid` answered NXDOMAIN proves the resolver works.
    const picky = await startDnsServer({ zone: ". FAULT refused" });
    const dns = createDnsChecker({ servers: [picky.server], timeoutMs: 200, tries: 1 });
    try {
      await expect(dns.canary()).resolves.toBeUndefined();
    } finally {
      dns.close();
      await picky.close();
    }
  });
});

describe("stats, close and options", () => {
  it("counts final answers by kind, and transient majority is detected", async () => {
    const dns = checker();
    try {
      await Promise.all(["mail.test", "nosuch.test", "nullmx.test", "servfail.test"].map((d) => dns.check(d)));
      const s = dns.stats();
      expect(s.queried).toBe(4);
      expect(s.byKind).toMatchObject({ mx: 1, not_found: 1, null_mx: 1, unknown: 1, implicit_mx: 0 });
      expect(transientDominates(s)).toBe(false);
    } finally {
      dns.close();
    }
  });

  it.each([
    [19, 19, false],
    [20, 10, false],
    [20, 11, true],
    [100, 51, true],
  ])("transientDominates: %i queried, %i transient → %s", (queried, transient, expected) => {
    const byKind = { mx: 0, implicit_mx: 0, null_mx: 0, not_found: 0, no_mail_server: 0, invalid_mx: 0, unknown: transient };
    expect(transientDominates({ started: queried, queried, cached: 0, transient, retried: transient, byKind })).toBe(expected);
  });

  it("close() settles pending checks as unknown without waiting for the timeout", async () => {
    const dns = createDnsChecker({ servers: [srv.server], timeoutMs: 5000, tries: 1, retryDelayMs: 5000 });
    const pending = dns.check("drop.test");
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    dns.close();
    expect(await pending).toEqual({ kind: "unknown", error: "ECANCELLED" });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await dns.check("mail.test")).toEqual({ kind: "unknown", error: "ECANCELLED" });
  });

  it("servers() reports the configured servers", () => {
    const dns = createDnsChecker({ servers: ["127.0.0.1:5353", "[::1]:53"] });
    try {
      expect(dns.servers()).toEqual(["127.0.0.1:5353", "::1"]);
    } finally {
      dns.close();
    }
  });

  it.each<[DnsOptions, RegExp]>([
    [{ servers: ["dns.google"] }, /must be an IP address/],
    [{ servers: ["127.0.0.1:0"] }, /port/],
    [{ timeoutMs: 0 }, /timeout/],
    [{ tries: 0 }, /tries/],
    [{ concurrency: 1.5 }, /concurrency/],
  ])("refuses bad options %j", (opts, message) => {
    expect(() => createDnsChecker({ servers: ["127.0.0.1:53"], ...opts })).toThrow(message);
  });
});
