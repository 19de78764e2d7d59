import { describeFailure, type SenderResolver } from "./resolver.js";
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, evaluateSpf, type SpfEvaluation, type SpfProblem, type SpfResult } from "./spf-eval.js";
import type { IpFamily } from "./ip.js";
import { isSpfRecord, parseSpf, type SpfRecord } from "./spf-parse.js";
import { finding, result, type CheckResult, type Finding } from "./types.js";

export interface SpfDetails {
  /** The domain's SPF record(s) as published. */
  readonly records: readonly string[];
  readonly record: SpfRecord | null;
  readonly evaluation: SpfEvaluation | null;
  /** With --ip: the check_host() result for that IP. */
  readonly ipResult: SpfResult | null;
}

export interface SpfCheckOptions {
  /** The sending IP, normalised (ip.ts normalizeIp). */
  readonly ip?: { readonly ip: string; readonly family: IpFamily };
}

const RETRY = "Run the audit again later or with another --dns-server.";

/**
 * SPF (RFC 7208): one record, valid syntax, within the 10-lookup and 2-void-lookup limits, ending
 * in a sensible "all"; with --ip, whether that IP is authorised. Receivers reject mail that fails
 * ("550 5.7.23 ... SPF check failed", "sender domain SPF exact match mandatory").
 */
export async function checkSpf(domain: string, resolver: SenderResolver, opts: SpfCheckOptions = {}): Promise<CheckResult<SpfDetails>> {
  const none: SpfDetails = { records: [], record: null, evaluation: null, ipResult: null };
  const txt = await resolver.txt(domain);
  if (!txt.ok && txt.negative === null) {
    return result("spf", "could not be checked", [finding("spf_unchecked", "warn", `The SPF record could not be checked: ${describeFailure(txt)}.`, RETRY)], none);
  }
  const records = txt.ok ? txt.value.filter(isSpfRecord) : [];
  if (records.length === 0) {
    return result("spf", "no SPF record", [
      finding(
        "spf_missing",
        "fail",
        `${domain} publishes no SPF record, so receivers cannot tell which servers may send its mail; Gmail, Yahoo and Microsoft reject or junk unauthenticated bulk mail.`,
        `Publish one TXT record at ${domain} such as "v=spf1 include:<your sending service> -all" listing every service that sends as ${domain}.`,
      ),
    ], none);
  }
  if (records.length > 1) {
    return result("spf", `${records.length} SPF records (permerror)`, [
      finding(
        "spf_multiple",
        "fail",
        `${domain} publishes ${records.length} SPF records; RFC 7208 §4.5 makes that a permanent error, so SPF fails for every message.`,
        "Merge them into one TXT record starting with v=spf1 (combine the include: and ip4:/ip6: terms, keep one all).",
      ),
    ], { ...none, records });
  }
  const text = records[0] ?? "";
  const parsed = parseSpf(text);
  if (!parsed.ok) {
    return result("spf", "syntax error (permerror)", [
      finding("spf_syntax", "fail", `The SPF record of ${domain} is not valid, so SPF fails for every message: ${parsed.errors.join(" ")}`, "Correct the record; each term must be a mechanism (all, include:, a, mx, ptr, ip4:, ip6:, exists:) or a modifier (redirect=, exp=)."),
    ], { ...none, records });
  }

  const evaluation = await evaluateSpf(domain, parsed.record, text, resolver, {});
  const findings: Finding[] = problemFindings(domain, evaluation);
  findings.push(...limitFindings(evaluation));
  findings.push(...allFindings(parsed.record));

  let ipResult: SpfResult | null = null;
  if (opts.ip !== undefined) {
    const withIp = await evaluateSpf(domain, parsed.record, text, resolver, { ip: opts.ip });
    ipResult = withIp.result;
    findings.push(ipFinding(domain, opts.ip.ip, withIp));
  }
  const details: SpfDetails = { records, record: parsed.record, evaluation, ipResult };
  const failing = findings.filter((f) => f.status !== "pass");
  if (failing.length === 0) {
    findings.unshift(finding("spf_ok", "pass", `${domain} has one valid SPF record using ${evaluation.lookups} of ${SPF_LOOKUP_LIMIT} DNS lookups.`));
  }
  const summary =
    findings.some((f) => f.status === "fail") && evaluation.result === "permerror"
      ? `permerror (${[
          evaluation.lookups > SPF_LOOKUP_LIMIT ? `${evaluation.lookups} DNS lookups, limit ${SPF_LOOKUP_LIMIT}` : null,
          evaluation.voidLookups > SPF_VOID_LIMIT ? `${evaluation.voidLookups} void lookups, limit ${SPF_VOID_LIMIT}` : null,
          ...findings.filter((f) => f.status === "fail" && f.code !== "spf_too_many_lookups" && f.code !== "spf_void_lookups" && f.code !== "spf_ip_not_authorised").map((f) => f.code.replace(/^spf_/, "").replace(/_/g, " ")),
        ]
          .filter((x) => x !== null)
          .join("; ")})`
      : `${evaluation.lookups}/${SPF_LOOKUP_LIMIT} lookups, ${allSummary(parsed.record)}${ipResult === null ? "" : `, ${opts.ip?.ip ?? ""}: ${ipResult}`}`;
  return result("spf", summary, findings, details);
}

