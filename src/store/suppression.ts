import type { Database, Statement } from "better-sqlite3";
import { isoDate } from "./dates.js";

/**
 * Why an address is on the suppression list. Stored as text, so values written by a newer
 * mailsweep read back as they are; add new reasons here, never rename one.
 */
export type SuppressionReason =
  | "hard_bounce"
  | "soft_bounce_threshold"
  | "manual"
  | "complaint"
  | "unsubscribed";

export interface Suppression {
  /** The address as it was given when it was (last) suppressed. */
  readonly address: string;
  /** suppressionKey(address): what lookups match on. */
  readonly key: string;
  readonly reason: SuppressionReason;
  /** The bounce category (design.md "Bounce classification") or null. */
  readonly category: string | null;
  /** The bounce log or file it came from, or `manual`. */
  readonly source: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly note: string | null;
}

export interface SuppressionEntry {
  readonly address: string;
  readonly reason: SuppressionReason;
  readonly category?: string | null | undefined;
  readonly source: string;
  /** When it was seen (the bounce's date); default now. */
  readonly at?: string | Date | undefined;
  readonly note?: string | null | undefined;
}

/**
 * A lookup for `clean`, called once per row. `strategy` says whether the keys were preloaded into
 * memory (a snapshot taken when the lookup was made) or each call queries the store.
 */
export type SuppressionLookup = ((address: string) => Suppression | undefined) & {
  readonly strategy: "preloaded" | "statement";
};

/**
 * The suppression key of an address: trimmed, NFC, lower-cased. The whole address is
 * lower-cased although RFC 5321 §2.4 lets a server treat local parts case-sensitively: no
 * mailbox provider does, and design.md treats duplicates case-insensitively the same way.
 */
export function suppressionKey(address: string): string {
  return address.trim().normalize("NFC").toLowerCase();
}

interface SuppressionRow {
  key: string;
  address: string;
  reason: string;
  category: string | null;
  source: string;
  first_seen: string;
  last_seen: string;
  note: string | null;
}

function fromRow(row: SuppressionRow): Suppression {
  return {
    address: row.address,
    key: row.key,
    // Written by this module from a SuppressionReason (or by a newer version: see the type).
    reason: row.reason as SuppressionReason,
    category: row.category,
    source: row.source,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    note: row.note,
  };
}

const COLUMNS = "key, address, reason, category, source, first_seen, last_seen, note";

/** The suppression table's statements. Internal: used through Store. */
export class SuppressionTable {
  private readonly upsert: Statement<[SuppressionRow]>;
  private readonly remove: Statement<[string]>;
  private readonly resetBounces: Statement<[string, string]>;
  private readonly byKey: Statement<[string], SuppressionRow>;
  private readonly all: Statement<[], SuppressionRow>;
  private readonly allKeys: Statement<[], string>;
  private readonly countAll: Statement<[], number>;

  constructor(db: Database) {
    // An older sighting (a log replayed out of order) widens first/last seen but does not
    // overwrite the reason/source of a newer one; a note is only replaced by another note.
    this.upsert = db.prepare(
      `INSERT INTO suppression (${COLUMNS})
       VALUES (@key, @address, @reason, @category, @source, @first_seen, @last_seen, @note)
       ON CONFLICT (key) DO UPDATE SET
         address  = CASE WHEN excluded.last_seen >= last_seen THEN excluded.address  ELSE address  END,
         reason   = CASE WHEN excluded.last_seen >= last_seen THEN excluded.reason   ELSE reason   END,
         category = CASE WHEN excluded.last_seen >= last_seen THEN excluded.category ELSE category END,
         source   = CASE WHEN excluded.last_seen >= last_seen THEN excluded.source   ELSE source   END,
         first_seen = min(first_seen, excluded.first_seen),
         last_seen  = max(last_seen, excluded.last_seen),
         note = coalesce(excluded.note, note)`,
    );
    this.remove = db.prepare("DELETE FROM suppression WHERE key = ?");
    this.resetBounces = db.prepare(
      `INSERT INTO bounce_reset (key, reset_at) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET reset_at = excluded.reset_at`,
    );
    this.byKey = db.prepare(`SELECT ${COLUMNS} FROM suppression WHERE key = ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM suppression ORDER BY key`);
    this.allKeys = db.prepare<[], string>("SELECT key FROM suppression").pluck();
    this.countAll = db.prepare<[], number>("SELECT count(*) FROM suppression").pluck();
  }

  /** Upsert. `firstSeen` (default: the entry's date) is for a suppression that sums a history. */
  add(entry: SuppressionEntry, now: Date, firstSeen?: string): Suppression {
    const key = suppressionKey(entry.address);
    if (key === "") throw new RangeError("Cannot suppress an empty address.");
    const at = isoDate(entry.at ?? now, "Suppression date");
    const first = firstSeen === undefined ? at : isoDate(firstSeen, "Suppression first seen");
    this.upsert.run({
      key,
      address: entry.address.trim(),
      reason: entry.reason,
      category: entry.category ?? null,
      source: entry.source,
      first_seen: first < at ? first : at,
      last_seen: at,
      note: entry.note ?? null,
    });
    const row = this.byKey.get(key);
    if (row === undefined) throw new Error(`suppression row for ${key} vanished inside its own transaction`);
    return fromRow(row);
  }

  /**
   * Takes the address off the list and records when, so soft bounces from before this moment
   * stop counting towards the threshold (see bounces.ts).
   */
  removeAndReset(address: string, now: Date): boolean {
    const key = suppressionKey(address);
    const removed = this.remove.run(key).changes > 0;
    if (removed) this.resetBounces.run(key, now.toISOString());
    return removed;
  }

  get(address: string): Suppression | undefined {
    const row = this.byKey.get(suppressionKey(address));
    return row === undefined ? undefined : fromRow(row);
  }

  *list(): Generator<Suppression> {
    for (const row of this.all.iterate()) yield fromRow(row);
  }

  count(): number {
    return this.countAll.get() ?? 0;
  }

  lookup(preloadMax: number): SuppressionLookup {
    const fetch = (address: string): Suppression | undefined => this.get(address);
    if (this.count() > preloadMax) {
      return Object.assign(fetch, { strategy: "statement" as const });
    }
    // Only the keys are held (a row object per address would cost several times more memory);
    // the full row is read on a hit, which is rare.
    const keys = new Set<string>();
    for (const key of this.allKeys.iterate()) keys.add(key);
    const preloaded = (address: string): Suppression | undefined => {
      const key = suppressionKey(address);
      return keys.has(key) ? this.get(key) : undefined;
    };
    return Object.assign(preloaded, { strategy: "preloaded" as const });
  }
}
