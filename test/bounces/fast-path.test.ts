import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyBounce } from "../../src/bounces/classify.js";
import { joinContinuations, parseBounce } from "../../src/bounces/parse.js";
import { AUTO_REPLY, PHRASE_RULES, TRANSIENT_TEXT } from "../../src/bounces/rules.js";
import { isHardRecipientCategory } from "../../src/bounces/types.js";

/**
 * The classifier's fast paths (the needle automaton in prefilter.ts, the whitespace collapsing in
 * parse.ts) against straightforward evaluations of the same rules: they must never change a result.
 */

interface PhraseVerdict {
  readonly rule: string;
  readonly evidence: string;
}

/**
 * The oracle: every phrase rule in table order, every pattern of it run on the whole lower-cased
 * text; within a rule the leftmost match wins, the earlier pattern on a tie (what one alternation
 * of the rule's patterns finds). Evidence is the original-case slice when lower-casing kept the
 * length, as the contract says.
 */
function oraclePhrase(text: string, lower: string): PhraseVerdict | null {
  // Auto-replies are tried before the table (classify.ts); they decide the same way.
  for (const rule of [AUTO_REPLY, ...PHRASE_RULES]) {
    let best: RegExpExecArray | null = null;
    for (const pattern of rule.patterns) {
      const match = pattern.exec(lower);
      if (match !== null && (best === null || match.index < best.index)) best = match;
    }
    if (best !== null) {
      const evidence = text.length === lower.length ? text.slice(best.index, best.index + best[0].length) : best[0];
      return { rule: rule.id, evidence: evidence.trim() };
    }
  }
  return null;
}

const phraseIds = new Set([AUTO_REPLY.id, ...PHRASE_RULES.map((r) => r.id)]);

/** The oracle for the hard/soft split of recipient verdicts (classify.ts, isTransientReply). */
function oracleTransient(code: string | null, enhancedCode: string | null, lower: string): boolean {
  if (code?.startsWith("4") === true || enhancedCode?.startsWith("4") === true) return true;
  if (code !== null && enhancedCode !== null && code[0] !== enhancedCode[0]) return true;
  return TRANSIENT_TEXT.test(lower);
}

function checkAgainstOracle(raw: string): void {
  const parsed = parseBounce(raw);
  const expected = oraclePhrase(parsed.text, parsed.lower);
  const result = classifyBounce(raw);
  if (expected === null) {
    expect(phraseIds.has(result.rule), `no phrase rule matches ${JSON.stringify(raw)}, got ${result.rule}`).toBe(false);
  } else {
    expect({ rule: result.rule, evidence: result.evidence }, JSON.stringify(raw)).toEqual(expected);
  }
  if (isHardRecipientCategory(result.category)) {
    const transient = oracleTransient(result.code, result.enhancedCode, parsed.lower);
    expect(result.severity, JSON.stringify(raw)).toBe(transient ? "soft" : "hard");
  }
}

/**
 * The texts of the corpus tables. Each case row there is one line `["text", "category", "action"],`
 * whose literals are plain JSON (only \n, \r, \\ and \" escapes), so it is read from the source.
 */
function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const file of ["../corpus/bounces.test.ts", "./classify.test.ts"]) {
    const source = readFileSync(new URL(file, import.meta.url), "utf8");
    for (const line of source.split("\n")) {
      const row = /^\s*(\[".*"\]),?$/.exec(line);
      if (row === null) continue;
      const parsed: unknown = JSON.parse(row[1] ?? "[]");
      if (Array.isArray(parsed) && typeof parsed[0] === "string") texts.push(parsed[0]);
    }
  }
  return texts;
}

/** The quoted replies in the rule comments: the real texts the patterns came from. */
const quoted = [AUTO_REPLY, ...PHRASE_RULES].flatMap((rule) => [...rule.comment.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ""));

/** Every UTF-16 code unit `\s` matches (the set parse.ts collapses). */
const WHITESPACE_UNITS = Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit)).filter((ch) => /\s/.test(ch));

describe("phrase rules: fast path equals the straightforward evaluation", () => {
  const corpus = corpusTexts();

  it("reads the corpus", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(800);
  });

  it("on every corpus text", () => {
    for (const text of corpus) checkAgainstOracle(text);
  });

  it("on every reply quoted in the rule comments", () => {
    for (const text of quoted) checkAgainstOracle(text);
  });

  it("on random texts from the rules' vocabulary, corpus fragments, wrappers, codes and odd whitespace", () => {
    const words = [
      ...new Set(
        PHRASE_RULES.flatMap((r) => r.patterns.flatMap((p) => p.source.replace(/\\./g, " ").split(/[^a-zа-яё0-9'_.-]+/))).filter(
          (w) => w.length > 0,
        ),
      ),
    ];
    const fragments = corpus.flatMap((text) => text.split(/(?<=[.;:,])\s+/)).filter((f) => f.length > 0);
    const pieces = fc.oneof(
      { arbitrary: fc.constantFrom(...words), weight: 6 },
      { arbitrary: fc.constantFrom(...fragments), weight: 3 },
      { arbitrary: fc.constantFrom(...quoted), weight: 1 },
      {
        arbitrary: fc.constantFrom(
          "550",
          "550-5.1.1",
          "450 4.2.0",
          "5.7.1",
          "host mx.example.com[192.0.2.1] said:",
          "(in reply to RCPT TO command)",
          "Remote Server returned '",
          "'",
          "smtp;",
          "\\n",
          "İ",
          "ΣΑΣ",
          "Пользователь",
        ),
        weight: 2,
      },
      { arbitrary: fc.constantFrom(...WHITESPACE_UNITS), weight: 2 },
      { arbitrary: fc.string({ maxLength: 4 }), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), fc.boolean(), (parts, upper) => {
        const text = parts.join(" ");
        checkAgainstOracle(upper ? text.toUpperCase() : text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("whitespace collapsing equals replace(/\\s+/g, ' ').trim()", () => {
  const reference = (text: string): string => text.replace(/\s+/g, " ").trim();

  it("for every UTF-16 code unit between two letters, alone and doubled", () => {
    for (let unit = 0; unit < 0x10000; unit += 1) {
      const ch = String.fromCharCode(unit);
      for (const text of [`a${ch}b`, `a ${ch}b`, `a${ch} b`, `${ch}a`, `a${ch}`]) {
        if (joinContinuations(text, null) !== reference(text)) expect(joinContinuations(text, null), JSON.stringify(text)).toBe(reference(text));
      }
    }
  });

  it("on random texts mixing words and every kind of whitespace", () => {
    const piece = fc.oneof(fc.constantFrom(...WHITESPACE_UNITS), fc.constantFrom("a", "bc", "550", "5.1.1", "-", "x"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join("");
        expect(joinContinuations(text, null)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });
});
