import type { CleanReport } from "./summary.js";

function pct(n: number, of: number): string {
  return of === 0 ? "0%" : `${((100 * n) / of).toFixed(n * 1000 < of ? 2 : 1)}%`;
}

/** The plain-text summary printed at the end of `clean`. */
export function renderSummary(r: CleanReport): string {
  const rows = r.rows;
  const total = rows.input_rows - rows.blank_rows;
  const lines: string[] = [];
  lines.push(`mailsweep: ${r.input}`);
  lines.push(
    `  rows in ${rows.input_rows}  kept ${rows.clean_rows} (${pct(rows.clean_rows, total)})  rejected ${rows.rejected_rows} (${pct(rows.rejected_rows, total)})` +
      (rows.blank_rows > 0 ? `  blank ${rows.blank_rows}` : ""),
  );
  lines.push(
    `  status  valid ${r.by_status.valid}  risky ${r.by_status.risky}  unknown ${r.by_status.unknown}  invalid ${r.by_status.invalid}`,
  );
  const codes = Object.entries(r.by_code).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (codes.length > 0) {
    lines.push("  reasons");
    for (const [code, n] of codes) lines.push(`    ${code.padEnd(18)} ${String(n).padStart(8)}  ${pct(n ?? 0, total)}`);
  }
  if (r.typo_fixes.length > 0) {
    lines.push(`  typo fixes: ${r.typo_fixes.slice(0, 5).map((t) => `${t.fix} (${t.count})`).join(", ")}${r.typo_fixes.length > 5 ? ", …" : ""}`);
  }
  if (r.top_rejected_domains.length > 0) {
    lines.push(`  top rejected domains: ${r.top_rejected_domains.slice(0, 5).map((d) => `${d.domain} (${d.rows})`).join(", ")}`);
  }
  if (!r.dns.checked) lines.push("  DNS: skipped (--offline); domains were not checked for mail servers.");
  else if (r.dns.stats) {
    const s = r.dns.stats;
    lines.push(`  DNS: ${s.queried} queried, ${s.cached} from cache, ${s.transient} without a definite answer (kept as unknown)`);
  }
  const since = r.since_previous_sweep;
  if (since) {
    lines.push(
      `  since the previous sweep (${since.previous_finished_at}${since.same_input ? ", same input" : ""}): ` +
        `${since.newly_rejected_total} newly rejected, ${since.domains_stopped_receiving.length} domain(s) stopped receiving mail` +
        (since.domains_stopped_receiving.length > 0 ? ` (${since.domains_stopped_receiving.slice(0, 5).join(", ")})` : ""),
    );
  }
  if (r.neutralised_cells > 0) lines.push(`  ${r.neutralised_cells} cell(s) guarded against spreadsheet formulas (leading ')`);
  lines.push(`  clean:    ${r.files.clean}`);
  lines.push(`  rejected: ${r.files.rejected}`);
  lines.push(`  report:   ${r.files.report}`);
  return `${lines.join("\n")}\n`;
}
