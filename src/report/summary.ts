import type { DomainAnalyzer } from "../check/domain.js";
import type { HistoryNote } from "../pipeline/clean.js";
import type { DnsStats } from "../dns/index.js";
import type { DataSource } from "../domains/index.js";
import type { ColumnChoice } from "../pipeline/detect.js";
import type { DecodeInfo } from "../pipeline/decode.js";
import type { ReasonCode } from "../reasons.js";
import type { Status } from "../verdict.js";

/** Counters the pipeline keeps while it runs. */
export interface RunCounts {
  inputRows: number;
  cleanRows: number;
  rejectedRows: number;
  blankRows: number;
  byStatus: Record<Status, number>;
  byCode: Partial<Record<ReasonCode, number>>;
  neutralisedCells: number;
  typoFixes: Map<string, number>;
  rejectedDomains: Map<string, number>;
  /** Rows per (final) domain, for the report's top-domains table. */
  domainRows: Map<string, number>;
  /** The first suppressed rows (capped), for the HTML report. */
  suppressed: { address: string; row: number; since: string; category: string; source: string }[];
  undecodableRecords: number;
}

export interface Detection {
  readonly delimiter: string;
  readonly header: boolean;
  readonly emailColumn: ColumnChoice;
  readonly emailColumnName: string | null;
  readonly ownOutput: boolean;
  readonly sepLine: string | null;
}

/** `<stem>.report.json` (contract: counts per status and code, row counts, options, timings, data). */
export interface CleanReport {
  readonly tool: { readonly name: "mailsweep"; readonly version: string };
  readonly input: string;
  readonly files: { readonly clean: string; readonly rejected: string; readonly report: string; readonly html: string | null };
  readonly rows: {
    readonly input_rows: number;
    readonly clean_rows: number;
    readonly rejected_rows: number;
    readonly blank_rows: number;
  };
  readonly by_status: Record<Status, number>;
  readonly by_code: Partial<Record<ReasonCode, number>>;
  readonly neutralised_cells: number;
  readonly typo_fixes: readonly { readonly fix: string; readonly count: number }[];
  readonly top_rejected_domains: readonly { readonly domain: string; readonly rows: number }[];
  /** The domains with the most rows, with their DNS verdict and MX provider (null offline). */
  readonly top_domains: readonly {
    readonly domain: string;
    readonly rows: number;
    readonly rejected_rows: number;
    readonly verdict: string | null;
    readonly provider: string | null;
  }[];
  /** The first suppressed rows (at most 200; the count is in by_code.suppressed). */
  readonly suppressed: readonly {
    readonly address: string;
    readonly row: number;
    readonly since: string;
    readonly category: string;
    readonly source: string;
  }[];
  readonly detected: {
    readonly encoding: string;
    readonly bom: boolean;
    readonly encoding_detected: boolean;
    readonly delimiter: string;
    readonly header: boolean;
    readonly email_column: { readonly index: number; readonly name: string | null; readonly how: ColumnChoice["how"] };
    readonly own_output_reread: boolean;
  };
  readonly dns: {
    readonly checked: boolean;
    readonly note: string | null;
    readonly stats: DnsStats | null;
    readonly domains: readonly { readonly domain: string; readonly verdict: string; readonly provider: string | null }[];
  };
  readonly since_previous_sweep: {
    readonly previous_finished_at: string;
    readonly same_input: boolean;
    readonly newly_rejected_total: number;
    readonly newly_rejected: readonly { readonly address: string; readonly codes: string }[];
    readonly domains_stopped_receiving: readonly string[];
  } | null;
  readonly options: Record<string, unknown>;
  /** Problems that did not stop the run (e.g. the store was busy and history was not recorded). */
  readonly warnings: readonly string[];
  readonly data_sources: readonly DataSource[];
  readonly timings: {
    readonly started_at: string;
    readonly finished_at: string;
    readonly seconds: number;
    readonly rows_per_second: number;
  };
}

