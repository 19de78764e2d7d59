import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { needlesOf, needlesOfAll } from "../../src/bounces/needles.js";
import { parseBounce } from "../../src/bounces/parse.js";
import { buildPrefilter, isCandidate, MAX_PREFILTER_RULES } from "../../src/bounces/prefilter.js";
import { AUTO_REPLY, BASIC_RULES, ENHANCED_RULES, PHRASE_RULES } from "../../src/bounces/rules.js";
import { BOUNCE_CATEGORIES } from "../../src/bounces/types.js";

const categories = new Set<string>(BOUNCE_CATEGORIES);

/** The quoted replies in a rule's comment: the real texts its patterns came from. */
function quotedReplies(comment: string): string[] {
  return [...comment.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("auto-reply patterns", () => {
  it("are stateless, lower-case, capture nothing, and have needles", () => {
    for (const pattern of AUTO_REPLY.patterns) {
      expect(pattern.flags).toBe("");
      const literals = pattern.source.replace(/\\./g, "");
      expect(literals).toBe(literals.toLowerCase());
      expect(new RegExp(`${pattern.source}|`).exec("")?.length).toBe(1);
    }
    const needles = needlesOfAll(AUTO_REPLY.patterns);
    expect(needles).not.toBeNull();
    for (const n of needles ?? []) expect(n.length).toBeGreaterThanOrEqual(3);
  });

  it("every pattern matches a reply quoted in the comment", () => {
    const replies = quotedReplies(AUTO_REPLY.comment).map((reply) => parseBounce(reply).lower);
    for (const pattern of AUTO_REPLY.patterns) {
      expect(replies.some((reply) => pattern.test(reply)), pattern.source).toBe(true);
    }
  });

  it("no phrase rule's comment reply reads as an auto-reply", () => {
    const hits = PHRASE_RULES.flatMap((rule) => quotedReplies(rule.comment))
      .map((reply) => parseBounce(reply).lower)
      .filter((reply) => AUTO_REPLY.patterns.some((p) => p.test(reply)));
    expect(hits).toEqual([]);
  });
});

describe("phrase rule table", () => {
  it("fits the prefilter's candidate masks", () => {
    // Plus two extra slots: TRANSIENT_TEXT and AUTO_REPLY share the scan (classify.ts).
    expect(PHRASE_RULES.length + 2).toBeLessThanOrEqual(MAX_PREFILTER_RULES);
  });

  it("has unique ids", () => {
    const ids = PHRASE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(PHRASE_RULES.map((r) => [r.id, r] as const))("%s is well-formed", (_id, rule) => {
    expect(categories.has(rule.category)).toBe(true);
    expect(rule.category).not.toBe("unknown");
    expect(rule.patterns.length).toBeGreaterThan(0);
    for (const pattern of rule.patterns) {
      // Stateless (no g/y), matched against lower-cased text (no i, lower-case literals).
      expect(pattern.flags).toBe("");
      const literals = pattern.source.replace(/\\./g, "");
      expect(literals).toBe(literals.toLowerCase());
      // No capturing groups: evidence is the whole match.
      expect(new RegExp(`${pattern.source}|`).exec("")?.length).toBe(1);
    }
  });

  it.each(PHRASE_RULES.map((r) => [r.id, r] as const))("%s: its comment quotes a reply it matches", (_id, rule) => {
    const replies = quotedReplies(rule.comment);
    expect(replies.length).toBeGreaterThan(0);
    const matched = replies.filter((reply) => rule.patterns.some((p) => p.test(parseBounce(reply).lower)));
    expect(matched.length).toBeGreaterThan(0);
  });

  it.each(PHRASE_RULES.map((r) => [r.id, r] as const))("%s has needles for the prefilter", (_id, rule) => {
    const needles = needlesOfAll(rule.patterns);
    expect(needles).not.toBeNull();
    for (const n of needles ?? []) expect(n.length).toBeGreaterThanOrEqual(3);
  });
});

describe("code rule tables", () => {
  it("enhanced rules have unique ids, valid categories and sane ranges", () => {
    expect(new Set(ENHANCED_RULES.map((r) => r.id)).size).toBe(ENHANCED_RULES.length);
    for (const rule of ENHANCED_RULES) {
      expect(categories.has(rule.category)).toBe(true);
      expect(rule.detailFrom).toBeLessThanOrEqual(rule.detailTo);
      expect(rule.subject).toBeGreaterThanOrEqual(0);
      expect(rule.subject).toBeLessThanOrEqual(7);
    }
  });

  it("basic rules list every code once", () => {
    const codes = BASIC_RULES.flatMap((r) => r.codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^5[0-5]\d$/);
    // Generic refusals are no evidence on their own.
    expect(codes).not.toContain("550");
    expect(codes).not.toContain("554");
  });
});

describe("needlesOf", () => {
  it.each([
    [/user unknown/, ["user unknown"]],
    [/user (?:is )?unknown/, ["user unknown", "user is unknown"]],
    [/(?:rejected|blocked) by (?:the )?recipient/, ["rejected by recipient", "blocked by recipient", "rejected by the recipient", "blocked by the recipient"]],
    [/\bspf\b/, ["spf"]],
    [/(?<!not )\blisted in/, ["listed in"]],
    [/domain \S{1,255} does not exist/, [" does not exist"]],
    [/rate[- ]?limit/, ["limit"]],
    [/\(s3\d{3}\)/, ["(s3"]],
    [/a|bc/, null],
    [/\d+/, null],
    [/[a-z]+ x/, null],
    [/user/i, null],
  ] as const)("%s → %j", (pattern, expected) => {
    const needles = needlesOf(pattern);
    if (expected === null) expect(needles).toBeNull();
    else expect([...(needles ?? [])].sort()).toEqual([...expected].sort());
  });
});

describe("prefilter never hides a matching rule", () => {
  const prefilter = buildPrefilter(PHRASE_RULES.map((r) => r.patterns));
  const compiled = PHRASE_RULES.map((r) => new RegExp(r.patterns.map((p) => `(?:${p.source})`).join("|")));

  function check(lower: string): void {
    const candidates = prefilter.candidates(lower);
    compiled.forEach((regex, i) => {
      if (regex.test(lower)) expect(isCandidate(candidates, i), `${PHRASE_RULES[i]?.id} on ${lower}`).toBe(true);
    });
  }

  it("on every reply quoted in the rule comments", () => {
    for (const rule of PHRASE_RULES) for (const reply of quotedReplies(rule.comment)) check(parseBounce(reply).lower);
  });

  it("on random texts built from the rules' own vocabulary", () => {
    const words = [
      ...new Set(
        PHRASE_RULES.flatMap((r) => r.patterns.flatMap((p) => p.source.replace(/\\./g, " ").split(/[^a-zа-яё0-9'_.-]+/))).filter(
          (w) => w.length > 0,
        ),
      ),
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 3 })), { maxLength: 12 }), (parts) => {
        check(parts.join(" ").toLowerCase());
      }),
      { numRuns: 300 },
    );
  });
});
