import { once } from "../once.js";
import { blocklistName } from "./blocklist.js";
import { parseBounce } from "./parse.js";
import { buildPrefilter, firstMatch, isCandidate, type Candidates } from "./prefilter.js";
import { AUTO_REPLY, BASIC_RULES, ENHANCED_RULES, PHRASE_RULES, TRANSIENT_TEXT } from "./rules.js";
import {
  actionOf,
  isHardRecipientCategory,
  sideOf,
  type BounceAction,
  type BounceCategory,
  type BounceClassification,
  type BounceHints,
  type BounceSeverity,
} from "./types.js";

interface CompiledRule {
  readonly id: string;
  readonly category: BounceCategory;
  /** All of a rule's patterns as one alternation: one scan of the text per rule. */
  readonly regex: RegExp;
}

/** Compiled once at load; RegExps without `g`/`y` keep no state between calls. */
const COMPILED: readonly CompiledRule[] = Object.freeze(
  PHRASE_RULES.map((rule) => ({
    id: rule.id,
    category: rule.category,
    regex: new RegExp(rule.patterns.map((p) => `(?:${p.source})`).join("|")),
  })),
);

/**
 * Which rules can match a text at all (see prefilter.ts); only those run their RegExp. The same
 * scan also tells whether TRANSIENT_TEXT can match (it is tried on every permanent-looking
 * recipient verdict, and most of those have none of its words).
 */
// Built on first use (~1.8 MB, 15–30 ms): `clean` and `sender` load this module but never classify.
const prefilter = once(() => buildPrefilter([...PHRASE_RULES.map((rule) => rule.patterns), [TRANSIENT_TEXT], AUTO_REPLY.patterns]));
const TRANSIENT_TEXT_RULE = PHRASE_RULES.length;
const AUTO_REPLY_RULE = PHRASE_RULES.length + 1;
const AUTO_REPLY_REGEX = new RegExp(AUTO_REPLY.patterns.map((p) => `(?:${p.source})`).join("|"));

const BASIC_BY_CODE: ReadonlyMap<string, { readonly id: string; readonly category: BounceCategory }> = new Map(
  BASIC_RULES.flatMap((rule) => rule.codes.map((code) => [code, { id: rule.id, category: rule.category }] as const)),
);

const VALID_BASIC = /^[245][0-5]\d$/;
const VALID_ENHANCED = /^[245]\.\d{1,3}\.\d{1,3}$/;

interface Decision {
  readonly category: BounceCategory;
  readonly rule: string;
  readonly evidence: string | null;
}

function byPhrase(text: string, lower: string, candidates: Candidates): Decision | null {
  // Slicing the original keeps the evidence in its real case; lower-casing can change the length
  // (e.g. "İ"), and then the lower-cased match is reported instead.
  const sameLength = text.length === lower.length;
  return firstMatch(candidates, TRANSIENT_TEXT_RULE, (r): Decision | null => {
    const rule = COMPILED[r];
    const match = rule?.regex.exec(lower) ?? null;
    if (rule === undefined || match === null) return null;
    const evidence = sameLength ? text.slice(match.index, match.index + match[0].length) : match[0];
    return { category: rule.category, rule: rule.id, evidence: evidence.trim() };
  });
}

/** An out-of-office or other auto-reply: not a bounce, so no category (see AUTO_REPLY). */
function byAutoReply(text: string, lower: string, candidates: Candidates): Decision | null {
  if (!isCandidate(candidates, AUTO_REPLY_RULE)) return null;
  const match = AUTO_REPLY_REGEX.exec(lower);
  if (match === null) return null;
  const evidence = text.length === lower.length ? text.slice(match.index, match.index + match[0].length) : match[0];
  return { category: "unknown", rule: AUTO_REPLY.id, evidence: evidence.trim() };
}

function byEnhanced(enhancedCode: string | null): Decision | null {
  if (enhancedCode === null) return null;
  const [cls, subjectText, detailText] = enhancedCode.split(".");
  if (cls !== "4" && cls !== "5") return null;
  const subject = Number(subjectText);
  const detail = Number(detailText);
  for (const rule of ENHANCED_RULES) {
    if (rule.cls !== undefined && rule.cls !== cls) continue;
    if (rule.subject === subject && detail >= rule.detailFrom && detail <= rule.detailTo) {
      return { category: rule.category, rule: rule.id, evidence: enhancedCode };
    }
  }
  // RFC 3463 §3.2: class 4 is a persistent transient failure, whatever the subject.
  if (cls === "4") return { category: "transient", rule: "enhanced:4.x.x", evidence: enhancedCode };
  return null;
}

function byBasic(code: string | null): Decision | null {
  if (code === null) return null;
  const rule = BASIC_BY_CODE.get(code);
  if (rule !== undefined) return { category: rule.category, rule: rule.id, evidence: code };
  // RFC 5321 §4.2.1: 4yz is a transient negative completion reply.
  if (code.startsWith("4")) return { category: "transient", rule: "basic:4xx", evidence: code };
  return null;
}

/**
 * A reply is transient when a code says so (4xx, 4.x.x), when the two codes disagree on the class
 * (RFC 3463 §2: the classes must match; a mismatch is no basis for a permanent verdict), or when
 * the text says so ("temporarily", "try again later", greylisting).
 */
function isTransientReply(code: string | null, enhancedCode: string | null, lower: string, candidates: Candidates): boolean {
  if (code?.startsWith("4") === true || enhancedCode?.startsWith("4") === true) return true;
  if (code !== null && enhancedCode !== null && code[0] !== enhancedCode[0]) return true;
  return isCandidate(candidates, TRANSIENT_TEXT_RULE) && TRANSIENT_TEXT.test(lower);
}

function validHint(value: string | undefined, pattern: RegExp): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return pattern.test(trimmed) ? trimmed : null;
}

/**
 * Classify one bounce text. Codes found in the text win; `hints` (codes from separate columns,
 * such as a DSN's Status field) fill in what the text lacks.
 */
export function classifyBounce(text: string, hints?: BounceHints): BounceClassification {
  const parsed = parseBounce(text);
  const code = parsed.code ?? validHint(hints?.code, VALID_BASIC);
  const enhancedCode = parsed.enhancedCode ?? validHint(hints?.enhancedCode, VALID_ENHANCED);

  const candidates = prefilter().candidates(parsed.lower);
  const decision: Decision = byAutoReply(parsed.text, parsed.lower, candidates) ??
    byPhrase(parsed.text, parsed.lower, candidates) ??
    byEnhanced(enhancedCode) ??
    byBasic(code) ?? { category: "unknown", rule: "no-evidence", evidence: null };

  const { category } = decision;
  const side = sideOf(category);
  let action: BounceAction = actionOf(category);
  let severity: BounceSeverity;
  if (isHardRecipientCategory(category)) {
    if (isTransientReply(code, enhancedCode, parsed.lower, candidates)) {
      action = "retry";
      severity = "soft";
    } else {
      severity = "hard";
    }
  } else {
    severity = side === "sender" ? "sender" : "soft";
  }

  const base = {
    category,
    action,
    side,
    severity,
    code,
    enhancedCode,
    rule: decision.rule,
    evidence: decision.evidence,
    text: parsed.text,
  };
  if (category === "blocklisted") {
    const list = blocklistName(parsed.lower);
    if (list !== null) return { ...base, blocklist: list };
  }
  return base;
}
