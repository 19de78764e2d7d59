import { setTimeout as sleep } from "node:timers/promises";
import type { DomainAnalyzer } from "../check/domain.js";
import { CsvRecordReader } from "./csv-reader.js";
import { decodedText, fileBytes } from "./bytes.js";
import { InputDecoder } from "./decode.js";

/**
 * The DNS look-ahead of `clean`: a second, light reader of the same file that runs ahead of the
 * main pass and starts the per-domain analysis (typo decision, lists, DNS) for every plain domain
 * it sees, keeping the resolver busy. The main pass then finds most answers ready and processes
 * rows one after another; rows never pile up waiting for DNS, so memory stays flat however slow
 * the resolver is (issue 4: "a first pass that collects the distinct domains and resolves them
 * while a second pass streams the rows").
 *
 * Only a hint: a domain it cannot read cheaply is left to the main pass, and nothing it does
 * decides a verdict. Single flight in DomainAnalyzer makes the two passes share each lookup.
 */
export interface PrefetchOptions {
  readonly path: string;
  readonly encoding: string;
  readonly delimiter: string;
  readonly emailIndex: number;
  readonly analyzer: DomainAnalyzer;
  /** Distinct domains started but not answered before the look-ahead waits. */
  readonly maxPending: number;
  readonly signal: AbortSignal;
  /**
   * Asked every few thousand records: false stops the look-ahead (e.g. every domain so far was
   * answered from the store's cache, so reading the file twice would only cost time).
   */
  readonly stillUseful: () => boolean;
  /** Records the main pass has taken so far: the look-ahead stays within MAX_AHEAD of it. */
  readonly mainRecords: () => number;
}

/**
 * How far the look-ahead may run ahead of the main pass. Past the last new domain it would
 * otherwise race to the end of the file while the main pass waits for DNS, and every chunk it
 * reads is garbage (external Buffer memory) until the next full GC.
 */
const MAX_AHEAD = 50_000;
const AHEAD_POLL_MS = 25;

const USEFULNESS_EVERY = 5000;

const PLAIN_DOMAIN = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The lower-cased domain of a plain `local@domain` cell, or null for anything less simple. */
export function quickDomain(cell: string): string | null {
  const at = cell.lastIndexOf("@");
  if (at < 1) return null;
  const domain = cell.slice(at + 1).trim().toLowerCase();
  // A-labels are left to the main pass, which keys IDN domains by their Unicode form.
  return PLAIN_DOMAIN.test(domain) && !domain.includes("xn--") ? domain : null;
}

export async function prefetchDomains(o: PrefetchOptions): Promise<void> {
  const reader = new CsvRecordReader({ delimiter: o.delimiter });
  const pending: Promise<unknown>[] = [];
  // 16 KB, not the main pass's 64 KB: the look-ahead waits inside a chunk (for DNS, or for the
  // main pass), and a chunk held across a young-generation GC is promoted whole.
  const texts = decodedText(fileBytes(o.path, 16 * 1024, o.signal), new InputDecoder({ encoding: o.encoding, fileLabel: o.path }));
  let seen = 0;
  for await (const text of texts) {
    for (const record of reader.records(text)) {
      if (++seen % USEFULNESS_EVERY === 0 && !o.stillUseful()) return;
      while (seen - o.mainRecords() > MAX_AHEAD && !o.signal.aborted) await sleep(AHEAD_POLL_MS);
      const cell = record.fields[o.emailIndex];
      if (cell === undefined) continue;
      const domain = quickDomain(cell);
      if (domain === null) continue;
      const before = o.analyzer.size;
      const result = o.analyzer.analyze(domain, domain);
      if (o.analyzer.size !== before && result instanceof Promise) {
        pending.push(result);
        if (pending.length > o.maxPending) await pending.shift();
      }
    }
  }
}
