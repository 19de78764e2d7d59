import type { SoftThreshold } from "../store/index.js";
import { adviceFor } from "./advice.js";
import type { ApplyResult } from "./log-apply.js";
import type { BounceColumns, ColumnPick } from "./log-columns.js";
import { BOUNCE_CATEGORIES, actionOf, sideOf, type BounceAction, type BounceCategory, type BounceClassification, type BounceSide } from "./types.js";

/** How many recipient domains the summary lists (the rest are summed as "other"). */
export const TOP_DOMAINS = 20;

export interface CategoryLine {
  readonly category: BounceCategory;
  readonly action: BounceAction;
  readonly side: BounceSide;
  readonly rows: number;
  /** Percent of classified rows (blank lines excluded). */
  readonly percent: number;
  readonly advice: string;
}

export interface DomainLine {
  readonly domain: string;
  readonly rows: number;
  /** Rows per category, most frequent first. */
  readonly categories: Partial<Record<BounceCategory, number>>;
}

export interface BounceLogSummary {
  readonly input: string;
  readonly output: string;
  readonly rows: {
    readonly input_rows: number;
    readonly output_rows: number;
    readonly blank_rows: number;
    readonly malformed_rows: number;
    /** Rows whose address cell holds no usable address (classified and written, never applied). */
    readonly without_address: number;
    readonly undated_rows: number;
    readonly unreadable_dates: number;
  };
  readonly detected: {
    readonly format: "csv" | "text";
    readonly encoding: string;
    readonly bom: boolean;
    readonly delimiter: string;
    readonly header: boolean;
    readonly own_output_reread: boolean;
    readonly columns: Record<"email" | "text" | "code" | "date", { index: number; name: string | null; how: string } | null> | null;
  };
  readonly by_category: readonly CategoryLine[];
  readonly by_action: Record<BounceAction, number>;
  readonly by_domain: readonly DomainLine[];
  readonly other_domains: { readonly domains: number; readonly rows: number };
  /** Blocklists named in `blocklisted` replies, with row counts. */
  readonly blocklists: readonly { readonly list: string; readonly rows: number }[];
  readonly sender: {
    readonly rows: number;
    readonly percent: number;
    readonly alert_percent: number;
    /** Sender-side bounces exceed alert_percent of the log: the problem is the sender. */
    readonly alert: boolean;
  };
  /** Seeds of advice for a support engineer, most important first. */
  readonly advice: readonly string[];
  readonly neutralised_cells: number;
  readonly applied: AppliedSummary | null;
}

export interface AppliedSummary {
  readonly recorded: number;
  readonly already_recorded: number;
  readonly hard_suppressed: number;
  readonly soft_suppressed: number;
  readonly soft_counted: number;
  readonly sender_recorded: number;
  readonly not_counted: number;
  readonly threshold: SoftThreshold;
  readonly suppressed: ApplyResult["suppressed"];
}

function appliedSummary(a: ApplyResult): AppliedSummary {
  return {
    recorded: a.recorded,
    already_recorded: a.alreadyRecorded,
    hard_suppressed: a.hardSuppressed,
    soft_suppressed: a.softSuppressed,
    soft_counted: a.softCounted,
    sender_recorded: a.senderRecorded,
    not_counted: a.notCounted,
    threshold: a.threshold,
    suppressed: a.suppressed,
  };
}

interface RowFacts {
  readonly malformed: boolean;
  readonly hasAddress: boolean;
  readonly dated: boolean;
}

/** Counts gathered row by row (per-instance state; one builder per run). */
export class SummaryBuilder {
  inputRows = 0;
  blankRows = 0;
  malformedRows = 0;
  withoutAddress = 0;
  undatedRows = 0;
  unreadableDates = 0;
  senderRows = 0;
  readonly byCategory = new Map<BounceCategory, number>();
  /** Per-row actions: a hard category seen with a 4xx reply retries instead of suppressing. */
  readonly byAction: Record<BounceAction, number> = { suppress: 0, retry: 0, review: 0, "fix-sender": 0 };
  readonly byDomain = new Map<string, Map<BounceCategory, number>>();
  readonly blocklists = new Map<string, number>();

  blank(): void {
    this.inputRows++;
    this.blankRows++;
  }

  unreadableDate(): void {
    this.unreadableDates++;
  }

  row(c: BounceClassification, domain: string | null, facts: RowFacts): void {
    this.inputRows++;
    if (facts.malformed) this.malformedRows++;
    if (!facts.hasAddress) this.withoutAddress++;
    if (!facts.dated) this.undatedRows++;
    if (c.side === "sender") this.senderRows++;
    this.byCategory.set(c.category, (this.byCategory.get(c.category) ?? 0) + 1);
    this.byAction[c.action]++;
    if (c.blocklist !== undefined) this.blocklists.set(c.blocklist, (this.blocklists.get(c.blocklist) ?? 0) + 1);
    if (domain !== null) {
      let m = this.byDomain.get(domain);
      if (m === undefined) this.byDomain.set(domain, (m = new Map()));
      m.set(c.category, (m.get(c.category) ?? 0) + 1);
    }
  }
}

