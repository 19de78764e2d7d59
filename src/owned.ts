/**
 * Copies for the memos that live a whole run (one entry per distinct domain or address). A run
 * can hold 50,000 domains, so what each entry pins and wastes adds up to most of the heap.
 */

/**
 * A copy of `s` that shares no memory with the string it was sliced from. V8 keeps a slice's
 * parent alive, so a long-lived map keyed by slices of 64 KB input chunks would keep the whole
 * file in memory; the memos of a run (per domain, per address) store copies instead. Copied code
 * unit for code unit (UTF-16), so lone surrogates — undecodable input bytes, see decode.ts —
 * survive; V8 still makes a one-byte string of one-byte text.
 */
export function detach(s: string): string {
  return Buffer.from(s, "utf16le").toString("utf16le");
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * `a` in an array of exactly its length. An array built by push() or filter() keeps room for 16
 * elements after its first (184 bytes for one element where 56 will do, measured on Node 20);
 * per domain, over a run, that slack was a third of the memo heap.
 */
export function exact<T>(a: readonly T[]): readonly T[] {
  return a.length === 0 ? EMPTY : a.slice();
}
