import type { Database, Statement } from "better-sqlite3";
import { isoDate } from "./dates.js";

export interface SweepRejected {
  /** The rejected address's key (lower-cased, normalised). */
  readonly key: string;
  /** Its reason codes, `;`-joined as in `sweep_reasons`. */
  readonly codes: string;
}

export interface SweepDomain {
  readonly domain: string;
  /** The DNS module's verdict for the domain: `mx`, `implicit_mx`, `not_found`, ... */
  readonly verdict: string;
}

export interface SweepRecordInput {
  /** Which list this is (e.g. the input file's absolute path, or a name the user gave). */
  readonly listId: string;
  readonly inputHash: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: unknown;
  readonly counts: unknown;
  readonly rejected: Iterable<SweepRejected>;
  readonly domains: Iterable<SweepDomain>;
}

export interface SweepSummary {
  readonly id: number;
  readonly listId: string;
  readonly inputHash: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly counts: unknown;
}

export interface SweepDiff {
  /** Keys rejected now that were not rejected last time, in input order, at most `limit`. */
  readonly newlyRejected: readonly SweepRejected[];
  /** How many there are in all (newlyRejected may be cut short). */
  readonly newlyRejectedTotal: number;
  /** Domains that received mail last time and now cannot, sorted. */
  readonly domainsStoppedReceiving: readonly string[];
}

/** Verdicts meaning "this domain takes mail" (RFC 5321 §5.1: an MX, or the implicit A/AAAA). */
export const RECEIVING_VERDICTS: readonly string[] = ["mx", "implicit_mx"];

/**
 * Verdicts meaning "this domain authoritatively takes no mail". Timeouts and SERVFAIL are not
 * here: a domain whose DNS hiccupped has not stopped receiving. The reject-code spellings are
 * accepted too, whichever the DNS module records.
 */
export const STOPPED_VERDICTS: readonly string[] = [
  "not_found",
  "domain_not_found",
  "no_mail_server",
  "null_mx",
  "invalid_mx",
];

export const DEFAULT_KEEP_SWEEPS = 10;
export const DEFAULT_DIFF_LIMIT = 1000;

interface SweepRow {
  id: number;
  list_id: string;
  input_hash: string;
  started_at: string;
  finished_at: string;
  counts: string;
}

function fromRow(row: SweepRow): SweepSummary {
  return {
    id: row.id,
    listId: row.list_id,
    inputHash: row.input_hash,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: JSON.parse(row.counts) as unknown,
  };
}

function json(value: unknown, what: string): string {
  const text = JSON.stringify(value ?? null);
  if (text === undefined) throw new TypeError(`${what} cannot be stored as JSON.`);
  return text;
}

/** The sweep-history tables' statements. Internal: used through Store. */
export class SweepTable {
  private readonly insertSweep: Statement<[Record<string, string>]>;
  private readonly insertRejected: Statement<[number | bigint, string, string]>;
  private readonly insertDomain: Statement<[number | bigint, string, string]>;
  private readonly prune: Statement<[string, string, number]>;
  private readonly latest: Statement<[string, number], SweepRow>;
  private readonly byId: Statement<[number], SweepRow>;
  private readonly newRejected: Statement<[number, number, number], SweepRejected>;
  private readonly newRejectedCount: Statement<[number, number], number>;
  private readonly stopped: Statement<[number, number], string>;

  constructor(db: Database) {
    this.insertSweep = db.prepare(
      `INSERT INTO sweeps (list_id, input_hash, started_at, finished_at, options, counts)
       VALUES (@list_id, @input_hash, @started_at, @finished_at, @options, @counts)`,
    );
    // A key rejected twice in one input (a duplicate row) keeps its first row's codes.
    this.insertRejected = db.prepare(
      "INSERT INTO sweep_rejected (sweep_id, key, codes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.insertDomain = db.prepare(
      `INSERT INTO sweep_domains (sweep_id, domain, verdict) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET verdict = excluded.verdict`,
    );
    // ON DELETE CASCADE (foreign_keys is on) removes the pruned sweeps' rejected and domain rows.
    this.prune = db.prepare(
      `DELETE FROM sweeps WHERE list_id = ? AND id NOT IN
         (SELECT id FROM sweeps WHERE list_id = ? ORDER BY id DESC LIMIT ?)`,
    );
    const cols = "id, list_id, input_hash, started_at, finished_at, counts";
    this.latest = db.prepare(`SELECT ${cols} FROM sweeps WHERE list_id = ? AND id < ? ORDER BY id DESC LIMIT 1`);
    this.byId = db.prepare(`SELECT ${cols} FROM sweeps WHERE id = ?`);
    const newly = `FROM sweep_rejected c WHERE c.sweep_id = ?
       AND NOT EXISTS (SELECT 1 FROM sweep_rejected p WHERE p.sweep_id = ? AND p.key = c.key)`;
    this.newRejected = db.prepare(`SELECT c.key, c.codes ${newly} ORDER BY c.rowid LIMIT ?`);
    this.newRejectedCount = db.prepare<[number, number], number>(`SELECT count(*) ${newly}`).pluck();
    const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(", ");
    this.stopped = db
      .prepare<[number, number], string>(
        `SELECT c.domain FROM sweep_domains c JOIN sweep_domains p ON p.domain = c.domain
         WHERE c.sweep_id = ? AND p.sweep_id = ?
           AND p.verdict IN (${inList(RECEIVING_VERDICTS)})
           AND c.verdict IN (${inList(STOPPED_VERDICTS)})
         ORDER BY c.domain`,
      )
      .pluck();
  }

  /** Call inside a write transaction: the sweep, its rows and the pruning commit together. */
  record(input: SweepRecordInput, keep: number): number {
    const { lastInsertRowid } = this.insertSweep.run({
      list_id: input.listId,
      input_hash: input.inputHash,
      started_at: isoDate(input.startedAt, "Sweep start"),
      finished_at: isoDate(input.finishedAt, "Sweep finish"),
      options: json(input.options, "Sweep options"),
      counts: json(input.counts, "Sweep counts"),
    });
    for (const r of input.rejected) this.insertRejected.run(lastInsertRowid, r.key, r.codes);
    for (const d of input.domains) this.insertDomain.run(lastInsertRowid, d.domain.toLowerCase(), d.verdict);
    this.prune.run(input.listId, input.listId, keep);
    return Number(lastInsertRowid);
  }

  /** The newest sweep of the list, or the newest before `beforeId`. */
  previous(listId: string, beforeId: number | undefined): SweepSummary | undefined {
    const row = this.latest.get(listId, beforeId ?? Number.MAX_SAFE_INTEGER);
    return row === undefined ? undefined : fromRow(row);
  }

  get(id: number): SweepSummary | undefined {
    const row = this.byId.get(id);
    return row === undefined ? undefined : fromRow(row);
  }

  diff(previousId: number, currentId: number, limit: number): SweepDiff {
    return {
      newlyRejected: this.newRejected.all(currentId, previousId, limit),
      newlyRejectedTotal: this.newRejectedCount.get(currentId, previousId) ?? 0,
      domainsStoppedReceiving: this.stopped.all(currentId, previousId),
    };
  }
}
