import { MIN_NEEDLE, needlesOfAll } from "./needles.js";

/**
 * One pass over a text that tells which rules can possibly match, so that only their RegExps
 * run. Each rule's needles (needles.ts) are hashed by their first three characters into a flat
 * table; the scan hashes every three-character window of the text and checks the few needles in
 * that bucket with startsWith. Rules without needles are always candidates. Built once per rule
 * list; immutable afterwards.
 */

/** 2^14 buckets: with a few hundred needles most windows of a text land in an empty bucket. */
const TABLE_BITS = 14;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

/** Multiplicative hash of three UTF-16 code units (Cyrillic ones exceed 8 bits; collisions only cost time). */
function hash3(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

export interface Prefilter {
  /** Candidate flags, one per rule, for a lower-cased text. */
  candidates(lower: string): Uint8Array;
  /** The needles a rule was given (null: always tried). For tests and diagnostics. */
  needles(rule: number): readonly string[] | null;
}

export function buildPrefilter(rules: readonly (readonly RegExp[])[]): Prefilter {
  const perRule = rules.map((patterns) => needlesOfAll(patterns));
  const always = perRule.map((n) => n === null);
  const buckets: { needle: string; rule: number }[][] = Array.from({ length: TABLE_MASK + 1 }, () => []);
  perRule.forEach((needles, rule) => {
    for (const needle of needles ?? []) {
      if (needle.length < MIN_NEEDLE) continue; // needlesOf never yields these; defensive
      const h = hash3(needle.charCodeAt(0), needle.charCodeAt(1), needle.charCodeAt(2));
      buckets[h]?.push({ needle, rule });
    }
  });
  // Flatten into a compressed-row layout: bucket h holds entries start[h] .. start[h + 1] - 1.
  const start = new Int32Array(TABLE_MASK + 2);
  const needleAt: string[] = [];
  const ruleAt: number[] = [];
  buckets.forEach((bucket, h) => {
    start[h] = needleAt.length;
    for (const entry of bucket) {
      needleAt.push(entry.needle);
      ruleAt.push(entry.rule);
    }
  });
  start[TABLE_MASK + 1] = needleAt.length;
  const ruleCount = rules.length;

  return {
    candidates(lower: string): Uint8Array {
      const flags = new Uint8Array(ruleCount);
      for (let r = 0; r < ruleCount; r += 1) if (always[r] === true) flags[r] = 1;
      const n = lower.length;
      if (n < MIN_NEEDLE) return flags;
      let a = lower.charCodeAt(0);
      let b = lower.charCodeAt(1);
      for (let i = 0; i + 2 < n; i += 1) {
        const c = lower.charCodeAt(i + 2);
        const h = hash3(a, b, c);
        const end = start[h + 1] ?? 0;
        for (let k = start[h] ?? 0; k < end; k += 1) {
          const rule = ruleAt[k] ?? 0;
          if (flags[rule] === 0 && lower.startsWith(needleAt[k] ?? "", i)) flags[rule] = 1;
        }
        a = b;
        b = c;
      }
      return flags;
    },
    needles(rule: number): readonly string[] | null {
      return perRule[rule] ?? null;
    },
  };
}
