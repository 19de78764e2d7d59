import { getDomain } from "tldts";
import { describeFailure, type SenderResolver } from "./resolver.js";
import { isDmarcRecord, parseDmarc, type DmarcPolicy, type DmarcRecord } from "./dmarc-parse.js";
import { finding, result, type CheckResult, type Finding } from "./types.js";

export interface DmarcDetails {
  /** Where the record that applies was found: `_dmarc.<domain>` or the organisational domain's. */
  readonly recordName: string | null;
  readonly record: string | null;
  readonly parsed: DmarcRecord | null;
  /** The policy that applies to mail from the audited domain (sp= when inherited, §6.6.3). */
  readonly policy: DmarcPolicy | null;
  /** True when the record came from the organisational domain. */
  readonly inherited: boolean;
}

const RETRY = "Run the audit again later or with another --dns-server.";
const BULK = "Gmail and Yahoo require a DMARC record from bulk senders since February 2024.";

type Found =
  | { readonly kind: "one"; readonly text: string }
  | { readonly kind: "none" }
  | { readonly kind: "many"; readonly count: number }
  | { readonly kind: "transient"; readonly why: string };

async function lookup(name: string, resolver: SenderResolver): Promise<Found> {
  const txt = await resolver.txt(name);
  if (!txt.ok) return txt.negative === null ? { kind: "transient", why: describeFailure(txt) } : { kind: "none" };
  const records = txt.value.filter(isDmarcRecord);
  if (records.length === 0) return { kind: "none" };
  if (records.length > 1) return { kind: "many", count: records.length };
  return { kind: "one", text: records[0] ?? "" };
}

/**
 * DMARC (RFC 7489): `_dmarc.<domain>` holds exactly one valid record; when it has none, the
 * organisational domain's record applies (§6.6.3). Receivers reject mail that fails a p=reject
 * policy ("not accepted due to domain owner DMARC policy").
 */
export async function checkDmarc(domain: string, resolver: SenderResolver): Promise<CheckResult<DmarcDetails>> {
  const empty: DmarcDetails = { recordName: null, record: null, parsed: null, policy: null, inherited: false };
  const own = `_dmarc.${domain}`;
  let found = await lookup(own, resolver);
  let name = own;
  let inherited = false;
  if (found.kind === "none") {
    const org = getDomain(domain, { allowPrivateDomains: false });
    if (org !== null && org !== domain) {
      const orgName = `_dmarc.${org}`;
      const orgFound = await lookup(orgName, resolver);
      if (orgFound.kind !== "none") {
        found = orgFound;
        name = orgName;
        inherited = true;
      }
    }
  }
  switch (found.kind) {
    case "transient":
      return result("dmarc", "could not be checked", [finding("dmarc_unchecked", "warn", `The DMARC record at ${name} could not be checked: ${found.why}.`, RETRY)], empty);
    case "none":
      return result("dmarc", "no DMARC record", [
        finding(
          "dmarc_missing",
          "warn",
          `${domain} publishes no DMARC record (${own}). ${BULK}`,
          `Publish a TXT record at ${own}: "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}", read the reports, then move to p=quarantine or p=reject.`,
        ),
      ], empty);
    case "many":
      return result("dmarc", `${found.count} DMARC records (ignored)`, [
        finding("dmarc_multiple", "fail", `${name} holds ${found.count} DMARC records; RFC 7489 §6.6.3 then applies no DMARC at all, so the domain is unprotected and fails bulk-sender requirements.`, `Keep exactly one TXT record starting with "v=DMARC1" at ${name}.`),
      ], { ...empty, recordName: name, inherited });
    case "one":
      return judge(domain, name, found.text, inherited, resolver);
  }
}

