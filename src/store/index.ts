// The embedded SQLite store: re-exports only.
export { defaultStorePath } from "./paths.js";
export {
  openStore,
  Store,
  DEFAULT_BUSY_TIMEOUT_MS,
  DEFAULT_SUPPRESSION_PRELOAD_MAX,
  type OpenStoreOptions,
} from "./store.js";
export { StoreError, StoreBusyError, type StoreErrorCode } from "./errors.js";
export { SCHEMA_VERSION } from "./schema.js";
export { MAX_DNS_TTL_SECONDS, type StoreDnsCache } from "./dns-cache.js";
export {
  suppressionKey,
  type Suppression,
  type SuppressionEntry,
  type SuppressionLookup,
  type SuppressionReason,
} from "./suppression.js";
export {
  DEFAULT_SOFT_THRESHOLD,
  type BounceEvent,
  type BounceSeverity,
  type SoftBounceSummary,
  type SoftThreshold,
} from "./bounces.js";
export {
  RECEIVING_VERDICTS,
  STOPPED_VERDICTS,
  DEFAULT_KEEP_SWEEPS,
  type SweepDiff,
  type SweepDomain,
  type SweepRecordInput,
  type SweepRejected,
  type SweepSummary,
} from "./sweeps.js";
