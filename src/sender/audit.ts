import { domainToASCII } from "node:url";
import { checkDkim, isValidSelector, type DkimDetails } from "./dkim.js";
import { checkDmarc, type DmarcDetails } from "./dmarc.js";
import { normalizeIp } from "./ip.js";
import { checkMx, type MxDetails } from "./mx.js";
import { checkPtr, type PtrDetails } from "./ptr.js";
import { createSenderResolver, type SenderResolver } from "./resolver.js";
import { checkSpf, type SpfDetails } from "./spf.js";
import { worst, type CheckResult, type CheckStatus } from "./types.js";

export interface AuditOptions {
  /** A resolver to use (not closed afterwards); else one is made from servers/timeoutMs/tries. */
  readonly resolver?: SenderResolver;
  readonly servers?: readonly string[];
  readonly timeoutMs?: number;
  readonly tries?: number;
  /** The sending server's IP: adds the SPF authorisation and reverse DNS checks. */
  readonly ip?: string;
  /** DKIM selectors to check; none: the common selectors are probed. */
  readonly dkimSelectors?: readonly string[];
  /** Ask the resolver a canary question first and throw DnsUnavailableError if it does not answer; default true. */
  readonly canary?: boolean;
}

export interface SenderAudit {
  readonly domain: string;
  readonly ip: string | null;
  /** The worst check status: "fail" when any check fails. */
  readonly status: CheckStatus;
  readonly checks: {
    readonly mx: CheckResult<MxDetails>;
    readonly spf: CheckResult<SpfDetails>;
    readonly dmarc: CheckResult<DmarcDetails>;
    readonly dkim: CheckResult<DkimDetails>;
    /** Only with an IP. */
    readonly ptr: CheckResult<PtrDetails> | null;
  };
}

/**
 * The domain as DNS names it: lower-case A-labels, no trailing dot. Throws RangeError with a
 * sentence for something that is not a domain name; "user@example.com" gives "example.com".
 */
export function normalizeSenderDomain(input: string): string {
  const raw = input.trim();
  const afterAt = raw.includes("@") ? raw.slice(raw.lastIndexOf("@") + 1) : raw;
  const ascii = domainToASCII(afterAt.replace(/\.$/, "")).toLowerCase();
  const label = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?$/;
  const labels = ascii.split(".");
  if (ascii === "" || ascii.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l)) || /^\d+$/.test(labels[labels.length - 1] ?? "")) {
    throw new RangeError(`"${input}" is not a domain name (expected something like example.com).`);
  }
  return ascii;
}

/**
 * Will receivers accept mail from this domain? Runs every check against DNS and returns the
 * results as data. Throws RangeError for a bad domain, IP or selector, DnsUnavailableError when the
 * resolver does not answer at all; a timeout on one check only makes that check a warning.
 */
export async function auditSender(domain: string, opts: AuditOptions = {}): Promise<SenderAudit> {
  const name = normalizeSenderDomain(domain);
  const ip = opts.ip === undefined ? undefined : normalizeIp(opts.ip);
  if (ip === null) throw new RangeError(`"${opts.ip ?? ""}" is not an IP address.`);
  for (const s of opts.dkimSelectors ?? []) {
    if (!isValidSelector(s)) throw new RangeError(`"${s}" is not a DKIM selector (letters, digits, "-" and "_", dot-separated).`);
  }
  const resolver = opts.resolver ?? createSenderResolver({ servers: opts.servers, timeoutMs: opts.timeoutMs, tries: opts.tries });
  try {
    if (opts.canary ?? true) await resolver.canary();
    const [mx, spf, dmarc, dkim, ptr] = await Promise.all([
      checkMx(name, resolver, { ip: ip?.ip }),
      checkSpf(name, resolver, { ip }),
      checkDmarc(name, resolver),
      checkDkim(name, resolver, { selectors: opts.dkimSelectors }),
      ip === undefined ? Promise.resolve(null) : checkPtr(ip.ip, resolver),
    ]);
    const statuses = [mx.status, spf.status, dmarc.status, dkim.status, ...(ptr === null ? [] : [ptr.status])];
    return { domain: name, ip: ip?.ip ?? null, status: worst(statuses), checks: { mx, spf, dmarc, dkim, ptr } };
  } finally {
    if (opts.resolver === undefined) resolver.close();
  }
}
