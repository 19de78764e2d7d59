/**
 * Needles: literal strings of which at least one must occur in any text a pattern matches.
 *
 * Trying every phrase rule's RegExp on every bounce text costs a scan per rule; a single pass
 * over the text looking for the rules' needles (prefilter.ts) tells which few rules can match at
 * all. Needles are derived from the pattern source, so the rule table stays plain data and a new
 * pattern can never be forgotten by the prefilter. The derivation is conservative: whenever it is
 * unsure it returns null ("no requirement"), and the rule is then always tried.
 *
 * Supported syntax is what rules.ts uses: literals, escapes, character classes, groups
 * (capturing, non-capturing, lookarounds), alternation and quantifiers.
 */

/** Shorter needles filter nothing and do not fit the prefilter's three-character hash. */
export const MIN_NEEDLE = 3;

interface Parsed {
  /** One of these must occur in every match; null when nothing is required. */
  readonly req: readonly string[] | null;
  /** Every string the fragment can match, when that is a small finite set of literals. */
  readonly exact: readonly string[] | null;
  readonly end: number;
}

/** Cross products of literal sets stay below this size; beyond it the run is cut. */
const MAX_VARIANTS = 32;

class Unsupported extends Error {}

function best(candidates: readonly (readonly string[])[]): readonly string[] | null {
  let chosen: readonly string[] | null = null;
  let chosenMin = 0;
  for (const set of candidates) {
    if (set.length === 0) continue;
    const min = Math.min(...set.map((s) => s.length));
    if (min < MIN_NEEDLE) continue;
    if (chosen === null || min > chosenMin || (min === chosenMin && set.length < chosen.length)) {
      chosen = set;
      chosenMin = min;
    }
  }
  return chosen;
}

function classEnd(src: string, start: number): number {
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\") i += 2;
    else if (ch === "]") return i + 1;
    else i += 1;
  }
  throw new Unsupported("unclosed class");
}

interface Quantifier {
  readonly optional: boolean;
  readonly repeated: boolean;
  readonly end: number;
}

function quantifier(src: string, pos: number): Quantifier {
  const ch = src[pos];
  let optional = false;
  let repeated = false;
  let end = pos;
  if (ch === "?" || ch === "*") {
    optional = true;
    end = pos + 1;
  } else if (ch === "+") {
    repeated = true;
    end = pos + 1;
  } else if (ch === "{") {
    const close = src.indexOf("}", pos);
    const m = /^\{(\d+)(,\d*)?\}$/.exec(src.slice(pos, close + 1));
    if (close < 0 || m === null) throw new Unsupported("bad quantifier");
    optional = Number(m[1]) === 0;
    repeated = !optional;
    end = close + 1;
  } else {
    return { optional: false, repeated: false, end: pos };
  }
  if (src[end] === "?") end += 1; // lazy
  return { optional, repeated, end };
}

function cross(prefixes: readonly string[], suffixes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of prefixes) for (const q of suffixes) out.add(p + q);
  return [...out];
}

function parseSeq(src: string, start: number): Parsed {
  const candidates: (readonly string[])[] = [];
  // The literal strings the current run of the sequence can be (a cross product of literal sets).
  let runs: string[] = [""];
  let exactAll = true;
  const flush = (): void => {
    candidates.push(runs);
    runs = [""];
  };
  const extend = (set: readonly string[]): void => {
    const next = cross(runs, set);
    if (next.length > MAX_VARIANTS) {
      flush();
      exactAll = false;
      runs = [...set];
    } else {
      runs = next;
    }
  };
  let pos = start;
  while (pos < src.length && src[pos] !== "|" && src[pos] !== ")") {
    const ch = src[pos] ?? "";
    let kind: "lit" | "zero" | "other" | "group";
    let lit = "";
    let group: Parsed | null = null;
    if (ch === "\\") {
      const esc = src[pos + 1] ?? "";
      pos += 2;
      if (esc === "b" || esc === "B") kind = "zero";
      else if ("dDsSwW".includes(esc)) kind = "other";
      else if (/[a-zA-Z0-9]/.test(esc)) throw new Unsupported(`escape \\${esc}`);
      else {
        kind = "lit";
        lit = esc;
      }
    } else if (ch === "[") {
      pos = classEnd(src, pos);
      kind = "other";
    } else if (ch === "(") {
      let inner = pos + 1;
      let lookaround = false;
      if (src.startsWith("?:", inner)) inner += 2;
      else if (src.startsWith("?<!", inner) || src.startsWith("?<=", inner)) {
        inner += 3;
        lookaround = true;
      } else if (src.startsWith("?=", inner) || src.startsWith("?!", inner)) {
        inner += 2;
        lookaround = true;
      } else if (src[inner] === "?") throw new Unsupported("group kind");
      group = parseAlt(src, inner);
      if (src[group.end] !== ")") throw new Unsupported("unclosed group");
      pos = group.end + 1;
      kind = lookaround ? "zero" : "group";
    } else if (ch === ".") {
      pos += 1;
      kind = "other";
    } else if (ch === "^" || ch === "$") {
      pos += 1;
      kind = "zero";
    } else {
      pos += 1;
      kind = "lit";
      lit = ch;
    }
    const q = quantifier(src, pos);
    pos = q.end;
    if (kind === "zero") continue; // zero-width: the text on both sides stays contiguous
    const literals = kind === "lit" ? [lit] : kind === "group" ? (group?.exact ?? null) : null;
    if (literals !== null) {
      if (q.optional) extend([...literals, ""]);
      else if (q.repeated) {
        extend(literals);
        flush();
        exactAll = false;
      } else extend(literals);
      continue;
    }
    flush();
    exactAll = false;
    if (kind === "group" && !q.optional && group?.req != null) candidates.push(group.req);
  }
  const exact = exactAll ? runs : null;
  flush();
  return { req: best(candidates), exact, end: pos };
}

function parseAlt(src: string, start: number): Parsed {
  const needles = new Set<string>();
  const exact = new Set<string>();
  let anyNull = false;
  let allExact = true;
  let pos = start;
  for (;;) {
    const seq = parseSeq(src, pos);
    if (seq.req === null) anyNull = true;
    else for (const n of seq.req) needles.add(n);
    if (seq.exact === null) allExact = false;
    else for (const e of seq.exact) exact.add(e);
    pos = seq.end;
    if (src[pos] !== "|") break;
    pos += 1;
  }
  return {
    req: anyNull ? null : [...needles],
    exact: allExact && exact.size <= MAX_VARIANTS ? [...exact] : null,
    end: pos,
  };
}

/** Drop needles that contain another needle of the same set: finding the shorter one suffices. */
function minimal(needles: readonly string[]): string[] {
  const sorted = [...new Set(needles)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const n of sorted) if (!kept.some((k) => n.includes(k))) kept.push(n);
  return kept;
}

/** Needles for one pattern, or null when the pattern requires no usable literal. */
export function needlesOf(pattern: RegExp): readonly string[] | null {
  if (pattern.flags.includes("i")) return null; // needles are matched case-sensitively
  try {
    const parsed = parseAlt(pattern.source, 0);
    if (parsed.end !== pattern.source.length) return null;
    return parsed.req === null ? null : minimal(parsed.req);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** Needles for a rule (any of its patterns may match), or null when one pattern has none. */
export function needlesOfAll(patterns: readonly RegExp[]): readonly string[] | null {
  const all: string[] = [];
  for (const pattern of patterns) {
    const needles = needlesOf(pattern);
    if (needles === null) return null;
    all.push(...needles);
  }
  return minimal(all);
}