async function judge(domain: string, name: string, text: string, inherited: boolean, resolver: SenderResolver): Promise<CheckResult<DmarcDetails>> {
  const parsed = parseDmarc(text);
  if (!parsed.ok) {
    return result("dmarc", "invalid record (ignored)", [
      finding("dmarc_syntax", "fail", `The DMARC record at ${name} is ignored by receivers: ${parsed.errors.join(" ")}`, `Write it as "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}" and tighten p= later.`),
    ], { recordName: name, record: text, parsed: null, policy: null, inherited });
  }
  const r = parsed.record;
  // §6.6.3: mail from a subdomain covered by the organisational record gets sp= (else p=).
  const policy: DmarcPolicy = (inherited ? (r.sp ?? r.p) : r.p) ?? "none";
  const policyTag = inherited && r.sp !== null ? "sp" : "p";
  const findings: Finding[] = [];
  const recordDomain = name.slice("_dmarc.".length);
  if (inherited) {
    findings.push(finding("dmarc_inherited", "pass", `${domain} has no DMARC record of its own; the organisational domain's record at ${name} applies (RFC 7489 §6.6.3), with ${policyTag}=${policy}.`));
  }
  for (const p of parsed.problems) findings.push(finding("dmarc_syntax", "warn", `The DMARC record at ${name} has an error receivers work around: ${p}`, "Correct the tag as the message says."));
  if (parsed.unknownTags.length > 0) {
    findings.push(finding("dmarc_unknown_tag", "warn", `The DMARC record has tags RFC 7489 does not define (${parsed.unknownTags.join(", ")}); receivers ignore them, so they are probably typos.`, "Remove or correct them."));
  }
  if (policy === "none") {
    findings.push(
      finding(
        "dmarc_policy_none",
        "warn",
        `The DMARC policy is ${policyTag}=none: monitoring only. It meets the 2024 bulk-sender requirement, but does not stop anyone sending as ${domain}.`,
        "Once the reports show that all your own mail passes, change it to p=quarantine, then p=reject.",
      ),
    );
  }
  if (r.pct < 100 && policy !== "none") {
    findings.push(finding("dmarc_pct_partial", "warn", `pct=${r.pct}: the ${policy} policy applies to only ${r.pct}% of failing mail.`, "Raise pct to 100 (or remove it) once reports look clean."));
  }
  if (r.rua.length === 0) {
    findings.push(finding("dmarc_no_rua", "pass", "The record asks for no aggregate reports (rua=), so you cannot see who sends mail as your domain or whether your own mail passes.", `Add "rua=mailto:dmarc-reports@${recordDomain}".`));
  }
  findings.push(...(await externalFindings(recordDomain, [...r.rua, ...r.ruf].map((u) => u.address), resolver)));
  if (r.adkim === "s" || r.aspf === "s") {
    const which = [r.adkim === "s" ? "adkim=s (DKIM)" : null, r.aspf === "s" ? "aspf=s (SPF)" : null].filter((x) => x !== null).join(" and ");
    findings.push(
      finding("dmarc_strict_alignment", "pass", `Strict alignment (${which}): mail signed or sent with a subdomain (e.g. bounces.${recordDomain} at an ESP) does not align and fails DMARC.`, "Use relaxed alignment (the default) unless every sending service uses exactly this domain."),
    );
  }
  if (!findings.some((f) => f.status !== "pass")) {
    findings.unshift(finding("dmarc_ok", "pass", `${domain} is covered by a valid DMARC record with ${policyTag}=${policy}${r.pct < 100 ? ` (pct=${r.pct})` : ""}.`));
  }
  const summary = `${policyTag}=${policy}${r.pct < 100 ? ` pct=${r.pct}` : ""}${inherited ? ` (from ${recordDomain})` : ""}${r.rua.length > 0 ? ", reports on" : ", no reports"}`;
  return result("dmarc", summary, findings, { recordName: name, record: text, parsed: r, policy, inherited });
}

/**
 * RFC 7489 §7.1: reports to an address at another organisational domain are only sent when that
 * domain agrees, with a TXT "v=DMARC1" at `<policy domain>._report._dmarc.<report domain>`.
 */
async function externalFindings(policyDomain: string, addresses: readonly (string | null)[], resolver: SenderResolver): Promise<Finding[]> {
  const out: Finding[] = [];
  const org = getDomain(policyDomain, { allowPrivateDomains: false }) ?? policyDomain;
  const destinations = new Set<string>();
  for (const a of addresses) {
    const d = a?.slice(a.lastIndexOf("@") + 1);
    if (d === undefined || d === "") continue;
    if ((getDomain(d, { allowPrivateDomains: false }) ?? d) === org) continue;
    destinations.add(d);
  }
  for (const dest of [...destinations].sort()) {
    const name = `${policyDomain}._report._dmarc.${dest}`;
    const txt = await resolver.txt(name);
    if (txt.ok && txt.value.some((t) => /^v[ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/.test(t))) continue;
    if (!txt.ok && txt.negative === null) {
      out.push(finding("dmarc_unchecked", "warn", `Whether ${dest} accepts DMARC reports for ${policyDomain} could not be checked: ${describeFailure(txt)}.`, RETRY));
      continue;
    }
    out.push(
      finding(
        "dmarc_external_report_unauthorised",
        "warn",
        `Reports go to ${dest}, another organisation, which does not publish ${name} (RFC 7489 §7.1): receivers will not send them.`,
        `Ask the report service to publish TXT "v=DMARC1" at ${name}, or use an address at ${policyDomain}.`,
      ),
    );
  }
  return out;
}