export interface ReportInput {
  readonly input: string;
  readonly stem: string;
  readonly files: { readonly clean: string; readonly rejected: string; readonly report: string };
  readonly counts: RunCounts;
  readonly detection: Detection;
  readonly encoding: DecodeInfo;
  readonly options: Record<string, unknown>;
  readonly sources: readonly DataSource[];
  readonly dns: DnsStats | null;
  readonly offline: boolean;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly domains: DomainAnalyzer;
  readonly history: HistoryNote | null;
  readonly extraFile: string | null;
  readonly warnings: readonly string[];
}

export const VERSION = "0.1.0";

/** Domains listed in the report's DNS section, most rows first is not known here: cap by count. */
const MAX_DOMAINS_LISTED = 1000;

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

export function buildReport(r: ReportInput): CleanReport {
  const seconds = (r.finishedAt - r.startedAt) / 1000;
  const domains: { domain: string; verdict: string; provider: string | null }[] = [];
  if (!r.offline) {
    for (const [domain, a] of r.domains.settled()) {
      if (domains.length >= MAX_DOMAINS_LISTED) break;
      if (a.dns === null) continue;
      domains.push({ domain, verdict: a.dns.kind, provider: a.dns.kind === "mx" ? a.dns.provider : null });
    }
  }
  return {
    tool: { name: "mailsweep", version: VERSION },
    input: r.input,
    files: { ...r.files, html: r.extraFile },
    rows: {
      input_rows: r.counts.inputRows,
      clean_rows: r.counts.cleanRows,
      rejected_rows: r.counts.rejectedRows,
      blank_rows: r.counts.blankRows,
    },
    by_status: r.counts.byStatus,
    by_code: r.counts.byCode,
    neutralised_cells: r.counts.neutralisedCells,
    typo_fixes: top(r.counts.typoFixes, 100).map(([fix, count]) => ({ fix, count })),
    top_rejected_domains: top(r.counts.rejectedDomains, 20).map(([domain, rows]) => ({ domain, rows })),
    top_domains: top(r.counts.domainRows, 25).map(([domain, rows]) => {
      const dns = r.domains.get(domain)?.dns ?? null;
      return {
        domain,
        rows,
        rejected_rows: r.counts.rejectedDomains.get(domain) ?? 0,
        verdict: dns?.kind ?? null,
        provider: dns?.kind === "mx" ? dns.provider : null,
      };
    }),
    suppressed: r.counts.suppressed,
    detected: {
      encoding: r.encoding.encoding,
      bom: r.encoding.bom,
      encoding_detected: r.encoding.detected,
      delimiter: r.detection.delimiter,
      header: r.detection.header,
      email_column: { index: r.detection.emailColumn.index + 1, name: r.detection.emailColumnName, how: r.detection.emailColumn.how },
      own_output_reread: r.detection.ownOutput,
    },
    dns: {
      checked: !r.offline,
      note: r.offline ? "Offline run: DNS checks were skipped; no address was judged on MX records." : null,
      stats: r.dns,
      domains,
    },
    since_previous_sweep:
      r.history?.previous && r.history.diff
        ? {
            previous_finished_at: r.history.previous.finishedAt,
            same_input: r.history.previous.sameInput,
            newly_rejected_total: r.history.diff.newlyRejectedTotal,
            newly_rejected: r.history.diff.newlyRejected.map((x) => ({ address: x.key, codes: x.codes })),
            domains_stopped_receiving: r.history.diff.domainsStoppedReceiving,
          }
        : null,
    options: r.options,
    warnings: r.warnings,
    data_sources: r.sources,
    timings: {
      started_at: new Date(r.startedAt).toISOString(),
      finished_at: new Date(r.finishedAt).toISOString(),
      seconds,
      rows_per_second: seconds > 0 ? Math.round(r.counts.inputRows / seconds) : r.counts.inputRows,
    },
  };
}
