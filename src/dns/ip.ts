import { isIPv4, isIPv6 } from "node:net";

/**
 * Is an address one that a mail server on the public internet could have?
 *
 * The ranges come from the IANA special-purpose address registries (RFC 6890, updated by
 * RFC 8190 and later assignments): every block whose "Globally Reachable" column is False, plus
 * multicast, broadcast and the deprecated blocks whose column is N/A. An MX host that resolves only
 * to such addresses cannot receive mail from the internet, and an A record at such an address is
 * no implicit MX (RFC 5321 §5.1).
 */
export function isGloballyRoutable(ip: string): boolean {
  const text = ip.trim();
  if (isIPv4(text)) return v4Routable(parseV4(text));
  const zoneless = text.includes("%") ? "" : text; // a zone index (fe80::1%eth0) is link-local by nature
  if (isIPv6(zoneless)) return v6Routable(parseV6(zoneless));
  return false;
}

/** [prefix, length] pairs; a v4 prefix is a 32-bit number. */
type V4Block = readonly [number, number];

// RFC 6890 §2.2.2 table and later IANA additions. Each line: the block and why it is excluded.
const V4_NOT_GLOBAL: readonly V4Block[] = [
  [v4("0.0.0.0"), 8], // "this network" (RFC 791 §3.2)
  [v4("10.0.0.0"), 8], // private use (RFC 1918)
  [v4("100.64.0.0"), 10], // shared address space, carrier-grade NAT (RFC 6598)
  [v4("127.0.0.0"), 8], // loopback (RFC 1122 §3.2.1.3)
  [v4("169.254.0.0"), 16], // link local (RFC 3927)
  [v4("172.16.0.0"), 12], // private use (RFC 1918)
  [v4("192.0.0.0"), 24], // IETF protocol assignments (RFC 6890 §2.1); .9 and .10 excepted below
  [v4("192.0.2.0"), 24], // documentation TEST-NET-1 (RFC 5737)
  [v4("192.88.99.0"), 24], // deprecated 6to4 relay anycast (RFC 7526)
  [v4("192.168.0.0"), 16], // private use (RFC 1918)
  [v4("198.18.0.0"), 15], // benchmarking (RFC 2544)
  [v4("198.51.100.0"), 24], // documentation TEST-NET-2 (RFC 5737)
  [v4("203.0.113.0"), 24], // documentation TEST-NET-3 (RFC 5737)
  [v4("224.0.0.0"), 4], // multicast (RFC 5771): never a unicast mail host
  [v4("240.0.0.0"), 4], // reserved (RFC 1112 §4), includes 255.255.255.255 limited broadcast
];

// Inside 192.0.0.0/24 the registry marks two anycast services globally reachable.
const V4_GLOBAL_EXCEPTIONS: readonly V4Block[] = [
  [v4("192.0.0.9"), 32], // Port Control Protocol anycast (RFC 7723)
  [v4("192.0.0.10"), 32], // Traversal Using Relays around NAT anycast (RFC 8155)
];

function v4(text: string): number {
  return parseV4(text);
}

function parseV4(text: string): number {
  const parts = text.split(".").map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

function inV4(addr: number, [prefix, len]: V4Block): boolean {
  if (len === 0) return true;
  const mask = len === 32 ? 0xffffffff : (~(0xffffffff >>> len)) >>> 0;
  return ((addr & mask) >>> 0) === ((prefix & mask) >>> 0);
}

function v4Routable(addr: number): boolean {
  if (V4_GLOBAL_EXCEPTIONS.some((b) => inV4(addr, b))) return true;
  return !V4_NOT_GLOBAL.some((b) => inV4(addr, b));
}

/** An IPv6 address as a 128-bit bigint. */
type V6Block = readonly [bigint, number];

function parseV6(text: string): bigint {
  let s = text.toLowerCase();
  // An embedded dotted quad (::ffff:1.2.3.4) becomes two 16-bit groups.
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const n = parseV4(tail);
    s = `${s.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = "", rest] = s.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const fill = rest === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(fill).fill("0"), ...tailGroups];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  return value;
}

function v6(text: string): bigint {
  return parseV6(text);
}

function inV6(addr: bigint, [prefix, len]: V6Block): boolean {
  const shift = BigInt(128 - len);
  return addr >> shift === prefix >> shift;
}

// RFC 6890 §2.2.3 table and later IANA additions.
const V6_NOT_GLOBAL: readonly V6Block[] = [
  [v6("::"), 128], // unspecified (RFC 4291 §2.5.2)
  [v6("::1"), 128], // loopback (RFC 4291 §2.5.3)
  [v6("::ffff:0:0"), 96], // IPv4-mapped (RFC 4291 §2.5.5.2): a DNS AAAA of this form is a misconfiguration
  [v6("64:ff9b:1::"), 48], // local-use IPv4/IPv6 translation (RFC 8215)
  [v6("100::"), 64], // discard-only (RFC 6666)
  [v6("2001::"), 23], // IETF protocol assignments (RFC 2928), incl. Teredo; exceptions below
  [v6("2001:db8::"), 32], // documentation (RFC 3849)
  [v6("3fff::"), 20], // documentation (RFC 9637)
  [v6("5f00::"), 16], // segment routing SIDs (RFC 9602)
  [v6("fc00::"), 7], // unique local (RFC 4193)
  [v6("fe80::"), 10], // link-local unicast (RFC 4291 §2.5.6)
  [v6("fec0::"), 10], // deprecated site-local (RFC 3879)
  [v6("ff00::"), 8], // multicast (RFC 4291 §2.7)
];

// Inside 2001::/23 the registry marks these globally reachable.
const V6_GLOBAL_EXCEPTIONS: readonly V6Block[] = [
  [v6("2001:1::1"), 128], // Port Control Protocol anycast (RFC 7723)
  [v6("2001:1::2"), 128], // TURN anycast (RFC 8155)
  [v6("2001:1::3"), 128], // DNS-SD service registration protocol anycast (RFC 9665)
  [v6("2001:3::"), 32], // AMT (RFC 7450)
  [v6("2001:4:112::"), 48], // AS112-v6 (RFC 7535)
  [v6("2001:20::"), 28], // ORCHIDv2 (RFC 7343)
  [v6("2001:30::"), 28], // DRIP entity tags (RFC 9374)
];

// RFC 6052 NAT64 prefix: the registry calls it globally reachable, but only as far as the IPv4
// address it carries is, so 64:ff9b::10.0.0.1 is private.
const NAT64_WELL_KNOWN: V6Block = [v6("64:ff9b::"), 96];
const GLOBAL_UNICAST: V6Block = [v6("2000::"), 3]; // RFC 4291 §2.4: the only block allocated for global unicast
const SIX_TO_FOUR: V6Block = [v6("2002::"), 16]; // 6to4 (RFC 3056): reachable iff the embedded IPv4 is

function v6Routable(addr: bigint): boolean {
  if (V6_GLOBAL_EXCEPTIONS.some((b) => inV6(addr, b))) return true;
  if (V6_NOT_GLOBAL.some((b) => inV6(addr, b))) return false;
  if (inV6(addr, NAT64_WELL_KNOWN)) return v4Routable(Number(addr & 0xffffffffn));
  if (inV6(addr, SIX_TO_FOUR)) return v4Routable(Number((addr >> 80n) & 0xffffffffn));
  return inV6(addr, GLOBAL_UNICAST);
}
