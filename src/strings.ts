/**
 * A copy of `s` that shares no memory with the string it was sliced from. V8 keeps a slice's
 * parent alive, so a long-lived map keyed by slices of 64 KB input chunks would keep the whole
 * file in memory; the memos of a run (per domain, per address) store copies instead.
 */
export function detach(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}