function allSummary(record: SpfRecord): string {
  const all = record.mechanisms.find((m) => m.kind === "all");
  if (all !== undefined) return `ends in ${all.qualifier === "+" ? "+" : all.qualifier}all`;
  return record.redirect !== null ? `redirect=${record.redirect}` : "no all";
}

function problemFindings(domain: string, ev: SpfEvaluation): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const p of ev.problems) {
    const f = problemFinding(domain, p);
    const key = `${f.code} ${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function problemFinding(domain: string, p: SpfProblem): Finding {
  switch (p.kind) {
    case "loop":
      return finding("spf_loop", "fail", `The SPF record includes itself in a loop (${p.chain.join(" → ")}); receivers give up with a permerror.`, `Remove the include or redirect that leads back to ${p.domain}.`);
    case "include_missing":
      return finding("spf_include_missing", "fail", `"${p.via}" points at ${p.domain}, which publishes no SPF record; RFC 7208 §5.2 makes that a permanent error.`, `Fix the name in "${p.via}" (the sending service documents the exact include) or remove it.`);
    case "multiple":
      return finding("spf_multiple", "fail", `${p.domain}, included by ${domain}'s SPF record, publishes ${p.count} SPF records: a permanent error.`, `Ask whoever runs ${p.domain} to merge them, or stop including it.`);
    case "syntax":
      return finding("spf_syntax", "fail", `The SPF record of ${p.domain}, included by ${domain}'s, is not valid: ${p.errors.join(" ")}`, `Stop including ${p.domain} or ask its owner to fix it.`);
    case "too_many_mx":
      return finding("spf_too_many_mx", "fail", `"${p.via}" in ${p.domain}'s record names a domain with ${p.count} MX records; RFC 7208 §4.6.4 allows 10, so it is a permanent error.`, `Replace "${p.via}" with ip4:/ip6: ranges of the servers that really send.`);
    case "temperror":
      return finding("spf_unchecked", "warn", `Part of the SPF record could not be checked ("${p.via}" in ${p.domain}): ${p.why}.`, RETRY);
    case "macro_skipped":
      return finding("spf_macro_not_checked", "warn", `"${p.via}" in ${p.domain}'s record depends on the sending IP; it was not evaluated (pass --ip to evaluate it).`, null);
    case "ptr_used":
      return finding("spf_ptr_used", "warn", `"${p.via}" in ${p.domain}'s record uses the ptr mechanism, which RFC 7208 §5.5 says not to use: it is slow, unreliable, and some receivers skip it.`, `Replace "${p.via}" with ip4:/ip6: ranges or an a: mechanism.`);
  }
}

