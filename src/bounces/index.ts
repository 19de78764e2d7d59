// The bounce classifier's public surface (re-exports only).
export {
  BOUNCE_CATEGORIES,
  actionOf,
  sideOf,
  type BounceAction,
  type BounceCategory,
  type BounceClassification,
  type BounceHints,
  type BounceSeverity,
  type BounceSide,
} from "./types.js";
export { classifyBounce } from "./classify.js";
export { adviceFor } from "./advice.js";
export { parseBounce, unwrapBounce, extractCodes, joinContinuations, MAX_BOUNCE_TEXT, type ParsedBounce, type ReplyCodes } from "./parse.js";
export { PHRASE_RULES, ENHANCED_RULES, BASIC_RULES, type PhraseRule, type EnhancedRule, type BasicRule } from "./rules.js";
