import { createSocket, type RemoteInfo, type Socket } from "node:dgram";
import { readFileSync } from "node:fs";
import { createServer, type Server, type Socket as TcpSocket } from "node:net";
import { encodeResponse, parseQuery, RCODE, typeName, type Query } from "./dns-wire.js";
import { canonical, parseZone, parseZoneLine, RECORD_TYPES, type FaultRule, type RecordType, type ZoneRecord } from "./dns-zone.js";

/**
 * A real DNS server on 127.0.0.1 (UDP and TCP on the same ephemeral port) serving a test zone
 * (format in dns-zone.ts). Tests point a resolver at `server` and never touch the internet.
 *
 * - A name not in the zone (and not an ancestor of one) is NXDOMAIN; a name present without the
 *   asked type is NODATA (NOERROR, no answers). CNAMEs are followed inside the zone.
 * - Faults per name: nxdomain, servfail, refused, drop (no reply), delay=MS, truncate (TC bit and
 *   no answers over UDP; the full answer over TCP), garbage (bytes that are not a DNS message).
 */
export interface DnsServerOptions {
  /** Zone text, or `{ file }` to read it from a path. */
  readonly zone: string | { readonly file: string };
  /** Added before every reply. */
  readonly latencyMs?: number;
  /**
   * Asked for names the zone does not know: return that name's records (any types; zone-line
   * strings or parsed records), [] for a name without records, or undefined for NXDOMAIN.
   * Lets a benchmark serve many generated domains without a giant zone.
   */
  readonly fallback?: (name: string, type: RecordType | string) => readonly (ZoneRecord | string)[] | undefined;
  /** TTL in answers, default 300. */
  readonly ttl?: number;
}

export type Transport = "udp" | "tcp";

export interface TestDnsServer {
  readonly host: string;
  readonly port: number;
  /** "127.0.0.1:PORT", ready for `servers: [...]`. */
  readonly server: string;
  /** Queries received (both transports unless one is named), optionally for one name and type. */
  queries(name?: string, type?: string, transport?: Transport): number;
  resetCounts(): void;
  close(): Promise<void>;
}

const MAX_CNAME_CHAIN = 8;

