import type { Database, Statement } from "better-sqlite3";

/** The DNS module's cache interface, seen from the store: values are opaque JSON. */
export interface StoreDnsCache {
  get(domain: string): unknown;
  put(domain: string, value: unknown, ttlSeconds: number): void;
}

/**
 * Longest time an answer is kept, whatever TTL the caller passes: a weekly sweep must look a
 * domain up again at least every other run, even if a zone publishes a TTL of weeks.
 */
export const MAX_DNS_TTL_SECONDS = 7 * 86_400;

/** Puts are written in one transaction per this many (or on flush/close). */
export const DEFAULT_DNS_FLUSH_EVERY = 500;

interface Pending {
  readonly json: string;
  readonly expiresAt: number;
  readonly storedAt: number;
}

/** Domains are case-insensitive and `example.com.` is `example.com`. */
function domainKey(domain: string): string {
  const lower = domain.trim().toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/**
 * The dns_cache table behind a write buffer. Internal: used through Store. One write
 * transaction per batch instead of one per domain keeps a sweep of 100k domains from taking
 * the write lock 100k times (and lets a concurrent sweep in between batches).
 */
export class DnsCacheTable {
  private readonly pending = new Map<string, Pending>();
  private readonly select: Statement<[string], { value: string; expires_at: number }>;
  private readonly upsert: Statement<[string, string, number, number]>;
  private readonly purge: Statement<[number]>;

  constructor(
    db: Database,
    private readonly flushEvery: number,
    /** Runs a function in one write transaction (Store's, which maps busy errors). */
    private readonly inWrite: (fn: () => void) => void,
  ) {
    this.select = db.prepare("SELECT value, expires_at FROM dns_cache WHERE domain = ?");
    this.upsert = db.prepare(
      `INSERT INTO dns_cache (domain, value, expires_at, stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (domain) DO UPDATE SET
         value = excluded.value, expires_at = excluded.expires_at, stored_at = excluded.stored_at`,
    );
    this.purge = db.prepare("DELETE FROM dns_cache WHERE expires_at <= ?");
  }

  get(domain: string, now: number): unknown {
    const key = domainKey(domain);
    const buffered = this.pending.get(key);
    if (buffered !== undefined) {
      return buffered.expiresAt > now ? (JSON.parse(buffered.json) as unknown) : undefined;
    }
    const row = this.select.get(key);
    if (row === undefined || row.expires_at <= now) return undefined;
    return JSON.parse(row.value) as unknown;
  }

  put(domain: string, value: unknown, ttlSeconds: number, now: number): void {
    if (value === undefined) throw new TypeError("Cannot cache an undefined DNS answer.");
    const text = JSON.stringify(value);
    if (typeof text !== "string") throw new TypeError("Cannot cache a DNS answer that has no JSON form.");
    // An answer with no lifetime (TTL 0, RFC 1035 §3.2.1: "should not be cached") is not kept.
    if (!(ttlSeconds > 0)) return;
    const ttl = Math.min(ttlSeconds, MAX_DNS_TTL_SECONDS);
    const key = domainKey(domain);
    // Re-insert so the Map's order stays the order of the latest put.
    this.pending.delete(key);
    this.pending.set(key, { json: text, expiresAt: now + Math.round(ttl * 1000), storedAt: now });
    if (this.pending.size >= this.flushEvery) this.flush();
  }

  /** Writes buffered puts. On failure (busy) they stay buffered for the next try. */
  flush(): void {
    if (this.pending.size === 0) return;
    this.inWrite(() => {
      for (const [domain, p] of this.pending) this.upsert.run(domain, p.json, p.expiresAt, p.storedAt);
    });
    this.pending.clear();
  }

  purgeExpired(now: number): number {
    for (const [domain, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(domain);
    let deleted = 0;
    this.inWrite(() => {
      deleted = this.purge.run(now).changes;
    });
    return deleted;
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}
