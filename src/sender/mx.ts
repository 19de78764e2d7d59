import { providerFor } from "../dns/index.js";
import { resolveHost, type HostAddresses } from "./hosts.js";
import { describeFailure, type SenderResolver } from "./resolver.js";
import { finding, result, type CheckResult, type Finding } from "./types.js";

/** Real domains publish a handful of MX hosts; more than this are not looked at. */
const MAX_MX_HOSTS = 10;

export interface MxHost {
  readonly exchange: string;
  readonly priority: number;
  readonly status: "usable" | "unusable" | "unchecked";
  readonly addresses: readonly string[];
  readonly why: string | null;
}

export interface MxDetails {
  readonly hosts: readonly MxHost[];
  readonly provider: string | null;
  /** Only with --ip: is the sending IP one of the MX hosts' addresses? */
  readonly sendingIpIsMx: boolean | null;
}

export interface MxCheckOptions {
  /** The sending server's IP, to tell a local from a remote mail exchanger. */
  readonly ip?: string;
}

const CALLOUT =
  "Many receivers call back to the sender's domain (callout verification) and reject with \"550 Sender verify failed\" when it cannot receive mail.";

/**
 * Can the sender's domain receive mail? Receivers that verify the sender address ask the domain's
 * MX; a domain that cannot receive bounces or replies is refused ("Sender verify failed",
 * "Can't verify sender. Check your DNS configuration").
 */
export async function checkMx(domain: string, resolver: SenderResolver, opts: MxCheckOptions = {}): Promise<CheckResult<MxDetails>> {
  const empty: MxDetails = { hosts: [], provider: null, sendingIpIsMx: null };
  const mx = await resolver.mx(domain);
  if (!mx.ok) {
    if (mx.negative === "nxdomain") {
      return result("mx", "the domain does not exist", [
        finding("mx_domain_not_found", "fail", `${domain} does not exist in DNS (NXDOMAIN). ${CALLOUT}`, `Register ${domain} or send from a domain that exists.`),
      ], empty);
    }
    if (mx.negative === "nodata") return implicit(domain, resolver, empty);
    return result("mx", "could not be checked", [
      finding("mx_unchecked", "warn", `The MX records could not be checked: ${describeFailure(mx)}.`, "Run the audit again later or with another --dns-server."),
    ], empty);
  }
  const real = mx.value
    .filter((r) => r.exchange !== "")
    .sort((x, y) => x.priority - y.priority || (x.exchange < y.exchange ? -1 : x.exchange > y.exchange ? 1 : 0));
  if (real.length === 0) {
    if (mx.value.length === 0) return implicit(domain, resolver, empty);
    return result("mx", "null MX: the domain accepts no mail", [
      finding(
        "mx_null",
        "fail",
        `${domain} publishes a null MX (RFC 7505): it says it accepts no mail, and RFC 7505 §4.2 lets receivers refuse mail from it. ${CALLOUT}`,
        `Replace the "MX 0 ." record with the MX hosts that receive mail for ${domain}.`,
      ),
    ], empty);
  }

  const looked = real.slice(0, MAX_MX_HOSTS);
  const judged = await Promise.all(looked.map((h) => resolveHost(h.exchange, resolver)));
  const hosts: MxHost[] = looked.map((h, i) => toHost(h.exchange, h.priority, judged[i]));
  const provider = providerFor(real);
  const usable = hosts.filter((h) => h.status === "usable");
  const sendingIpIsMx = opts.ip === undefined ? null : hosts.some((h) => h.addresses.includes(opts.ip ?? ""));
  const details: MxDetails = { hosts, provider, sendingIpIsMx };
  const findings: Finding[] = [];

  if (usable.length === 0) {
    const unchecked = hosts.find((h) => h.status === "unchecked");
    if (unchecked !== undefined) {
      findings.push(finding("mx_unchecked", "warn", `The MX host ${unchecked.exchange} could not be checked: ${unchecked.why ?? "DNS failed"}.`, "Run the audit again later or with another --dns-server."));
      return result("mx", "could not be checked", findings, details);
    }
    const list = hosts.map((h) => `${h.exchange} (${h.why ?? "unusable"})`).join("; ");
    findings.push(
      finding("mx_all_hosts_unusable", "fail", `No MX host of ${domain} can receive mail: ${list}. ${CALLOUT}`, "Point the MX records at host names that resolve to public addresses of running mail servers."),
    );
    return result("mx", "no MX host can receive mail", findings, details);
  }

  for (const h of hosts) {
    if (h.status === "unusable") {
      findings.push(
        finding("mx_host_unusable", "warn", `The MX host ${h.exchange} (priority ${h.priority}) cannot receive mail: ${h.why ?? "unusable"}. Senders retrying there lose time, and some give up.`, `Remove the MX record for ${h.exchange} or make it resolve to a public address.`),
      );
    } else if (h.status === "unchecked") {
      findings.push(finding("mx_unchecked", "warn", `The MX host ${h.exchange} could not be checked: ${h.why ?? "DNS failed"}.`, "Run the audit again later or with another --dns-server."));
    }
  }
  findings.push(finding("mx_ok", "pass", `${domain} has ${usable.length} working MX host${usable.length === 1 ? "" : "s"} (${usable.map((h) => h.exchange).join(", ")}), so receivers can verify the sender address.`));
  if (provider !== null) {
    findings.push(finding("mx_provider", "pass", `Mail for ${domain} is received by ${provider}.`));
  } else {
    findings.push(finding("mx_own_servers", "pass", `Mail for ${domain} is received by servers not recognised as a mailbox provider (its own or its host's).`));
  }
  if (sendingIpIsMx === false) {
    // The cPanel/Plesk "remote mail exchanger" case: the domain's mail lives elsewhere, but a
    // sending server that also lists the domain as local delivers bounces and callouts to itself.
    findings.push(
      finding(
        "mx_remote_exchanger",
        "pass",
        `The sending IP ${opts.ip ?? ""} is not one of ${domain}'s MX hosts: mail for the domain is received elsewhere.`,
        `If the sending server also hosts ${domain} (cPanel "Email Routing", Plesk "mail service"), set it to "Remote Mail Exchanger" / off, or it checks sender addresses against its own empty mailboxes ("non-local sender verification failed").`,
      ),
    );
  } else if (sendingIpIsMx === true) {
    findings.push(finding("mx_local_exchanger", "pass", `The sending IP ${opts.ip ?? ""} is also an MX host of ${domain}: the sending server receives the domain's mail (local mail exchanger).`));
  }
  const where = provider ?? "own servers";
  return result("mx", `${usable.length} working MX host${usable.length === 1 ? "" : "s"} (${where})`, findings, details);
}

