import { normalizeIp, sameAddress } from "./ip.js";
import { describeFailure, type SenderResolver } from "./resolver.js";
import { finding, result, type CheckResult, type Finding } from "./types.js";

/** More PTR names than this are not followed (RFC 7208 §5.5 uses the same bound). */
const MAX_PTR_NAMES = 10;

export interface PtrDetails {
  readonly ip: string;
  readonly names: readonly string[];
  /** PTR names whose A/AAAA lead back to the IP. */
  readonly confirmed: readonly string[];
}

const RETRY = "Run the audit again later or with another --dns-server.";

/**
 * Reverse DNS of the sending IP: a PTR name exists and that name resolves back to the IP
 * (forward-confirmed reverse DNS). Gmail, Outlook and many others refuse mail from IPs without
 * it ("550 5.7.25 The IP address sending this message does not have a PTR record setup").
 */
export async function checkPtr(ip: string, resolver: SenderResolver): Promise<CheckResult<PtrDetails>> {
  const n = normalizeIp(ip);
  if (n === null) throw new RangeError(`"${ip}" is not an IP address.`);
  const empty: PtrDetails = { ip: n.ip, names: [], confirmed: [] };
  const findings: Finding[] = [];
  const ptr = await resolver.ptr(n.ip);
  if (!ptr.ok) {
    if (ptr.negative === null) return result("ptr", "could not be checked", [...findings, finding("ptr_unchecked", "warn", `The reverse DNS of ${n.ip} could not be checked: ${describeFailure(ptr)}.`, RETRY)], empty);
    return result("ptr", "no reverse DNS", [
      ...findings,
      finding("ptr_missing", "fail", `${n.ip} has no reverse DNS (PTR) name; Gmail, Outlook and many others refuse mail from such IPs.`, `Ask whoever owns ${n.ip} (your hosting or ISP) to set its PTR record to the server's mail host name, e.g. mail.<your domain>, and give that name an A/AAAA record pointing back to ${n.ip}.`),
    ], empty);
  }
  const names = ptr.value.slice(0, MAX_PTR_NAMES);
  const confirmed: string[] = [];
  let transient: string | null = null;
  for (const name of names) {
    const fwd = await (n.family === "ipv4" ? resolver.a(name) : resolver.aaaa(name));
    if (fwd.ok) {
      if (fwd.value.some((a) => sameAddress(a, n.ip))) confirmed.push(name);
    } else if (fwd.negative === null) {
      transient ??= describeFailure(fwd);
    }
  }
  const details: PtrDetails = { ip: n.ip, names, confirmed };
  if (confirmed.length === 0) {
    if (transient !== null) return result("ptr", "could not be checked", [...findings, finding("ptr_unchecked", "warn", `${n.ip} has reverse DNS (${names.join(", ")}) but the forward lookup could not be checked: ${transient}.`, RETRY)], details);
    return result("ptr", "reverse DNS not forward-confirmed", [
      ...findings,
      finding(
        "ptr_not_confirmed",
        "fail",
        `${n.ip} has reverse DNS ${names.join(", ")}, but ${names.length === 1 ? "that name does" : "none of those names"} not resolve back to ${n.ip}; receivers that require forward-confirmed reverse DNS refuse the mail.`,
        `Give ${names[0] ?? "the PTR name"} an ${n.family === "ipv4" ? "A" : "AAAA"} record for ${n.ip}, or change the PTR to a name that has one.`,
      ),
    ], details);
  }
  const name = confirmed[0] ?? "";
  if (looksGeneric(name, n.ip)) {
    findings.push(finding("ptr_generic", "warn", `The reverse DNS name ${name} looks like an ISP's generic name for a dynamic or residential address; many receivers treat mail from such names as spam.`, "Ask your hosting provider for a PTR with your own mail host name (e.g. mail.<your domain>)."));
  }
  findings.unshift(finding("ptr_ok", "pass", `${n.ip} has reverse DNS ${name}, which resolves back to it (forward-confirmed).`));
  return result("ptr", `${name} (forward-confirmed)`, findings, details);
}

/**
 * Names made from the address itself (203-0-113-5.example.net, c-203-0-113-5...) or with the
 * words ISPs use for pools (dynamic, dhcp, pool, dsl, cable, ppp): the shapes spam filters match.
 */
export function looksGeneric(name: string, ip: string): boolean {
  if (/(?:^|[.-])(?:dynamic|dyn|dhcp|pool|dsl|adsl|cable|ppp|dialup|client|customer|broadband|static-ip)(?:[.-]|\d|$)/i.test(name)) return true;
  const octets = ip.includes(".") ? ip.split(".") : [];
  if (octets.length === 4) {
    // Three octets of the address in a row, in either order: 93-184-216-8, 8.216.184.93-static...
    const digits = (name.match(/\d+/g) ?? []).join(" ");
    const runs = [octets.slice(0, 3), octets.slice(1, 4), [...octets].reverse().slice(0, 3), [...octets].reverse().slice(1, 4)];
    if (runs.some((r) => ` ${digits} `.includes(` ${r.join(" ")} `))) return true;
  }
  return false;
}
