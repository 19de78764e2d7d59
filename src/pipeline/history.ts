import { resolve } from "node:path";
import type { DomainAnalyzer } from "../check/domain.js";
import type { RunCounts } from "../report/summary.js";
import type { Store, SweepDiff, SweepRejected } from "../store/index.js";

/** What the store says about the previous sweep of the same list. */
export interface HistoryNote {
  readonly previous: { readonly finishedAt: string; readonly sameInput: boolean } | null;
  readonly diff: SweepDiff | null;
}

export interface SweepFacts {
  /** The input as given: a path, or "-" for standard input. */
  readonly input: string;
  /** SHA-256 of the input bytes: identifies the list's content. */
  readonly inputHash: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly options: Record<string, unknown>;
  readonly counts: RunCounts;
  readonly rejected: Iterable<SweepRejected>;
  readonly analyzer: DomainAnalyzer;
}

/** Record this sweep in the store and compare it with the previous sweep of the same list. */
export function recordHistory(store: Store, s: SweepFacts): HistoryNote {
  const listId = s.input === "-" ? "stdin" : resolve(s.input);
  const previous = store.sweepPrevious(listId);
  const c = s.counts;
  const id = store.sweepRecord({
    listId,
    inputHash: s.inputHash,
    startedAt: new Date(s.startedAt).toISOString(),
    finishedAt: new Date(s.finishedAt).toISOString(),
    options: s.options,
    counts: { input_rows: c.inputRows, clean_rows: c.cleanRows, rejected_rows: c.rejectedRows, blank_rows: c.blankRows, by_code: c.byCode },
    rejected: s.rejected,
    domains: dnsVerdicts(s.analyzer),
  });
  return {
    previous: previous ? { finishedAt: previous.finishedAt, sameInput: previous.inputHash === s.inputHash } : null,
    diff: previous ? store.sweepDiff(previous.id, id, { limit: 100 }) : null,
  };
}

function* dnsVerdicts(analyzer: DomainAnalyzer): Iterable<{ domain: string; verdict: string }> {
  for (const [, a] of analyzer.settled()) if (a.dns !== null) yield { domain: a.domain, verdict: a.dns.kind };
}
