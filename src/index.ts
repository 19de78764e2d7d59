// Public API: re-exports only.
export * from "./reasons.js";
export { verdict, DEFAULT_POLICY, type Status, type Verdict, type VerdictPolicy } from "./verdict.js";
export { renderReason, renderDetail } from "./messages.js";
export * from "./address/index.js";
