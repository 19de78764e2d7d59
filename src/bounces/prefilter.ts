import { MIN_NEEDLE, needlesOfAll } from "./needles.js";

/**
 * One pass over a text that tells which rules can possibly match, so that only their RegExps
 * run. Each rule's needles (needles.ts) go into two hash tables: needles of six or more
 * characters keyed by their first six, shorter ones keyed by their first three. The scan hashes
 * the three- and six-character window at every position of the text and checks only the needles
 * in those buckets with startsWith. Six-character keys matter: bounce texts are full of "sen",
 * "mai", "rec", which begin dozens of needles, while "sender", "mailbo", "recipi" begin few.
 * Rules without needles are always candidates. Built once per rule list; immutable afterwards.
 */

const TABLE_BITS = 13;
const LONG_KEY = 6;

/**
 * Needles are cut to this length: a prefix of a needle is still a needle, and the cut merges
 * variants ("account has been disabled", "account is suspended") into one entry. Longer needles
 * let fewer rules through but make the scan compare more entries; measured on the bench mix,
 * eight characters was the better balance.
 */
const NEEDLE_CUT = 8;

/** Candidate sets are two 32-bit masks. */
export const MAX_PREFILTER_RULES = 64;

/** Three UTF-16 code units packed into one key (Cyrillic units exceed 8 bits; collisions only cost time). */
function key3(s: string, at: number): number {
  return (s.charCodeAt(at) << 16) ^ (s.charCodeAt(at + 1) << 8) ^ s.charCodeAt(at + 2);
}

function hashKey(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

function hashKeys(first: number, second: number): number {
  return Math.imul(Math.imul(first, 0x85ebca6b) ^ second, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

/** A hash table in compressed-row layout: bucket h holds entries start[h] .. start[h + 1] - 1. */
interface Table {
  readonly start: Int32Array;
  readonly needleAt: readonly string[];
  readonly ruleAt: readonly number[];
}

function buildTable(entries: readonly { needle: string; rule: number; hash: number }[]): Table {
  const size = 1 << TABLE_BITS;
  const sorted = [...entries].sort((x, y) => x.hash - y.hash);
  const start = new Int32Array(size + 1);
  let k = 0;
  for (let h = 0; h <= size; h += 1) {
    start[h] = k;
    while (k < sorted.length && sorted[k]?.hash === h) k += 1;
  }
  return { start, needleAt: sorted.map((e) => e.needle), ruleAt: sorted.map((e) => e.rule) };
}

export interface Prefilter {
  /**
   * Calls `test` for each rule that can match the lower-cased text, in rule order, until it
   * returns non-null, and returns that result (null when no candidate matched).
   */
  firstMatch<T>(lower: string, test: (rule: number) => T | null): T | null;
}

export function buildPrefilter(rules: readonly (readonly RegExp[])[]): Prefilter {
  if (rules.length > MAX_PREFILTER_RULES) throw new Error(`prefilter supports at most ${MAX_PREFILTER_RULES} rules`);
  const perRule = rules.map((patterns) => needlesOfAll(patterns));
  let alwaysLo = 0;
  let alwaysHi = 0;
  const shortEntries: { needle: string; rule: number; hash: number }[] = [];
  const longEntries: { needle: string; rule: number; hash: number }[] = [];
  perRule.forEach((needles, rule) => {
    if (needles === null) {
      if (rule < 32) alwaysLo |= 1 << rule;
      else alwaysHi |= 1 << (rule - 32);
      return;
    }
    for (const needle of new Set(needles.map((n) => n.slice(0, NEEDLE_CUT)))) {
      if (needle.length >= LONG_KEY) longEntries.push({ needle, rule, hash: hashKeys(key3(needle, 0), key3(needle, 3)) });
      else if (needle.length >= MIN_NEEDLE) shortEntries.push({ needle, rule, hash: hashKey(key3(needle, 0)) });
    }
  });
  const { start: shortStart, needleAt: shortNeedle, ruleAt: shortRule } = buildTable(shortEntries);
  const { start: longStart, needleAt: longNeedle, ruleAt: longRule } = buildTable(longEntries);
  const ruleCount = rules.length;

  return {
    firstMatch<T>(lower: string, test: (rule: number) => T | null): T | null {
      let lo = alwaysLo;
      let hi = alwaysHi;
      const n = lower.length;
      // The hot path of the classifier: one charCodeAt per position (the window rolls through
      // c0..c5), both table probes written out by hand.
      let c0 = lower.charCodeAt(0);
      let c1 = lower.charCodeAt(1);
      let c2 = lower.charCodeAt(2);
      let c3 = n > 3 ? lower.charCodeAt(3) : 0;
      let c4 = n > 4 ? lower.charCodeAt(4) : 0;
      for (let i = 0; i + 2 < n; i += 1) {
        const hasLong = i + 5 < n;
        const c5 = hasLong ? lower.charCodeAt(i + 5) : 0;
        const key = (c0 << 16) ^ (c1 << 8) ^ c2;
        let h = hashKey(key);
        let k = shortStart[h] as number;
        let end = shortStart[h + 1] as number;
        for (; k < end; k += 1) {
          const rule = shortRule[k] as number;
          if ((rule < 32 ? lo & (1 << rule) : hi & (1 << (rule - 32))) === 0 && lower.startsWith(shortNeedle[k] as string, i)) {
            if (rule < 32) lo |= 1 << rule;
            else hi |= 1 << (rule - 32);
          }
        }
        if (hasLong) {
          h = hashKeys(key, (c3 << 16) ^ (c4 << 8) ^ c5);
          k = longStart[h] as number;
          end = longStart[h + 1] as number;
          for (; k < end; k += 1) {
            const rule = longRule[k] as number;
            if ((rule < 32 ? lo & (1 << rule) : hi & (1 << (rule - 32))) === 0 && lower.startsWith(longNeedle[k] as string, i)) {
              if (rule < 32) lo |= 1 << rule;
              else hi |= 1 << (rule - 32);
            }
          }
        }
        c0 = c1;
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = c5;
      }
      for (let rule = 0; rule < ruleCount; rule += 1) {
        const flagged = rule < 32 ? lo & (1 << rule) : hi & (1 << (rule - 32));
        if (flagged === 0) continue;
        const result = test(rule);
        if (result !== null) return result;
      }
      return null;
    },
  };
}
