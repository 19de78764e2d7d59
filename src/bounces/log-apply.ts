import { createHash } from "node:crypto";
import { DEFAULT_SOFT_THRESHOLD, type SoftThreshold, type Store } from "../store/index.js";
import type { BounceCategory, BounceClassification } from "./types.js";

/**
 * `bounces --apply`: what one classified log row does to the store (design.md "Bounce
 * classification"). Hard recipient bounces suppress at once; recipient-side retries are counted
 * as soft bounces with their dates and suppress past a threshold; sender-side bounces are stored
 * for the record and never counted; everything else (path failures, policy, unknown) is left
 * alone, because guessing there loses good addresses.
 */

/** How a row counts against its recipient. */
export type Counting = "hard" | "soft" | "sender" | "none";

export function countingOf(c: Pick<BounceClassification, "action" | "side" | "severity">): Counting {
  if (c.side === "sender") return "sender";
  if (c.action === "suppress") return "hard";
  // mailbox_full, transient, and hard recipient categories seen with a 4xx reply. Not
  // connection_failed (the path: often the sender's own network or DNS) nor review outcomes.
  if (c.action === "retry" && (c.side === "recipient" || c.side === "recipient_system")) return "soft";
  return "none";
}

/** One log row with a usable recipient address, ready to apply. */
export interface BounceOutcome {
  /** The normalised address (what the suppression list stores). */
  readonly address: string;
  readonly category: BounceCategory;
  readonly counting: Counting;
  /** When it bounced (ISO), or null when the log gives no readable date. */
  readonly at: string | null;
  /**
   * Identity of the row's content: the address key, date, bounce text and code hints, joined
   * (see rowIdentity). Not the category, so an improved classifier never re-counts an old log.
   */
  readonly identity: string;
}

export function rowIdentity(key: string, at: string | null, text: string, code: string, enhancedCode: string): string {
  return JSON.stringify([key, at ?? "", text.trim().replace(/\s+/g, " "), code.trim(), enhancedCode.trim()]);
}

/**
 * The event's fingerprint. Dated rows: the row content alone, so the same bounce in two
 * overlapping exports ("last 30 days", pulled weekly) is one event, not four. Undated rows have
 * no identity beyond their log, so the log's content hash goes in: re-applying the same log (under
 * any name) is a no-op, another log is new evidence. `occurrence` tells apart identical rows of
 * one log (the same reply twice on the same day).
 */
export function fingerprintOf(logHash: string, o: Pick<BounceOutcome, "identity" | "at">, occurrence: number): string {
  const h = createHash("sha256");
  h.update(o.at === null ? `undated\n${logHash}\n` : "dated\n");
  h.update(o.identity);
  h.update(`\n${occurrence}`);
  return h.digest("hex");
}

export interface ApplyOptions {
  /** sha256 of the log's bytes. */
  readonly logHash: string;
  /** Where the events came from, as stored (`bounces.csv`, `stdin`). */
  readonly source: string;
  readonly threshold?: SoftThreshold;
  /** Date given to undated rows (default: now). */
  readonly now?: Date;
}

export interface ApplyResult {
  /** Events stored by this run. */
  readonly recorded: number;
  /** Events whose fingerprint was already stored (a log applied before): nothing changed. */
  readonly alreadyRecorded: number;
  /** Addresses newly suppressed for a hard bounce. */
  readonly hardSuppressed: number;
  /** Addresses newly suppressed because their soft bounces crossed the threshold. */
  readonly softSuppressed: number;
  /** Soft bounces newly counted. */
  readonly softCounted: number;
  /** Sender-side events stored for the record (never counted against the address). */
  readonly senderRecorded: number;
  /** Rows that count neither way (path failures, policy, unknown). */
  readonly notCounted: number;
  readonly threshold: SoftThreshold;
  /** The addresses this run suppressed, with why. */
  readonly suppressed: readonly { readonly address: string; readonly reason: "hard_bounce" | "soft_bounce_threshold"; readonly category: string }[];
}

/**
 * Records the outcomes in one store transaction (all or nothing). A hard bounce suppresses only
 * when its event is new, so re-applying a log does not put back an address removed by hand.
 */
export function applyBounces(store: Store, outcomes: Iterable<BounceOutcome>, opts: ApplyOptions): ApplyResult {
  const threshold = opts.threshold ?? DEFAULT_SOFT_THRESHOLD;
  const undatedAt = (opts.now ?? new Date()).toISOString();
  return store.batch(() => {
    let recorded = 0;
    let alreadyRecorded = 0;
    let softCounted = 0;
    let senderRecorded = 0;
    let notCounted = 0;
    const suppressed: { address: string; reason: "hard_bounce" | "soft_bounce_threshold"; category: string }[] = [];
    const softTouched = new Map<string, string>(); // key → address
    const occurrences = new Map<string, number>();
    for (const o of outcomes) {
      if (o.counting === "none") {
        notCounted++;
        continue;
      }
      const seen = occurrences.get(o.identity) ?? 0;
      occurrences.set(o.identity, seen + 1);
      const fingerprint = fingerprintOf(opts.logHash, o, seen);
      const isNew = store.recordBounce({
        address: o.address,
        category: o.category,
        severity: o.counting,
        at: o.at ?? undatedAt,
        source: opts.source,
        fingerprint,
      });
      if (!isNew) {
        alreadyRecorded++;
        continue;
      }
      recorded++;
      if (o.counting === "sender") {
        senderRecorded++;
      } else if (o.counting === "soft") {
        softCounted++;
        softTouched.set(o.address.toLowerCase(), o.address);
      } else {
        const before = store.suppressionGet(o.address);
        store.suppressionAdd({ address: o.address, reason: "hard_bounce", category: o.category, source: opts.source, at: o.at ?? undatedAt });
        if (before === undefined) suppressed.push({ address: o.address, reason: "hard_bounce", category: o.category });
      }
    }
    for (const address of softTouched.values()) {
      const s = store.applySoftThreshold(address, threshold);
      if (s !== undefined) suppressed.push({ address: s.address, reason: "soft_bounce_threshold", category: s.category ?? "" });
    }
    return {
      recorded,
      alreadyRecorded,
      hardSuppressed: suppressed.filter((s) => s.reason === "hard_bounce").length,
      softSuppressed: suppressed.filter((s) => s.reason === "soft_bounce_threshold").length,
      softCounted,
      senderRecorded,
      notCounted,
      threshold,
      suppressed,
    };
  });
}
