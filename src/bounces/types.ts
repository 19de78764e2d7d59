/**
 * Bounce categories and the contract table that maps each to an action and a side
 * (../shared/design.md, "Bounce classification (contract)").
 *
 * Categories are a closed string-literal union: a misspelt category anywhere is a compile error,
 * and every mapping below is an exhaustive switch whose `never` default fails to compile when a
 * category is added without deciding its action, side and advice.
 */

export type BounceCategory =
  | "mailbox_unknown"
  | "mailbox_disabled"
  | "domain_invalid"
  | "mailbox_full"
  | "transient"
  | "connection_failed"
  | "rate_limited"
  | "spam_content"
  | "blocklisted"
  | "sender_config"
  | "sender_account"
  | "message_rejected"
  | "recipient_policy"
  | "unknown";

export type BounceAction = "suppress" | "retry" | "review" | "fix-sender";

export type BounceSide = "recipient" | "recipient_system" | "path" | "sender" | "none";

/** `sender` never counts against the recipient; `hard` suppresses; `soft` may be retried. */
export type BounceSeverity = "hard" | "soft" | "sender";

export interface BounceClassification {
  readonly category: BounceCategory;
  readonly action: BounceAction;
  readonly side: BounceSide;
  readonly severity: BounceSeverity;
  /** Basic reply code (RFC 5321 §4.2), e.g. "550"; null when none was found. */
  readonly code: string | null;
  /** Enhanced status code (RFC 3463, registry of RFC 5248), e.g. "5.1.1"; null when none. */
  readonly enhancedCode: string | null;
  /** Id of the rule that decided: a phrase rule id, `enhanced:x.1.1`, `basic:552` or `no-evidence`. */
  readonly rule: string;
  /** The matched phrase or code text; null when nothing matched. */
  readonly evidence: string | null;
  /** The unwrapped, joined text that was classified. */
  readonly text: string;
  /** For `blocklisted`: which list, when the reply names one (e.g. `zen.spamhaus.org`). */
  readonly blocklist?: string;
}

export interface BounceHints {
  /** A basic reply code from a separate column (e.g. a DSN's `Remote-MTA` reply), "550". */
  readonly code?: string;
  /** An enhanced status code from a separate column (a DSN's `Status:` field), "5.1.1". */
  readonly enhancedCode?: string;
}

/** Every category, in the order of the contract table. */
export const BOUNCE_CATEGORIES: readonly BounceCategory[] = Object.freeze([
  "mailbox_unknown",
  "mailbox_disabled",
  "domain_invalid",
  "mailbox_full",
  "transient",
  "connection_failed",
  "rate_limited",
  "spam_content",
  "blocklisted",
  "sender_config",
  "sender_account",
  "message_rejected",
  "recipient_policy",
  "unknown",
] as const);

function unreachable(value: never): never {
  throw new Error(`unhandled bounce category: ${String(value)}`);
}

/** The contract's action for a category, before any transient-reply downgrade. */
export function actionOf(category: BounceCategory): BounceAction {
  switch (category) {
    case "mailbox_unknown":
    case "mailbox_disabled":
    case "domain_invalid":
      return "suppress";
    case "mailbox_full":
    case "transient":
    case "connection_failed":
    case "rate_limited":
      return "retry";
    case "spam_content":
    case "blocklisted":
    case "sender_account":
    case "recipient_policy":
    case "unknown":
      return "review";
    case "sender_config":
    case "message_rejected":
      return "fix-sender";
    default:
      return unreachable(category);
  }
}

/** Whose problem it is, per the contract table. */
export function sideOf(category: BounceCategory): BounceSide {
  switch (category) {
    case "mailbox_unknown":
    case "mailbox_disabled":
    case "domain_invalid":
    case "mailbox_full":
    case "recipient_policy":
      return "recipient";
    case "transient":
      return "recipient_system";
    case "connection_failed":
      return "path";
    case "rate_limited":
    case "spam_content":
    case "blocklisted":
    case "sender_config":
    case "sender_account":
    case "message_rejected":
      return "sender";
    case "unknown":
      return "none";
    default:
      return unreachable(category);
  }
}

/** True for the categories that suppress an address when the reply is permanent. */
export function isHardRecipientCategory(category: BounceCategory): boolean {
  return actionOf(category) === "suppress";
}
