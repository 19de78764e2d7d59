import { RECORD_TYPES, type ZoneRecord } from "./dns-zone.js";

/**
 * Just enough of the DNS wire format (RFC 1035 §4) for the loopback test server: read a query's
 * header and question, write a response with answers. Names in answers are written in full
 * (no compression, RFC 1035 §4.1.4 allows that).
 */

export interface Query {
  readonly id: number;
  readonly flags: number;
  readonly name: string; // lower-case, no trailing dot; root is ""
  readonly type: number;
  /** The question section exactly as received, echoed back (keeps any 0x20 letter case). */
  readonly question: Buffer;
  /** UDP payload size the client advertised in EDNS (RFC 6891 §6.2.3), else 512. */
  readonly udpSize: number;
}

export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

/** Read a possibly compressed name at `offset`; returns the name and the offset after it. */
function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next = -1;
  for (let hops = 0; hops < 128; hops++) {
    const len = buf[pos];
    if (len === undefined) throw new Error("name runs past the message");
    if (len === 0) {
      return { name: labels.join(".").toLowerCase(), next: next === -1 ? pos + 1 : next };
    }
    if ((len & 0xc0) === 0xc0) {
      const low = buf[pos + 1];
      if (low === undefined) throw new Error("truncated pointer");
      if (next === -1) next = pos + 2;
      pos = ((len & 0x3f) << 8) | low;
      continue;
    }
    if (pos + 1 + len > buf.length) throw new Error("label runs past the message");
    labels.push(buf.toString("latin1", pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  throw new Error("name has too many labels or a pointer loop");
}

/** Parse a query; undefined when the bytes are not one (the server then stays silent). */
export function parseQuery(buf: Buffer): Query | undefined {
  if (buf.length < 12) return undefined;
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  if ((flags & 0x8000) !== 0) return undefined; // a response, not a query
  const qdcount = buf.readUInt16BE(4);
  const arcount = buf.readUInt16BE(10);
  if (qdcount !== 1) return undefined;
  try {
    const { name, next } = readName(buf, 12);
    if (next + 4 > buf.length) return undefined;
    const type = buf.readUInt16BE(next);
    const end = next + 4;
    let udpSize = 512;
    // Find an OPT pseudo-record in the additional section (queries carry nothing else before it).
    let pos = end;
    for (let i = 0; i < arcount && pos < buf.length; i++) {
      const rr = readName(buf, pos);
      if (rr.next + 10 > buf.length) break;
      const rrType = buf.readUInt16BE(rr.next);
      const rrClass = buf.readUInt16BE(rr.next + 2);
      const rdlen = buf.readUInt16BE(rr.next + 8);
      if (rrType === 41) udpSize = Math.max(512, rrClass);
      pos = rr.next + 10 + rdlen;
    }
    return { id, flags, name, type, question: Buffer.from(buf.subarray(12, end)), udpSize };
  } catch {
    return undefined;
  }
}

function encodeName(name: string): Buffer {
  const parts: Buffer[] = [];
  for (const label of name.split(".")) {
    if (label === "") continue;
    const bytes = Buffer.from(label, "latin1");
    if (bytes.length > 63) throw new Error(`label too long: ${label}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function rdata(r: ZoneRecord): Buffer {
  switch (r.type) {
    case "A":
      return Buffer.from(r.address.split(".").map(Number));
    case "AAAA":
      return ipv6Bytes(r.address);
    case "MX": {
      const pref = Buffer.alloc(2);
      pref.writeUInt16BE(r.priority);
      return Buffer.concat([pref, encodeName(r.exchange)]);
    }
    case "TXT": {
      // RFC 1035 §3.3.14: one or more <character-string>s, each at most 255 bytes.
      const chunks: Buffer[] = [];
      for (const t of r.texts) {
        const bytes = Buffer.from(t, "utf8");
        if (bytes.length === 0) chunks.push(Buffer.from([0]));
        for (let i = 0; i < bytes.length; i += 255) {
          const piece = bytes.subarray(i, i + 255);
          chunks.push(Buffer.from([piece.length]), piece);
        }
      }
      return Buffer.concat(chunks);
    }
    case "PTR":
    case "CNAME":
    case "NS":
      return encodeName(r.target);
  }
}

function ipv6Bytes(text: string): Buffer {
  let s = text.toLowerCase();
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const q = tail.split(".").map(Number);
    s = `${s.slice(0, lastColon + 1)}${(((q[0] ?? 0) << 8) | (q[1] ?? 0)).toString(16)}:${(((q[2] ?? 0) << 8) | (q[3] ?? 0)).toString(16)}`;
  }
  const [head = "", rest] = s.split("::");
  const h = head === "" ? [] : head.split(":");
  const t = rest === undefined || rest === "" ? [] : rest.split(":");
  const groups = [...h, ...Array<string>(rest === undefined ? 0 : 8 - h.length - t.length).fill("0"), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function encodeRecord(r: ZoneRecord, ttl: number): Buffer {
  const data = rdata(r);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(RECORD_TYPES[r.type], 0);
  fixed.writeUInt16BE(1, 2); // class IN
  fixed.writeUInt32BE(ttl, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([encodeName(r.name), fixed, data]);
}

export interface ResponseSpec {
  readonly rcode: number;
  readonly answers: readonly ZoneRecord[];
  readonly truncated: boolean;
  readonly ttl: number;
}

export function encodeResponse(q: Query, spec: ResponseSpec): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.id, 0);
  const opcode = q.flags & 0x7800;
  const rd = q.flags & 0x0100;
  // QR, the query's opcode, AA (we are the zone's authority), TC, RD echoed, RA, rcode.
  const flags = 0x8000 | opcode | 0x0400 | (spec.truncated ? 0x0200 : 0) | rd | 0x0080 | (spec.rcode & 0xf);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(spec.truncated ? 0 : spec.answers.length, 6);
  const body = spec.truncated ? [] : spec.answers.map((r) => encodeRecord(r, spec.ttl));
  return Buffer.concat([header, q.question, ...body]);
}

export function typeName(code: number): string {
  for (const [name, value] of Object.entries(RECORD_TYPES)) if (value === code) return name;
  return `TYPE${code}`;
}