function toHost(exchange: string, priority: number, judged: HostAddresses | undefined): MxHost {
  if (judged === undefined || judged.kind === "transient") {
    return { exchange, priority, status: "unchecked", addresses: [], why: describeFailure({ code: judged?.code ?? "EUNKNOWN" }) };
  }
  if (judged.kind === "routable") return { exchange, priority, status: "usable", addresses: judged.addresses, why: null };
  return { exchange, priority, status: "unusable", addresses: judged.addresses, why: judged.why };
}

/** RFC 5321 §5.1: no MX means the domain's own A/AAAA receives mail, if it is routable. */
async function implicit(domain: string, resolver: SenderResolver, empty: MxDetails): Promise<CheckResult<MxDetails>> {
  const host = await resolveHost(domain, resolver);
  switch (host.kind) {
    case "routable":
      return result("mx", "no MX record; mail goes to the domain's own address", [
        finding(
          "mx_implicit",
          "warn",
          `${domain} has no MX record, so mail for it goes to its own address (${host.addresses.join(", ")}) (RFC 5321 §5.1). Some receivers' sender checks insist on an MX record.`,
          `Publish an MX record for ${domain} naming the server that receives its mail.`,
        ),
      ], empty);
    case "transient":
      return result("mx", "could not be checked", [
        finding("mx_unchecked", "warn", `${domain} has no MX record and its address could not be checked: ${describeFailure(host)}.`, "Run the audit again later or with another --dns-server."),
      ], empty);
    case "unusable":
      return result("mx", "the domain cannot receive mail", [
        finding("mx_none", "fail", `${domain} has no MX record and no public address to fall back on, so it cannot receive mail. ${CALLOUT}`, `Publish an MX record for ${domain} naming a server that receives its mail.`),
      ], empty);
  }
}
