import type { SenderAudit } from "./audit.js";
import type { CheckName, CheckResult, CheckStatus } from "./types.js";

const TITLES: Readonly<Record<CheckName, string>> = { mx: "MX", spf: "SPF", dmarc: "DMARC", dkim: "DKIM", ptr: "PTR" };
const MARK: Readonly<Record<CheckStatus, string>> = { pass: "pass", warn: "WARN", fail: "FAIL" };

export function auditChecks(audit: SenderAudit): CheckResult[] {
  const { mx, spf, dmarc, dkim, ptr } = audit.checks;
  return [mx, spf, dmarc, dkim, ...(ptr === null ? [] : [ptr])];
}

/** The readable report: a summary table, then every finding with its fix. Plain text, no colour. */
export function renderAudit(audit: SenderAudit): string {
  const checks = auditChecks(audit);
  const lines: string[] = [];
  lines.push(`Sender audit for ${audit.domain}${audit.ip === null ? "" : ` (sending IP ${audit.ip})`}`, "");
  const w = Math.max(...checks.map((c) => TITLES[c.check].length), "CHECK".length);
  lines.push(`${"CHECK".padEnd(w)}  STATUS  RESULT`);
  for (const c of checks) lines.push(`${TITLES[c.check].padEnd(w)}  ${MARK[c.status].padEnd(6)}  ${c.summary}`);
  for (const c of checks) {
    lines.push("", `${TITLES[c.check]}: ${MARK[c.status]}`);
    for (const f of c.findings) {
      lines.push(`  [${MARK[f.status]}] ${f.message}`);
      if (f.fix !== null && f.status !== "pass") lines.push(`         fix: ${f.fix}`);
      else if (f.fix !== null) lines.push(`         tip: ${f.fix}`);
    }
  }
  const failed = checks.filter((c) => c.status === "fail").map((c) => TITLES[c.check]);
  const warned = checks.filter((c) => c.status === "warn").map((c) => TITLES[c.check]);
  lines.push("");
  if (failed.length > 0) lines.push(`Result: FAIL (${failed.join(", ")}). Receivers are likely to refuse mail from ${audit.domain} until this is fixed.`);
  else if (warned.length > 0) lines.push(`Result: pass with warnings (${warned.join(", ")}).`);
  else lines.push("Result: pass.");
  return `${lines.join("\n")}\n`;
}
