import { MailsweepError } from "../errors.js";
import type { RunCounts } from "../report/summary.js";

/**
 * The counters one run keeps while rows go by (the shape is the report's input, RunCounts in
 * report/summary.ts): intake counts rows as they arrive, the emitter counts outcomes.
 */
export function emptyCounts(): RunCounts {
  return {
    inputRows: 0,
    cleanRows: 0,
    rejectedRows: 0,
    blankRows: 0,
    byStatus: { valid: 0, risky: 0, unknown: 0, invalid: 0 },
    byCode: {},
    neutralisedCells: 0,
    typoFixes: new Map(),
    rejectedDomains: new Map(),
    domainRows: new Map(),
    suppressed: [],
    undecodableRecords: 0,
  };
}

export function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Every input row lands exactly once: clean, rejected or blank (contract). */
export function checkAccounting(counts: RunCounts): void {
  if (counts.inputRows !== counts.cleanRows + counts.rejectedRows + counts.blankRows) {
    throw new MailsweepError(
      "internal",
      `Row accounting failed: ${counts.inputRows} input rows but ${counts.cleanRows} clean + ${counts.rejectedRows} rejected + ${counts.blankRows} blank.`,
    );
  }
}
