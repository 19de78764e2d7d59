import { sortReasons, suppressionReason } from "../check/address.js";
import { guardCell, needsGuard } from "../formula.js";
import { renderReason } from "../messages.js";
import type { Reason } from "../reasons.js";
import type { RunCounts } from "../report/summary.js";
import type { Suppression, SweepRejected } from "../store/index.js";
import { verdict, type VerdictPolicy } from "../verdict.js";
import { bump } from "./counts.js";
import { FirstSeen } from "./first-seen.js";
import type { Pending } from "./intake.js";
import { LineSpool } from "./line-spool.js";
import type { Outputs } from "./setup.js";

/** Suppressed rows named in the report (the rejected file has them all). */
const MAX_SUPPRESSED_LISTED = 200;

export interface EmitterOptions {
  readonly writers: Outputs;
  readonly counts: RunCounts;
  readonly policy: VerdictPolicy;
  /** Neutralise cells a spreadsheet would run as a formula (design.md, formula guard). */
  readonly formulaGuard: boolean;
  /** Data columns, and which one holds the address (Layout). */
  readonly width: number;
  readonly emailIndex: number;
  /** The store's suppression list, asked once per row with an address; null without a store. */
  readonly suppressed: ((key: string) => Suppression | undefined) | null;
  /** Keep each rejected row's key and codes for the sweep history (only with a store). */
  readonly keepRejected: boolean;
}

/**
 * Rows out, in input order: the row-level checks (duplicate, suppression), the verdict, the
 * sweep_* columns, the formula guard, the counts, and the clean or rejected output.
 */
export class RowEmitter {
  private readonly writers: Outputs;
  private readonly counts: RunCounts;
  private readonly policy: VerdictPolicy;
  private readonly formulaGuard: boolean;
  private readonly width: number;
  private readonly emailIndex: number;
  private readonly suppressed: ((key: string) => Suppression | undefined) | null;
  private readonly keepRejected: boolean;
  private readonly seen = new FirstSeen(); // duplicate key → first data row
  private readonly rejectedKeys = new LineSpool(); // "key\tcodes" of rejected rows, off the JS heap
  // Domain-level reasons are shared objects (one per domain), so their sentences are rendered
  // once per domain, not once per row.
  private readonly sentences = new WeakMap<Reason, string>();

  constructor(o: EmitterOptions) {
    this.writers = o.writers;
    this.counts = o.counts;
    this.policy = o.policy;
    this.formulaGuard = o.formulaGuard;
    this.width = o.width;
    this.emailIndex = o.emailIndex;
    this.suppressed = o.suppressed;
    this.keepRejected = o.keepRejected;
  }

  /** Decide and write one row (waiting for its check if DNS has not answered yet). */
  async emit(p: Pending): Promise<void> {
    const w = this.writers;
    const counts = this.counts;
    const check = p.check === null ? null : p.check instanceof Promise ? await p.check : p.check;
    let reasons: Reason[];
    let cells: string[];
    let written = "";
    let original = "";
    let suggestion = "";
    if (p.malformed !== null || check === null) {
      reasons = [p.malformed!];
      cells = new Array<string>(this.width).fill("");
    } else {
      reasons = [...check.reasons];
      cells = p.cells!;
      if (check.key !== null) {
        const first = this.seen.firstOrAdd(check.key, p.dataRow);
        if (first !== undefined) reasons.push({ code: "duplicate", firstRow: first });
        const hit = this.suppressed?.(check.key);
        if (hit) {
          const reason = suppressionReason(hit);
          reasons.push(reason);
          if (counts.suppressed.length < MAX_SUPPRESSED_LISTED && reason.code === "suppressed") {
            counts.suppressed.push({ address: check.written, row: p.dataRow, since: reason.since ?? "", category: reason.category ?? "", source: reason.source ?? "" });
          }
        }
        if (reasons.length !== check.reasons.length) sortReasons(reasons);
      }
      written = check.written;
      cells[this.emailIndex] = written;
      if (check.domain !== null) bump(counts.domainRows, check.domain.domain);
      original = written !== check.original ? check.original : p.previousOriginal;
      suggestion = check.suggestion;
      for (const r of reasons) if (r.code === "typo_fixed") bump(counts.typoFixes, `${r.from} → ${r.to}`);
    }
    const v = verdict(reasons, this.policy);
    counts.byStatus[v.status]++;
    const codes: string[] = [];
    for (const r of reasons) {
      counts.byCode[r.code] = (counts.byCode[r.code] ?? 0) + 1;
      codes.push(r.code);
    }
    const row = cells.concat([v.status, codes.join(";"), this.detail(reasons), original, suggestion, String(p.dataRow)]);
    if (this.formulaGuard) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i]!;
        if (needsGuard(cell)) {
          row[i] = guardCell(cell);
          counts.neutralisedCells++;
        }
      }
    }
    if (v.rejected) {
      counts.rejectedRows++;
      if (this.keepRejected && check?.key) this.rejectedKeys.push(`${check.key}\t${codes.join(";")}`);
      if (check?.domain) bump(counts.rejectedDomains, check.domain.domain);
      await w.rejected.write(row);
    } else {
      counts.cleanRows++;
      await w.clean.write(row);
    }
  }

  /** `sweep_detail`: the reasons' sentences, ` | `-joined. */
  detail(reasons: readonly Reason[]): string {
    let out = "";
    for (let i = 0; i < reasons.length; i++) {
      const r = reasons[i]!;
      let text = this.sentences.get(r);
      if (text === undefined) {
        text = renderReason(r);
        this.sentences.set(r, text);
      }
      out = i === 0 ? text : `${out} | ${text}`;
    }
    return out;
  }

  /** The rejected rows with an address, in input order (kept only with `keepRejected`). */
  *rejected(): Generator<SweepRejected> {
    for (const line of this.rejectedKeys.lines()) {
      const tab = line.indexOf("\t");
      yield { key: line.slice(0, tab), codes: line.slice(tab + 1) };
    }
  }
}
