import type { CleanReport } from "../../src/report/summary.js";

/** A report.json as the pipeline writes it, with hostile strings wherever input text can land. */
export const HOSTILE = {
  script: "<script>window.__pwned=1</script>",
  img: '"><img src=x onerror="window.__pwned=1">',
  attr: "' onmouseover='window.__pwned=1",
} as const;

export function sampleReport(over: Partial<CleanReport> = {}): CleanReport {
  return {
    tool: { name: "mailsweep", version: "0.1.0" },
    input: `/tmp/list${HOSTILE.img}.csv`,
    files: { clean: "/tmp/out/list.clean.csv", rejected: "/tmp/out/list.rejected.csv", report: "/tmp/out/list.report.json", html: null },
    rows: { input_rows: 2003, clean_rows: 1500, rejected_rows: 500, blank_rows: 3 },
    by_status: { valid: 1200, risky: 250, unknown: 50, invalid: 500 },
    by_code: { free_mail: 900, duplicate: 300, disposable_domain: 150, typo_fixed: 40, role_account: 250, dns_unknown: 50, suppressed: 2 },
    neutralised_cells: 7,
    typo_fixes: [
      { fix: "gmail.con → gmail.com", count: 30 },
      { fix: `${HOSTILE.script} → x.com`, count: 10 },
    ],
    top_rejected_domains: [
      { domain: "mailinator.com", rows: 120 },
      { domain: `evil${HOSTILE.attr}.com`, rows: 30 },
    ],
    top_domains: [
      { domain: "gmail.com", rows: 800, rejected_rows: 10, verdict: "mx", provider: "Google" },
      { domain: "mailinator.com", rows: 120, rejected_rows: 120, verdict: "mx", provider: null },
      { domain: `evil${HOSTILE.attr}.com`, rows: 30, rejected_rows: 30, verdict: "not_found", provider: null },
    ],
    suppressed: [],
    warnings: [],
    detected: {
      encoding: "utf-8",
      bom: false,
      encoding_detected: true,
      delimiter: ",",
      header: true,
      email_column: { index: 2, name: HOSTILE.script, how: "exact" },
      own_output_reread: false,
    },
    dns: {
      checked: true,
      note: null,
      stats: { started: 80, queried: 80, cached: 20, transient: 5, retried: 1, byKind: {} as never },
      domains: [
        { domain: "mailinator.com", verdict: "mx", provider: "other" },
        { domain: "gmail.com", verdict: "mx", provider: "google" },
        { domain: "nowhere.example", verdict: "nxdomain", provider: null },
      ],
    },
    since_previous_sweep: {
      previous_finished_at: "2025-01-01T00:00:00.000Z",
      same_input: false,
      newly_rejected_total: 4,
      newly_rejected: [{ address: `a${HOSTILE.img}@x.com`, codes: "suppressed" }],
      domains_stopped_receiving: ["gone.example"],
    },
    options: { email_column: HOSTILE.script, typos: "fix", reject: ["role_account"], dns_servers: [] },
    data_sources: [{ name: "disposable", source: "disposable-email-domains", version: "1.0.62", date: "2025-01-01", entries: 12345 }],
    timings: { started_at: "2025-02-01T00:00:00.000Z", finished_at: "2025-02-01T00:00:02.000Z", seconds: 2, rows_per_second: 1001 },
    ...over,
  };
}