function percent(n: number, of: number): number {
  return of === 0 ? 0 : Math.round((10000 * n) / of) / 100;
}

function sum(m: ReadonlyMap<unknown, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

export interface SummaryContext {
  readonly input: string;
  readonly output: string;
  readonly format: "csv" | "text";
  readonly encoding: string;
  readonly bom: boolean;
  readonly delimiter: string;
  readonly header: readonly string[] | null;
  readonly columns: BounceColumns | null;
  readonly ownOutput: boolean;
  readonly neutralisedCells: number;
  readonly senderAlertPercent: number;
  readonly applied: ApplyResult | null;
}

/**
 * The advice seeds. Sender-side problems come first when they fire the alert: a blocklisted or
 * misconfigured sender bounces good addresses, and suppressing them would lose the list.
 */
export function adviceSeeds(s: Pick<BounceLogSummary, "by_category" | "by_action" | "blocklists" | "sender">): string[] {
  const out: string[] = [];
  const rows = (c: BounceCategory): number => s.by_category.find((l) => l.category === c)?.rows ?? 0;
  if (s.sender.alert) {
    out.push(
      `SENDER PROBLEM: ${s.sender.rows} bounce(s) (${s.sender.percent}%, over the ${s.sender.alert_percent}% alert level) are caused by the sending side, not by the list. Fix the sender before suppressing or re-mailing anyone.`,
    );
  }
  if (rows("sender_config") > 0) {
    out.push(
      `sender_config (${rows("sender_config")}): check SPF, DKIM, DMARC and MX of the sending domain — run \`mailsweep sender <your-domain>\` (add --ip <sending-ip> to check reverse DNS too).`,
    );
  }
  if (rows("blocklisted") > 0) {
    const lists = s.blocklists.map((b) => `${b.list} (${b.rows})`).join(", ");
    out.push(
      `blocklisted (${rows("blocklisted")}): ${lists !== "" ? `listed on ${lists}; ` : "the replies name no list; "}look the sending IP/domain up on each list's site, fix the cause (compromised account, bad list, missing PTR) and request delisting.`,
    );
  }
  if (rows("rate_limited") > 0) out.push(`rate_limited (${rows("rate_limited")}): ${adviceFor("rate_limited")}`);
  if (rows("sender_account") > 0) out.push(`sender_account (${rows("sender_account")}): ${adviceFor("sender_account")}`);
  if (rows("spam_content") > 0) out.push(`spam_content (${rows("spam_content")}): ${adviceFor("spam_content")}`);
  if (rows("message_rejected") > 0) out.push(`message_rejected (${rows("message_rejected")}): ${adviceFor("message_rejected")}`);
  const suppress = s.by_action.suppress;
  if (suppress > 0) {
    out.push(`hard bounces (${suppress}): the addresses are dead — \`mailsweep bounces --apply\` suppresses them, and \`mailsweep clean\` then rejects them as suppressed.`);
  }
  const retry = rows("transient") + rows("mailbox_full") + rows("connection_failed");
  if (retry > 0) {
    out.push(
      `retry (${retry}): temporary failures (greylisting, full mailboxes, unreachable servers) — the sending server will retry them; with --apply they count as soft bounces and suppress only when they repeat over weeks.`,
    );
  }
  if (rows("unknown") > 0) out.push(`unknown (${rows("unknown")}): ${adviceFor("unknown")}`);
  return out;
}

function pickInfo(p: ColumnPick | null, header: readonly string[] | null): { index: number; name: string | null; how: string } | null {
  return p === null ? null : { index: p.index + 1, name: header?.[p.index] ?? null, how: p.how };
}

export function buildBounceSummary(b: SummaryBuilder, ctx: SummaryContext): BounceLogSummary {
  const classified = b.inputRows - b.blankRows;
  const byCategory: CategoryLine[] = BOUNCE_CATEGORIES.flatMap((category) => {
    const rows = b.byCategory.get(category) ?? 0;
    return rows === 0 ? [] : [{ category, action: actionOf(category), side: sideOf(category), rows, percent: percent(rows, classified), advice: adviceFor(category) }];
  });
  const byAction = { ...b.byAction };
  const domains = [...b.byDomain.entries()]
    .map(([domain, m]) => ({ domain, rows: sum(m), m }))
    .sort((x, y) => y.rows - x.rows || (x.domain < y.domain ? -1 : 1));
  const top = domains.slice(0, TOP_DOMAINS).map(({ domain, rows, m }) => ({
    domain,
    rows,
    categories: Object.fromEntries([...m.entries()].sort((x, y) => y[1] - x[1])) as Partial<Record<BounceCategory, number>>,
  }));
  const rest = domains.slice(TOP_DOMAINS);
  const blocklists = [...b.blocklists.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([list, rows]) => ({ list, rows }));
  const senderPercent = percent(b.senderRows, classified);
  const sender = {
    rows: b.senderRows,
    percent: senderPercent,
    alert_percent: ctx.senderAlertPercent,
    alert: b.senderRows > 0 && (100 * b.senderRows) / Math.max(1, classified) > ctx.senderAlertPercent,
  };
  const partial = { by_category: byCategory, by_action: byAction, blocklists, sender };
  const cols = ctx.columns;
  return {
    input: ctx.input,
    output: ctx.output,
    rows: {
      input_rows: b.inputRows,
      output_rows: classified,
      blank_rows: b.blankRows,
      malformed_rows: b.malformedRows,
      without_address: b.withoutAddress,
      undated_rows: b.undatedRows,
      unreadable_dates: b.unreadableDates,
    },
    detected: {
      format: ctx.format,
      encoding: ctx.encoding,
      bom: ctx.bom,
      delimiter: ctx.delimiter,
      header: ctx.header !== null,
      own_output_reread: ctx.ownOutput,
      columns:
        cols === null
          ? null
          : {
              email: pickInfo(cols.email, ctx.header),
              text: pickInfo(cols.text, ctx.header),
              code: pickInfo(cols.code, ctx.header),
              date: pickInfo(cols.date, ctx.header),
            },
    },
    by_category: byCategory,
    by_action: byAction,
    by_domain: top,
    other_domains: { domains: rest.length, rows: rest.reduce((n, d) => n + d.rows, 0) },
    blocklists,
    sender,
    advice: adviceSeeds(partial),
    neutralised_cells: ctx.neutralisedCells,
    applied: ctx.applied === null ? null : appliedSummary(ctx.applied),
  };
}

/** The plain-text summary printed by `mailsweep bounces`. */
export function renderBounceSummary(s: BounceLogSummary): string {
  const lines: string[] = [];
  const r = s.rows;
  lines.push(`mailsweep bounces: ${s.input} → ${s.output}`);
  lines.push(
    `  rows ${r.input_rows}  classified ${r.output_rows}` +
      (r.blank_rows > 0 ? `  blank ${r.blank_rows}` : "") +
      (r.malformed_rows > 0 ? `  unreadable as CSV ${r.malformed_rows}` : "") +
      (r.without_address > 0 ? `  without an address ${r.without_address}` : ""),
  );
  if (s.sender.alert) {
    lines.push("");
    lines.push(`  !!! SENDER ALERT: ${s.sender.percent}% of the bounces (${s.sender.rows}) are the sender's own problem (alert level ${s.sender.alert_percent}%).`);
    lines.push("  !!! The list is not the cause: fix the sending setup before suppressing or re-mailing.");
    lines.push("");
  }
  if (s.by_category.length > 0) {
    lines.push("  by category");
    for (const c of s.by_category) {
      lines.push(`    ${c.category.padEnd(18)} ${String(c.rows).padStart(8)}  ${`${c.percent}%`.padStart(7)}  ${c.action.padEnd(10)} ${c.side}`);
    }
  }
  if (s.by_domain.length > 0) {
    lines.push("  by recipient domain");
    for (const d of s.by_domain) {
      const cats = Object.entries(d.categories)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      lines.push(`    ${d.domain.padEnd(30)} ${String(d.rows).padStart(8)}  ${cats}`);
    }
    if (s.other_domains.domains > 0) lines.push(`    (${s.other_domains.domains} more domain(s), ${s.other_domains.rows} row(s))`);
  }
  if (s.advice.length > 0) {
    lines.push("  advice");
    for (const a of s.advice) lines.push(`    - ${a}`);
  }
  if (r.unreadable_dates > 0) lines.push(`  ${r.unreadable_dates} date(s) could not be read unambiguously; those rows count as undated.`);
  const a = s.applied;
  if (a !== null) {
    lines.push(
      `  applied: ${a.recorded} new event(s), ${a.already_recorded} already recorded; suppressed ${a.hard_suppressed} hard bounce(s)` +
        `, ${a.soft_suppressed} past the soft threshold (${a.threshold.count} over ${a.threshold.days} days); ` +
        `${a.soft_counted} soft bounce(s) counted, ${a.sender_recorded} sender-side not counted, ${a.not_counted} left for review`,
    );
  } else {
    lines.push("  not applied: run with --apply to record hard and soft bounces in the suppression list.");
  }
  return `${lines.join("\n")}\n`;
}
