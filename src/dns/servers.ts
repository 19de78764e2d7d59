import { isIPv4, isIPv6 } from "node:net";

/**
 * Parse one `--dns-server` value into the form node:dns `setServers` takes.
 *
 * Accepted: `1.2.3.4`, `1.2.3.4:5353`, `::1`, `[::1]`, `[::1]:5353`. Host names are refused:
 * the resolver itself would be needed to find them. Throws RangeError with a sentence a user
 * can act on (the CLI turns it into exit 64).
 */
export function parseDnsServer(value: string): string {
  const s = value.trim();
  let host: string;
  let port: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracket) {
    host = bracket[1] ?? "";
    port = bracket[2];
    if (!isIPv6(host)) throw bad(value, "inside [ ] must be an IPv6 address");
  } else if (isIPv6(s)) {
    host = s; // bare IPv6 cannot carry a port: "::1:53" is itself an address
  } else {
    const m = /^([^:]+)(?::(\d+))?$/.exec(s);
    host = m?.[1] ?? "";
    port = m?.[2];
    if (!isIPv4(host)) throw bad(value, "must be an IP address (a host name would need DNS to find)");
  }
  if (port !== undefined) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw bad(value, "the port must be 1-65535");
    return isIPv6(host) ? `[${host}]:${n}` : `${host}:${n}`;
  }
  return host;
}

function bad(value: string, why: string): RangeError {
  return new RangeError(`Invalid DNS server "${value}": ${why}. Use HOST, HOST:PORT or [IPv6]:PORT.`);
}
