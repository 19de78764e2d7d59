import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adviceFor } from "../../src/bounces/advice.js";
import { classifyBounce } from "../../src/bounces/classify.js";
import { MAX_BOUNCE_TEXT } from "../../src/bounces/parse.js";
import { actionOf, BOUNCE_CATEGORIES, sideOf, type BounceAction, type BounceCategory, type BounceSide } from "../../src/bounces/types.js";

/** The contract table of design.md, "Bounce classification (contract)". */
const CONTRACT: readonly (readonly [BounceCategory, BounceAction, BounceSide])[] = [
  ["mailbox_unknown", "suppress", "recipient"],
  ["mailbox_disabled", "suppress", "recipient"],
  ["domain_invalid", "suppress", "recipient"],
  ["mailbox_full", "retry", "recipient"],
  ["transient", "retry", "recipient_system"],
  ["connection_failed", "retry", "path"],
  ["rate_limited", "retry", "sender"],
  ["spam_content", "review", "sender"],
  ["blocklisted", "review", "sender"],
  ["sender_config", "fix-sender", "sender"],
  ["sender_account", "review", "sender"],
  ["message_rejected", "fix-sender", "sender"],
  ["recipient_policy", "review", "recipient"],
  ["unknown", "review", "none"],
];

describe("contract table", () => {
  it("BOUNCE_CATEGORIES lists the 14 contract categories once, in contract order", () => {
    expect(BOUNCE_CATEGORIES).toEqual(CONTRACT.map(([c]) => c));
    expect(Object.isFrozen(BOUNCE_CATEGORIES)).toBe(true);
  });

  it.each(CONTRACT)("%s → %s, side %s", (category, action, side) => {
    expect(actionOf(category)).toBe(action);
    expect(sideOf(category)).toBe(side);
  });
});

describe("adviceFor", () => {
  it.each(BOUNCE_CATEGORIES.map((c) => [c]))("%s has one sentence of advice", (category) => {
    const advice = adviceFor(category);
    expect(advice).toMatch(/^[A-Z].{20,200}\.$/);
    expect(advice.slice(0, -1)).not.toMatch(/\.\s/);
  });

  it("gives each category its own advice", () => {
    expect(new Set(BOUNCE_CATEGORIES.map(adviceFor)).size).toBe(BOUNCE_CATEGORIES.length);
  });

  it("pins the wording of the common cases", () => {
    expect(adviceFor("mailbox_unknown")).toBe(
      "The recipient's server says this mailbox does not exist: suppress the address and check it for typos at the source.",
    );
    expect(adviceFor("sender_config")).toContain("SPF, DKIM, DMARC");
  });
});

describe("classifyBounce invariants", () => {
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc
      .tuple(fc.constantFrom("550", "450", "554", "421", "552", "250", ""), fc.constantFrom("5.1.1", "4.2.2", "5.7.1", "4.7.0", ""), fc.string({ maxLength: 80 }))
      .map(([code, enhanced, rest]) => `${code} ${enhanced} ${rest}`),
  );

  it("never throws, is deterministic and consistent with the contract", () => {
    fc.assert(
      fc.property(text, (input) => {
        const a = classifyBounce(input);
        expect(classifyBounce(input)).toEqual(a);
        expect(BOUNCE_CATEGORIES).toContain(a.category);
        expect(a.side).toBe(sideOf(a.category));
        const contractAction = actionOf(a.category);
        if (contractAction === "suppress") {
          expect(["suppress", "retry"]).toContain(a.action);
          expect(a.severity).toBe(a.action === "suppress" ? "hard" : "soft");
        } else {
          expect(a.action).toBe(contractAction);
          expect(a.severity).toBe(a.side === "sender" ? "sender" : "soft");
        }
        expect(a.text.length).toBeLessThanOrEqual(MAX_BOUNCE_TEXT);
        if (a.category === "unknown") expect(a.evidence).toBeNull();
        if (a.category !== "blocklisted") expect(a.blocklist).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("a permanent reply never suppresses when the codes or text say transient", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("User unknown", "No such user here", "Mailbox disabled", "Domain not found", "user does not exist"),
        fc.constantFrom("450 4.1.1", "550 4.1.1", "450 5.1.1", "550 5.1.1 temporarily", "550 5.1.1 try again later"),
        (phrase, prefix) => {
          expect(classifyBounce(`${prefix} ${phrase}`).action).toBe("retry");
        },
      ),
    );
  });

  it.each([
    ["a".repeat(10_000)],
    ["550-".repeat(3000)],
    [`${" ".repeat(5000)}x`],
    ["host said: ".repeat(800)],
    ["(in reply to (in reply to ".repeat(300)],
    [`Remote Server returned '${"'".repeat(4000)}`],
    [`status=bounced (${"(".repeat(4000)}`],
    [`domain ${"x".repeat(4000)} does not exist`],
    ["5.5.5.5.5.5.".repeat(700)],
  ])("finishes on hostile input (%#)", (input) => {
    const result = classifyBounce(input);
    expect(result.text.length).toBeLessThanOrEqual(MAX_BOUNCE_TEXT);
  });
});
