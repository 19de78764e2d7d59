// Public API: re-exports only.
export * from "./reasons.js";
export { verdict, DEFAULT_POLICY, type Status, type Verdict, type VerdictPolicy } from "./verdict.js";
export { renderReason, renderDetail } from "./messages.js";
export * from "./address/index.js";
export { createDomainIntel, readDomainListFile, type DataSource, type DomainInfo, type DomainIntel } from "./domains/index.js";
export { createTypoCorrector, type TypoCorrector, type TypoDecision } from "./typos/index.js";
export {
  createDnsChecker,
  DnsUnavailableError,
  dnsReasons,
  isGloballyRoutable,
  type DnsCache,
  type DnsChecker,
  type DnsOptions,
  type DnsStats,
  type DomainDns,
} from "./dns/index.js";
export { openStore, defaultStorePath, Store, StoreError, StoreBusyError, type Suppression } from "./store/index.js";
export { checkAddress, createChecker, type AddressVerdict, type Checker, type CheckOptions } from "./check/index.js";
export { cleanList, SWEEP_COLUMNS, type CleanOptions, type CleanResult, type Progress } from "./pipeline/clean.js";
export type { CleanReport } from "./report/summary.js";
export { MailsweepError, EXIT, exitCodeOf, type ErrorKind } from "./errors.js";
export {
  classifyBounce,
  actionOf,
  adviceFor,
  BOUNCE_CATEGORIES,
  type BounceAction,
  type BounceCategory,
  type BounceClassification,
  type BounceSide,
} from "./bounces/index.js";
export { auditSender, checkMx, checkSpf, checkDmarc, checkDkim, checkPtr, parseSpf, parseDmarc } from "./sender/index.js";
