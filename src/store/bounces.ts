import type { Database, Statement } from "better-sqlite3";
import { DAY_MS, isoDate } from "./dates.js";
import { suppressionKey } from "./suppression.js";

/**
 * Which side a bounce counts against (design.md "Bounce classification"): `hard` and `soft` are
 * the recipient's; `sender` events (SPF failures, blocklists, rate limits) are the sender's own
 * problem and are stored for the record but never counted against the address.
 */
export type BounceSeverity = "hard" | "soft" | "sender";

export interface BounceEvent {
  readonly address: string;
  /** The bounce category, e.g. `mailbox_full`. */
  readonly category: string;
  readonly severity: BounceSeverity;
  /** When the bounce happened (from the log), an ISO date or date-time. */
  readonly at: string;
  /** The log file it came from. */
  readonly source: string;
  /**
   * Identity of this event: the caller's hash of the log's identity plus the row. Recording
   * the same fingerprint twice is a no-op, so re-applying a log never double-counts.
   */
  readonly fingerprint: string;
}

export interface SoftBounceSummary {
  readonly count: number;
  /** Date of the earliest counted soft bounce, or null when there are none. */
  readonly first: string | null;
  readonly last: string | null;
}

export interface SoftThreshold {
  /** At least this many soft bounces ... */
  readonly count: number;
  /** ... whose first and last are at least this many days apart. */
  readonly days: number;
}

/** Three soft bounces over two weeks: a mailbox that stays full that long is abandoned. */
export const DEFAULT_SOFT_THRESHOLD: SoftThreshold = Object.freeze({ count: 3, days: 14 });

interface SummaryRow {
  count: number;
  first: string | null;
  last: string | null;
}

/** The bounce_events table's statements. Internal: used through Store. */
export class BounceTable {
  private readonly insert: Statement<[Record<string, string>]>;
  private readonly summary: Statement<[string], SummaryRow>;
  private readonly lastSoft: Statement<[string], { category: string; source: string }>;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO bounce_events (fingerprint, key, address, category, severity, at, source, recorded_at)
       VALUES (@fingerprint, @key, @address, @category, @severity, @at, @source, @recorded_at)
       ON CONFLICT (fingerprint) DO NOTHING`,
    );
    // Soft bounces dated at or before a manual removal from the suppression list do not count:
    // the user said the address is good, so the old history must not re-suppress it.
    const counted = `FROM bounce_events e
       WHERE e.key = ? AND e.severity = 'soft'
         AND e.at > coalesce((SELECT reset_at FROM bounce_reset r WHERE r.key = e.key), '')`;
    this.summary = db.prepare(`SELECT count(*) AS count, min(e.at) AS first, max(e.at) AS last ${counted}`);
    this.lastSoft = db.prepare(`SELECT e.category, e.source ${counted} ORDER BY e.at DESC, e.fingerprint DESC LIMIT 1`);
  }

  /** Returns true when the event was new, false when its fingerprint was already recorded. */
  record(event: BounceEvent, now: Date): boolean {
    const key = suppressionKey(event.address);
    if (key === "") throw new RangeError("Cannot record a bounce for an empty address.");
    if (event.fingerprint === "") throw new RangeError("A bounce event needs a fingerprint.");
    const result = this.insert.run({
      fingerprint: event.fingerprint,
      key,
      address: event.address.trim(),
      category: event.category,
      severity: event.severity,
      at: isoDate(event.at, "Bounce date"),
      source: event.source,
      recorded_at: now.toISOString(),
    });
    return result.changes > 0;
  }

  softSummary(address: string): SoftBounceSummary {
    const row = this.summary.get(suppressionKey(address));
    return { count: row?.count ?? 0, first: row?.first ?? null, last: row?.last ?? null };
  }

  /** The most recent counted soft bounce, for the suppression row's category and source. */
  latestSoft(address: string): { category: string; source: string } | undefined {
    return this.lastSoft.get(suppressionKey(address));
  }
}

/** Whether a soft-bounce history crosses the threshold: ≥ count events spanning ≥ days. */
export function crossesSoftThreshold(summary: SoftBounceSummary, threshold: SoftThreshold): boolean {
  if (summary.count < threshold.count || summary.first === null || summary.last === null) return false;
  const span = Date.parse(summary.last) - Date.parse(summary.first);
  return span >= threshold.days * DAY_MS;
}