function limitFindings(ev: SpfEvaluation): Finding[] {
  const out: Finding[] = [];
  if (ev.lookups > SPF_LOOKUP_LIMIT) {
    out.push(
      finding(
        "spf_too_many_lookups",
        "fail",
        `Evaluating the SPF record takes ${ev.lookups} DNS lookups (include, a, mx, ptr, exists, redirect); RFC 7208 §4.6.4 allows ${SPF_LOOKUP_LIMIT}, so receivers stop with a permerror and SPF fails.`,
        "Remove includes of services you no longer use, replace a/mx mechanisms with ip4:/ip6: ranges, or use a subdomain per sending service.",
      ),
    );
  } else if (ev.lookups >= SPF_LOOKUP_LIMIT - 1) {
    out.push(
      finding(
        "spf_near_lookup_limit",
        "warn",
        `Evaluating the SPF record takes ${ev.lookups} of the ${SPF_LOOKUP_LIMIT} DNS lookups allowed; one more include (or a change at a provider you include) breaks it.`,
        "Remove includes you no longer need, or replace a/mx with ip4:/ip6: ranges.",
      ),
    );
  }
  if (ev.voidLookups > SPF_VOID_LIMIT) {
    out.push(
      finding(
        "spf_void_lookups",
        "fail",
        `${ev.voidLookups} lookups in the SPF record find nothing (names without records); RFC 7208 §4.6.4 allows ${SPF_VOID_LIMIT}, so receivers stop with a permerror.`,
        "Remove mechanisms that name domains or hosts that no longer exist.",
      ),
    );
  }
  return out;
}

function allFindings(record: SpfRecord): Finding[] {
  const all = record.mechanisms.find((m) => m.kind === "all");
  if (all === undefined) {
    if (record.redirect !== null) return [];
    return [
      finding(
        "spf_no_all",
        "warn",
        'The SPF record does not end in an "all" mechanism, so mail from servers it does not list gets "neutral": forgeries are not told apart.',
        'End the record with "~all" (or "-all" once every sending service is listed).',
      ),
    ];
  }
  if (all.qualifier === "+") {
    return [finding("spf_all_pass", "warn", '"+all" authorises every server on the internet to send as this domain: SPF then proves nothing, and receivers treat that as a spam sign.', 'Replace "+all" with "~all" or "-all" after listing the real sending services.')];
  }
  if (all.qualifier === "?") {
    return [finding("spf_all_neutral", "warn", '"?all" makes mail from unlisted servers "neutral": SPF neither helps nor protects.', 'Replace "?all" with "~all" or "-all".')];
  }
  return [];
}

function ipFinding(domain: string, ip: string, ev: SpfEvaluation): Finding {
  const by = ev.matched === null ? "" : ` (matched "${ev.matched.mechanism}" in ${ev.matched.domain})`;
  switch (ev.result) {
    case "pass":
      return finding("spf_ip_authorised", "pass", `The sending IP ${ip} is authorised by ${domain}'s SPF record${by}.`);
    case "fail":
    case "softfail":
      return finding(
        "spf_ip_not_authorised",
        "fail",
        `The sending IP ${ip} is not authorised by ${domain}'s SPF record: the result is ${ev.result}${by}. Receivers reject or junk this mail, and DMARC's SPF alignment fails.`,
        `Add the sending service's include: (or "ip${ip.includes(":") ? "6" : "4"}:${ip}") to the SPF record.`,
      );
    case "neutral":
    case "none":
      return finding("spf_ip_neutral", "warn", `The SPF record of ${domain} says nothing about the sending IP ${ip} (result ${ev.result}${by}), so SPF does not help this mail.`, `Add the sending service's include: (or "ip${ip.includes(":") ? "6" : "4"}:${ip}") to the SPF record.`);
    case "temperror":
      return finding("spf_unchecked", "warn", `Whether ${ip} is authorised could not be decided: a DNS lookup failed during evaluation.`, RETRY);
    case "permerror":
      return finding("spf_ip_not_authorised", "fail", `For the sending IP ${ip} the SPF evaluation ends in a permerror, which receivers treat as a failure.`, "Fix the SPF errors listed above.");
  }
}
