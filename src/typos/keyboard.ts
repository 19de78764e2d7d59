/**
 * Which single-edit typos a finger actually makes. Used only to break a tie between known domains
 * that are equally near a typed domain under a TLD that does not exist: `yandex.ry` is one edit
 * from both yandex.ru and yandex.by, but `y` sits next to `u` while `r` is nowhere near `b`, so
 * only yandex.ru is a slip; `sina.con` is one edit from sina.com (`n` beside `m`) and sina.cn (a
 * stray `o` between `c` and `n`, which touches neither).
 *
 * Keys are neighbours when they touch on QWERTY, QWERTZ (German, Czech: `y`/`z` swapped) or AZERTY
 * (French, Belgian: `a`/`q`, `z`/`w` swapped, `m` beside `l`): people type addresses on all three.
 */
const LAYOUTS: readonly (readonly string[])[] = [
  ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"],
  ["1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"],
  ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"],
];

function buildNeighbours(): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = out.get(x) ?? new Set<string>();
      set.add(y);
      out.set(x, set);
    }
  };
  for (const rows of LAYOUTS) {
    rows.forEach((row, r) => {
      for (let i = 0; i < row.length; i++) {
        const ch = row[i] ?? "";
        // Same row: left and right. Rows below are shifted right by about half a key, so the
        // key below-left and below-right are the ones at the same index and one to the left.
        const right = row[i + 1];
        if (right !== undefined) link(ch, right);
        const below = rows[r + 1];
        if (below !== undefined) {
          for (const j of [i - 1, i]) {
            const b = below[j];
            if (b !== undefined) link(ch, b);
          }
        }
      }
    });
  }
  return out;
}

const NEIGHBOURS = buildNeighbours();

export function adjacentKeys(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}

/**
 * `typed` differs from `intended` by one edit that a finger plausibly makes: two neighbours
 * swapped, a neighbouring key struck instead, a letter left out, or an extra key that doubles or
 * touches a letter beside it. False when the two differ by anything else (or by more than one edit).
 */
export function isKeyboardSlip(typed: string, intended: string): boolean {
  if (typed === intended) return false;
  let i = 0;
  while (i < typed.length && i < intended.length && typed[i] === intended[i]) i++;
  if (typed.length === intended.length) {
    const rest = (k: number): boolean => typed.slice(k) === intended.slice(k);
    const t = typed[i] ?? "";
    const w = intended[i] ?? "";
    if (rest(i + 1)) return adjacentKeys(t, w);
    return typed[i + 1] === w && intended[i + 1] === t && rest(i + 2);
  }
  if (typed.length === intended.length - 1) {
    // A letter left out.
    return typed.slice(i) === intended.slice(i + 1);
  }
  if (typed.length === intended.length + 1) {
    // An extra key at i: it must double or touch a letter next to it.
    if (typed.slice(i + 1) !== intended.slice(i)) return false;
    const extra = typed[i] ?? "";
    const around = [typed[i - 1], typed[i + 1]].filter((c): c is string => c !== undefined);
    return around.some((c) => c === extra || adjacentKeys(c, extra));
  }
  return false;
}
