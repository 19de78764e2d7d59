import { needlesOfAll } from "./needles.js";

/**
 * One pass over a text that tells which rules can possibly match, so that only their RegExps
 * run. All rules' needles (needles.ts) are compiled into one Aho-Corasick automaton, stored as a
 * dense transition table: the scan costs one table step per character, whatever the number of
 * needles, and reports every rule one of whose needles occurs anywhere in the text. Rules without
 * needles are always candidates. Built once per rule list; immutable afterwards.
 *
 * Measured on the bench mix (bench.ts, Postfix "User unknown" replies of ~100 characters once
 * unwrapped): the earlier hash-window scan, with needles cut to eight characters, took ~900 ns
 * per text and let five rules through that then failed their RegExp (~850 ns); the automaton
 * scans in ~400 ns and lets one failing rule through.
 *
 * Needles are used whole. The automaton's states are the needles' distinct prefixes (11,122 for
 * rules.ts when this was measured, more as rules are added: a table of about 2 MB, built on first
 * use in 15-30 ms on the busy 2-core dev machine), but a scan only visits the shallow states' rows except while a
 * needle is actually being matched. Cutting needles to twelve
 * characters (4,068 states) let 274 failing RegExp runs through on the 817 corpus texts, against
 * 125 uncut: "tried to rea" cannot tell "tried to reach is disabled" from "... does not exist".
 */

/** Candidate sets are two 32-bit masks. */
export const MAX_PREFILTER_RULES = 64;

/** A set of rule indexes: bit r of `lo` for r < 32, bit r - 32 of `hi` for the rest. */
export interface Candidates {
  readonly lo: number;
  readonly hi: number;
}

export interface Prefilter {
  /** The rules that can match the lower-cased text (a superset of those that do). */
  candidates(lower: string): Candidates;
}

export function isCandidate(candidates: Candidates, rule: number): boolean {
  return ((rule < 32 ? candidates.lo : candidates.hi) & bitOf(rule)) !== 0;
}

/**
 * Calls `test` for each candidate rule below `end`, in rule order, until it returns non-null,
 * and returns that result (null when no candidate matched).
 */
export function firstMatch<T>(candidates: Candidates, end: number, test: (rule: number) => T | null): T | null {
  // Set bits lowest first, i.e. in rule order.
  for (let mask = candidates.lo; mask !== 0; ) {
    const bit = mask & -mask;
    mask ^= bit;
    const rule = 31 - Math.clz32(bit);
    if (rule >= end) return null;
    const result = test(rule);
    if (result !== null) return result;
  }
  for (let mask = candidates.hi; mask !== 0; ) {
    const bit = mask & -mask;
    mask ^= bit;
    const rule = 63 - Math.clz32(bit);
    if (rule >= end) return null;
    const result = test(rule);
    if (result !== null) return result;
  }
  return null;
}

function bitOf(rule: number): number {
  return 1 << (rule & 31);
}

/** The automaton in flat arrays; state 0 is the root. */
interface Automaton {
  /** UTF-16 code unit → character class; 0 for every unit no needle contains. */
  readonly classOf: Uint8Array;
  readonly classCount: number;
  /** next state = delta[state * classCount + class]. */
  readonly delta: Uint16Array;
  /** Rules (bits 0-31 / 32-63) one of whose needles ends at this state, suffixes included. */
  readonly outLo: Int32Array;
  readonly outHi: Int32Array;
}

function buildAutomaton(needlesByRule: readonly (readonly string[])[]): Automaton {
  const classOf = new Uint8Array(0x10000);
  let classCount = 1;
  for (const needles of needlesByRule) {
    for (const needle of needles) {
      for (let i = 0; i < needle.length; i += 1) {
        const unit = needle.charCodeAt(i);
        if (classOf[unit] === 0) classOf[unit] = classCount++;
      }
    }
  }
  if (classCount > 0xff) throw new Error("prefilter: too many distinct needle characters");

  // The trie: children per state as class → state, and the rules whose needle ends there.
  const children: Map<number, number>[] = [new Map()];
  const lo: number[] = [0];
  const hi: number[] = [0];
  needlesByRule.forEach((needles, rule) => {
    for (const needle of needles) {
      let state = 0;
      for (let i = 0; i < needle.length; i += 1) {
        const cls = classOf[needle.charCodeAt(i)] as number;
        const node = children[state] as Map<number, number>;
        let next = node.get(cls);
        if (next === undefined) {
          next = children.length;
          node.set(cls, next);
          children.push(new Map());
          lo.push(0);
          hi.push(0);
        }
        state = next;
      }
      if (rule < 32) lo[state] = (lo[state] as number) | bitOf(rule);
      else hi[state] = (hi[state] as number) | bitOf(rule);
    }
  });
  const stateCount = children.length;
  if (stateCount > 0xffff) throw new Error("prefilter: automaton too large");

  // Breadth-first: a state's failure state (its longest proper suffix that is a trie state) is
  // shallower, so its row and outputs are final by the time the state is reached.
  const delta = new Uint16Array(stateCount * classCount);
  const outLo = new Int32Array(stateCount);
  const outHi = new Int32Array(stateCount);
  const fail = new Uint16Array(stateCount);
  const queue: number[] = [];
  for (const [cls, child] of children[0] as Map<number, number>) {
    delta[cls] = child;
    queue.push(child);
  }
  outLo[0] = lo[0] as number;
  outHi[0] = hi[0] as number;
  for (let q = 0; q < queue.length; q += 1) {
    const state = queue[q] as number;
    const f = fail[state] as number;
    outLo[state] = (lo[state] as number) | (outLo[f] as number);
    outHi[state] = (hi[state] as number) | (outHi[f] as number);
    const row = state * classCount;
    const failRow = f * classCount;
    delta.copyWithin(row, failRow, failRow + classCount);
    for (const [cls, child] of children[state] as Map<number, number>) {
      fail[child] = delta[failRow + cls] as number;
      delta[row + cls] = child;
      queue.push(child);
    }
  }
  return { classOf, classCount, delta, outLo, outHi };
}

export function buildPrefilter(rules: readonly (readonly RegExp[])[]): Prefilter {
  if (rules.length > MAX_PREFILTER_RULES) throw new Error(`prefilter supports at most ${MAX_PREFILTER_RULES} rules`);
  let alwaysLo = 0;
  let alwaysHi = 0;
  const needlesByRule = rules.map((patterns, rule) => {
    const needles = needlesOfAll(patterns);
    // No needle, or an empty one: nothing is required, the rule is always tried.
    if (needles === null || needles.some((n) => n.length === 0)) {
      if (rule < 32) alwaysLo |= bitOf(rule);
      else alwaysHi |= bitOf(rule);
      return [];
    }
    return needles;
  });
  const { classOf, classCount, delta, outLo, outHi } = buildAutomaton(needlesByRule);

  return {
    candidates(lower: string): Candidates {
      // The hot path of the classifier: one table step per code unit.
      let lo = alwaysLo;
      let hi = alwaysHi;
      let state = 0;
      for (let i = 0; i < lower.length; i += 1) {
        state = delta[state * classCount + (classOf[lower.charCodeAt(i)] as number)] as number;
        lo |= outLo[state] as number;
        hi |= outHi[state] as number;
      }
      return { lo, hi };
    },
  };
}
