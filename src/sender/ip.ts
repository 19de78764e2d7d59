import { BlockList, isIPv4, isIPv6 } from "node:net";

export type IpFamily = "ipv4" | "ipv6";

/**
 * An IP address as given on the command line, in the form the checks compare: an IPv4-mapped
 * IPv6 address (::ffff:192.0.2.1) is the IPv4 address it carries (RFC 7208 §5), IPv6 is
 * lower-case. null when the text is not an IP address.
 */
export function normalizeIp(text: string): { readonly ip: string; readonly family: IpFamily } | null {
  const t = text.trim();
  if (isIPv4(t)) return { ip: t, family: "ipv4" };
  if (!isIPv6(t)) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(t);
  if (mapped !== null && isIPv4(mapped[1] ?? "")) return { ip: mapped[1] ?? "", family: "ipv4" };
  return { ip: t.toLowerCase(), family: "ipv6" };
}

/** Is `ip` inside `network/prefix`? Families must match (an ip4 mechanism never matches IPv6). */
export function inNetwork(ip: string, family: IpFamily, network: string, prefix: number): boolean {
  const netFamily: IpFamily | null = isIPv4(network) ? "ipv4" : isIPv6(network) ? "ipv6" : null;
  if (netFamily !== family) return false;
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return list.check(ip, family);
}

/** Do two addresses name the same host (compares parsed forms, so "2001:db8::1" = "2001:DB8:0::1")? */
export function sameAddress(a: string, b: string): boolean {
  const x = normalizeIp(a);
  const y = normalizeIp(b);
  if (x === null || y === null || x.family !== y.family) return false;
  return inNetwork(x.ip, x.family, y.ip, x.family === "ipv4" ? 32 : 128);
}

/** The reverse-lookup name form used by SPF's %{i} macro (§7.3): dotted quad, or 32 dotted nibbles. */
export function macroIp(ip: string, family: IpFamily): string {
  if (family === "ipv4") return ip;
  return expandV6(ip).split("").join(".");
}

function expandV6(text: string): string {
  let ip = text;
  // An embedded dotted quad (64:ff9b::192.0.2.1) is the last two 16-bit groups.
  const quad = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (quad !== null) {
    const [a, b, c, d] = [quad[2], quad[3], quad[4], quad[5]].map(Number) as [number, number, number, number];
    ip = `${quad[1] ?? ""}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = ip.split("::");
  const h = head === "" ? [] : head.split(":");
  const t = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = [...h, ...Array<string>(tail === undefined ? 0 : 8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => g.padStart(4, "0")).join("");
}

/** The PTR name of an address (RFC 1035 §3.5 in-addr.arpa, RFC 3596 §2.5 ip6.arpa); "" when not an IP. */
export function reverseName(text: string): string {
  const n = normalizeIp(text);
  if (n === null) return "";
  if (n.family === "ipv4") return `${n.ip.split(".").reverse().join(".")}.in-addr.arpa`;
  return `${expandV6(n.ip).split("").reverse().join(".")}.ip6.arpa`;
}
