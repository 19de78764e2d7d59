import { isIP } from "node:net";
import { isGloballyRoutable } from "../dns/index.js";
import type { SenderResolver } from "./resolver.js";

/** What one host name resolves to, judged as a mail host on the public internet. */
export type HostAddresses =
  | { readonly kind: "routable"; readonly addresses: readonly string[] }
  | { readonly kind: "unusable"; readonly why: string; readonly addresses: readonly string[] }
  | { readonly kind: "transient"; readonly code: string };

/**
 * A and AAAA of a host name. The same rules as the list checker (../dns/checker.ts): localhost and
 * IP literals in an MX are errors (RFC 5321 §5.1, RFC 7505 §4), and only globally routable
 * addresses count.
 */
export async function resolveHost(host: string, resolver: SenderResolver): Promise<HostAddresses> {
  if (host === "localhost" || host.endsWith(".localhost")) {
    return { kind: "unusable", why: "localhost is the sending machine itself", addresses: [] };
  }
  if (isIP(host.replace(/^\[(.*)\]$/, "$1")) !== 0) {
    return { kind: "unusable", why: "an IP address stands where a host name belongs", addresses: [] };
  }
  const [a, aaaa] = await Promise.all([resolver.a(host), resolver.aaaa(host)]);
  const found = [...(a.ok ? a.value : []), ...(aaaa.ok ? aaaa.value : [])];
  const routable = found.filter(isGloballyRoutable);
  if (routable.length > 0) return { kind: "routable", addresses: routable };
  if (!a.ok && a.negative === null) return { kind: "transient", code: a.code };
  if (!aaaa.ok && aaaa.negative === null) return { kind: "transient", code: aaaa.code };
  if (found.length > 0) {
    return { kind: "unusable", why: `it resolves only to private or reserved addresses (${found.join(", ")})`, addresses: found };
  }
  return { kind: "unusable", why: "the host name does not resolve to any address", addresses: [] };
}
