import type { BounceCategory } from "./types.js";

/**
 * One sentence per category for a support engineer reading a bounce log. The wording is pinned
 * by test/bounces/advice.test.ts; the classifier itself never depends on it.
 */
export function adviceFor(category: BounceCategory): string {
  switch (category) {
    case "mailbox_unknown":
      return "The recipient's server says this mailbox does not exist: suppress the address and check it for typos at the source.";
    case "mailbox_disabled":
      return "The mailbox exists but has been disabled or closed by its provider: suppress the address.";
    case "domain_invalid":
      return "The recipient's domain does not exist or publishes no way to receive mail: suppress the address unless the domain is misspelt.";
    case "mailbox_full":
      return "The recipient's mailbox is over quota: retry later, and suppress only if it stays full for weeks.";
    case "transient":
      return "The recipient's system refused temporarily (greylisting, overload, local error): let the sending server retry.";
    case "connection_failed":
      return "The sending server could not reach the recipient's mail server (DNS, timeout, refused connection): retry, and check the network path if it persists.";
    case "rate_limited":
      return "The recipient's provider is throttling your sending volume or connection rate: slow down and retry later.";
    case "spam_content":
      return "The message was rejected as spam or for content policy: review the content, links and list consent before resending.";
    case "blocklisted":
      return "Your sending IP or domain is on a blocklist or has poor reputation: look it up and request delisting once the cause is fixed.";
    case "sender_config":
      return "Your sending setup was rejected (SPF, DKIM, DMARC, reverse DNS, relay or sender verification): fix the sender's DNS or server configuration.";
    case "sender_account":
      return "Your sending account was suspended, restricted or over its limits at the provider: contact the provider before sending more.";
    case "message_rejected":
      return "The message itself was refused (size, format, headers or attachments): fix the message and resend.";
    case "recipient_policy":
      return "The recipient's organisation does not accept this mail by policy (restricted group, blocked sender): ask the recipient to allow it.";
    case "unknown":
      return "The bounce text gives no clear cause: read the full reply before deciding what to do with the address.";
    default: {
      const unhandled: never = category;
      throw new Error(`unhandled bounce category: ${String(unhandled)}`);
    }
  }
}