export async function startDnsServer(opts: DnsServerOptions): Promise<TestDnsServer> {
  const text = typeof opts.zone === "string" ? opts.zone : readFileSync(opts.zone.file, "utf8");
  const zone = parseZone(text);
  const byName = new Map<string, ZoneRecord[]>();
  for (const r of zone.records) {
    const list = byName.get(r.name) ?? [];
    list.push(r);
    byName.set(r.name, list);
  }
  // Ancestors of zone names exist as empty non-terminals (RFC 8020): NODATA, not NXDOMAIN.
  const ancestors = new Set<string>();
  for (const name of [...byName.keys(), ...zone.faults.map((f) => f.name)]) {
    const labels = name.split(".");
    for (let i = 1; i <= labels.length; i++) ancestors.add(labels.slice(i).join("."));
  }
  const faultHits = new Map<FaultRule, number>();
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const tcpClients = new Set<TcpSocket>();
  const ttl = opts.ttl ?? 300;

  function recordsOf(name: string, qtype: string): readonly ZoneRecord[] | undefined {
    const own = byName.get(name);
    if (own) return own;
    if (ancestors.has(name)) return [];
    const extra = opts.fallback?.(name, qtype);
    if (extra === undefined) return undefined;
    return extra.flatMap((e) => {
      if (typeof e !== "string") return [e];
      const parsed = parseZoneLine(e);
      return parsed !== undefined && !("fault" in parsed) ? [parsed] : [];
    });
  }

  /** The faults that apply to this query, each counted against its `times`. */
  function faultsFor(name: string, qtype: string): FaultRule[] {
    const hit: FaultRule[] = [];
    for (const f of zone.faults) {
      if (f.name !== name || (f.type !== undefined && f.type !== qtype)) continue;
      const used = faultHits.get(f) ?? 0;
      if (f.times !== undefined && used >= f.times) continue;
      faultHits.set(f, used + 1);
      hit.push(f);
    }
    return hit;
  }

  /** The reply bytes for a query, or null to stay silent. */
  function answer(q: Query, transport: Transport): { delayMs: number; reply: Buffer | null } {
    const qtype = typeName(q.type);
    const key = `${q.name}|${qtype}|${transport}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const faults = faultsFor(q.name, qtype);
    const delayMs = (opts.latencyMs ?? 0) + faults.reduce((sum, f) => sum + (f.fault === "delay" ? f.delayMs : 0), 0);
    const has = (k: FaultRule["fault"]): boolean => faults.some((f) => f.fault === k);
    if (has("drop")) return { delayMs, reply: null };
    if (has("garbage")) return { delayMs, reply: garbage(q.id) };
    const plain = (rcode: number): Buffer => encodeResponse(q, { rcode, answers: [], truncated: false, ttl });
    if (has("servfail")) return { delayMs, reply: plain(RCODE.SERVFAIL) };
    if (has("refused")) return { delayMs, reply: plain(RCODE.REFUSED) };
    if (has("nxdomain")) return { delayMs, reply: plain(RCODE.NXDOMAIN) };
    if (has("truncate") && transport === "udp") {
      return { delayMs, reply: encodeResponse(q, { rcode: RCODE.NOERROR, answers: [], truncated: true, ttl }) };
    }

    const answers: ZoneRecord[] = [];
    let name = q.name;
    let records = recordsOf(name, qtype);
    if (records === undefined) return { delayMs, reply: plain(RCODE.NXDOMAIN) };
    for (let hop = 0; hop < MAX_CNAME_CHAIN; hop++) {
      const matching = records.filter((r) => RECORD_TYPES[r.type] === q.type);
      const cname = records.find((r): r is Extract<ZoneRecord, { target: string }> => r.type === "CNAME");
      if (matching.length > 0 || cname === undefined || qtype === "CNAME") {
        answers.push(...matching);
        break;
      }
      answers.push(cname);
      name = cname.target;
      records = recordsOf(name, qtype) ?? [];
    }
    let reply = encodeResponse(q, { rcode: RCODE.NOERROR, answers, truncated: false, ttl });
    // RFC 1035 §4.2.1: a UDP reply larger than the client can take is truncated (TC bit).
    if (transport === "udp" && reply.length > q.udpSize) {
      reply = encodeResponse(q, { rcode: RCODE.NOERROR, answers: [], truncated: true, ttl });
    }
    return { delayMs, reply };
  }

  function later(ms: number, fn: () => void): void {
    if (ms <= 0) {
      fn();
      return;
    }
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  const { udp, tcp, port } = await bindBoth();

  udp.on("message", (msg: Buffer, rinfo: RemoteInfo) => {
    const q = parseQuery(msg);
    if (q === undefined) return;
    const { delayMs, reply } = answer(q, "udp");
    if (reply === null) return;
    later(delayMs, () => udp.send(reply, rinfo.port, rinfo.address));
  });

  tcp.on("connection", (sock: TcpSocket) => {
    tcpClients.add(sock);
    sock.on("close", () => tcpClients.delete(sock));
    sock.on("error", () => sock.destroy());
    let buffered = Buffer.alloc(0);
    sock.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      // RFC 1035 §4.2.2: each message is preceded by a two-byte length; queries may be pipelined.
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (buffered.length < 2 + len) break;
        const msg = buffered.subarray(2, 2 + len);
        buffered = buffered.subarray(2 + len);
        const q = parseQuery(msg);
        if (q === undefined) continue;
        const { delayMs, reply } = answer(q, "tcp");
        if (reply === null) continue;
        later(delayMs, () => {
          if (sock.destroyed) return;
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(reply.length);
          sock.write(Buffer.concat([prefix, reply]));
        });
      }
    });
  });

  return {
    host: "127.0.0.1",
    port,
    server: `127.0.0.1:${port}`,
    queries(name?: string, type?: string, transport?: Transport): number {
      let n = 0;
      const wantName = name === undefined ? undefined : canonical(name);
      const wantType = type?.toUpperCase();
      for (const [key, count] of counts) {
        const [kName, kType, kTransport] = key.split("|");
        if (wantName !== undefined && kName !== wantName) continue;
        if (wantType !== undefined && kType !== wantType) continue;
        if (transport !== undefined && kTransport !== transport) continue;
        n += count;
      }
      return n;
    },
    resetCounts(): void {
      counts.clear();
    },
    async close(): Promise<void> {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of tcpClients) s.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

/**
 * Not a DNS message: the query's ID (so the client matches it to its query rather than dropping
 * it unread) and a response header promising a question and five answers, then bytes that end
 * in the middle of the first name.
 */
function garbage(id: number): Buffer {
  const b = Buffer.from([0, 0, 0x81, 0x80, 0, 1, 0, 5, 0, 0, 0, 0, 0x3f, 0x67, 0x61, 0x72, 0x62]);
  b.writeUInt16BE(id, 0);
  return b;
}

/** UDP on an ephemeral port, then TCP on the same number; retry if TCP finds it taken. */
async function bindBoth(): Promise<{ udp: Socket; tcp: Server; port: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const udp = createSocket("udp4");
    await new Promise<void>((resolve, reject) => {
      udp.once("error", reject);
      udp.bind(0, "127.0.0.1", () => {
        udp.off("error", reject);
        resolve();
      });
    });
    const port = udp.address().port;
    const tcp = createServer();
    const ok = await new Promise<boolean>((resolve) => {
      tcp.once("error", () => resolve(false));
      tcp.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (ok) {
      udp.on("error", () => undefined); // a late ICMP error must not crash the test run
      return { udp, tcp, port };
    }
    await new Promise<void>((resolve) => udp.close(() => resolve()));
  }
  throw new Error("could not bind UDP and TCP on the same loopback port");
}
