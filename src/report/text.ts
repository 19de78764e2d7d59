import { isRejectCode, type ReasonCode } from "../reasons.js";
import type { CleanReport } from "./summary.js";

/** What the CLI knows beyond report.json: the HTML file, and exit-threshold breaches. */
export interface SummaryExtras {
  readonly html?: string | null;
  readonly thresholds?: readonly string[];
}

/** Percent of `of`, one decimal; two for small non-zero shares so 3 rows in 500k do not read "0.0%". */
export function pct(n: number, of: number): string {
  if (of === 0) return "0%";
  const p = (100 * n) / of;
  return `${p > 0 && p < 0.1 ? p.toFixed(2) : p.toFixed(1)}%`;
}

function num(n: number): string {
  return n.toLocaleString("en-US");
}

/** Up to `n` items joined, with "and K more" when cut. */
function some(items: readonly string[], n: number): string {
  return items.length > n ? `${items.slice(0, n).join(", ")} and ${items.length - n} more` : items.join(", ");
}

/**
 * The plain-text summary printed at the end of `clean`: readable at a glance, no colour, no
 * terminal codes (it goes to stdout, which may be a file or a cron mail).
 */
export function renderSummary(r: CleanReport, extras: SummaryExtras = {}): string {
  const rows = r.rows;
  const total = rows.input_rows - rows.blank_rows;
  const lines: string[] = [];
  lines.push(`mailsweep clean: ${r.input}`);
  lines.push(
    `  rows in ${num(rows.input_rows)}   kept ${num(rows.clean_rows)} (${pct(rows.clean_rows, total)})   rejected ${num(rows.rejected_rows)} (${pct(rows.rejected_rows, total)})` +
      (rows.blank_rows > 0 ? `   blank lines ${num(rows.blank_rows)}` : ""),
  );
  const s = r.by_status;
  lines.push(
    `  status  valid ${num(s.valid)} (${pct(s.valid, total)})   risky ${num(s.risky)} (${pct(s.risky, total)})   ` +
      `unknown ${num(s.unknown)} (${pct(s.unknown, total)})   invalid ${num(s.invalid)} (${pct(s.invalid, total)})`,
  );
  const codes = (Object.entries(r.by_code) as [ReasonCode, number][]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (codes.length > 0) {
    lines.push("  reasons (a row may carry several)");
    const width = Math.max(...codes.map(([, n]) => num(n).length));
    for (const [code, n] of codes) {
      lines.push(`    ${code.padEnd(18)} ${num(n).padStart(width)}  ${pct(n, total).padStart(6)}  ${isRejectCode(code) ? "rejects" : "flag"}`);
    }
  }
  if (r.typo_fixes.length > 0) {
    const fixed = r.typo_fixes.reduce((a, t) => a + t.count, 0);
    lines.push(`  typo fixes applied: ${num(fixed)} — ${some(r.typo_fixes.map((t) => `${t.fix} (${num(t.count)})`), 5)}`);
  }
  if (r.top_rejected_domains.length > 0) {
    lines.push(`  top rejected domains: ${some(r.top_rejected_domains.map((d) => `${d.domain} (${num(d.rows)})`), 5)}`);
  }
  if (!r.dns.checked) lines.push("  DNS: skipped (--offline); no domain was checked for mail servers.");
  else if (r.dns.stats) {
    const d = r.dns.stats;
    lines.push(
      `  DNS: ${num(d.queried + d.cached)} domains — ${num(d.queried)} queried, ${num(d.cached)} from cache, ` +
        `${num(d.transient)} without a definite answer (kept as unknown)`,
    );
  }
  const since = r.since_previous_sweep;
  if (since) {
    const stopped = since.domains_stopped_receiving;
    lines.push(
      `  since the previous sweep (${since.previous_finished_at}${since.same_input ? ", same input" : ""}): ` +
        `${num(since.newly_rejected_total)} newly rejected, ${num(stopped.length)} domain(s) stopped receiving mail` +
        (stopped.length > 0 ? ` (${some([...stopped], 5)})` : ""),
    );
  }
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.neutralised_cells > 0) lines.push(`  ${num(r.neutralised_cells)} cell(s) guarded against spreadsheet formulas (leading ')`);
  lines.push(`  took ${r.timings.seconds.toFixed(1)} s (${num(r.timings.rows_per_second)} rows/s)`);
  lines.push(`  clean:    ${r.files.clean}`);
  lines.push(`  rejected: ${r.files.rejected}`);
  lines.push(`  report:   ${r.files.report}`);
  if (extras.html) lines.push(`  html:     ${extras.html}`);
  for (const t of extras.thresholds ?? []) lines.push(`  FAILED: ${t}`);
  return `${lines.join("\n")}\n`;
}
