import { describe, expect, it } from "vitest";
import type { BounceEvent, BounceSeverity } from "../../src/store/index.js";
import { useTempStores } from "./tmp.js";

const t = useTempStores();
const ADDR = "Grace@Example.org";

function event(day: number, severity: BounceSeverity = "soft", n = day): BounceEvent {
  const at = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString();
  return { address: ADDR, category: "mailbox_full", severity, at, source: "log.csv", fingerprint: `log.csv#${severity}#${n}` };
}

describe("bounce events", () => {
  it("is idempotent on the fingerprint", () => {
    const s = t.open();
    expect(s.recordBounce(event(0))).toBe(true);
    expect(s.recordBounce(event(0))).toBe(false);
    // Same fingerprint with other data is still the same event (the caller's identity wins).
    expect(s.recordBounce({ ...event(5), fingerprint: event(0).fingerprint })).toBe(false);
    expect(s.softBounceSummary(ADDR)).toEqual({ count: 1, first: "2025-01-01T00:00:00.000Z", last: "2025-01-01T00:00:00.000Z" });
  });

  it("stays idempotent across re-opening (a log applied twice)", () => {
    const a = t.open("s.sqlite");
    for (const d of [0, 3, 6]) a.recordBounce(event(d));
    a.close();
    const b = t.open("s.sqlite");
    expect([0, 3, 6].map((d) => b.recordBounce(event(d)))).toEqual([false, false, false]);
    expect(b.softBounceSummary(ADDR).count).toBe(3);
  });

  it("summarises soft events only: hard and sender-side events are not counted", () => {
    const s = t.open();
    s.recordBounce(event(1, "soft"));
    s.recordBounce(event(2, "hard"));
    s.recordBounce({ ...event(3, "sender"), category: "sender_config" });
    s.recordBounce(event(9, "soft"));
    expect(s.softBounceSummary("grace@example.org")).toEqual({
      count: 2,
      first: "2025-01-02T00:00:00.000Z",
      last: "2025-01-10T00:00:00.000Z",
    });
  });

  it("has an empty summary for an unknown address", () => {
    expect(t.open().softBounceSummary("nobody@example.org")).toEqual({ count: 0, first: null, last: null });
  });

  it.each([
    ["an empty address", { ...event(0), address: " " }],
    ["an empty fingerprint", { ...event(0), fingerprint: "" }],
    ["an unparseable date", { ...event(0), at: "32/13/2025" }],
  ])("rejects %s", (_label, bad) => {
    const s = t.open();
    expect(() => s.recordBounce(bad)).toThrow(RangeError);
  });
});

describe("soft-bounce threshold (3 soft bounces spanning 14 days)", () => {
  it.each([
    ["2 soft bounces over 20 days", [0, 20], false],
    ["3 soft bounces over 10 days", [0, 5, 10], false],
    ["3 soft bounces over 13 days", [0, 6, 13], false],
    ["3 soft bounces over exactly 14 days", [0, 7, 14], true],
    ["3 soft bounces over 15 days", [0, 7, 15], true],
    ["5 soft bounces over 30 days", [0, 2, 10, 20, 30], true],
  ])("%s → suppressed: %s", (_label, days, expected) => {
    const s = t.open();
    for (const d of days) s.recordBounce(event(d));
    const result = s.applySoftThreshold(ADDR, { count: 3, days: 14 });
    expect(result !== undefined).toBe(expected);
    expect(s.suppressionGet(ADDR) !== undefined).toBe(expected);
  });

  it("does not count sender-side or hard events towards it", () => {
    const s = t.open();
    s.recordBounce(event(0, "soft"));
    s.recordBounce({ ...event(7, "sender"), category: "blocklisted" });
    s.recordBounce(event(8, "hard"));
    s.recordBounce(event(15, "soft"));
    expect(s.applySoftThreshold(ADDR)).toBeUndefined();
  });

  it("writes the suppression with the history's dates, category and source", () => {
    const s = t.open();
    s.recordBounce(event(0));
    s.recordBounce(event(7));
    s.recordBounce({ ...event(15), category: "transient", source: "log-feb.csv" });
    expect(s.applySoftThreshold(ADDR)).toEqual({
      address: ADDR,
      key: "grace@example.org",
      reason: "soft_bounce_threshold",
      category: "transient",
      source: "log-feb.csv",
      firstSeen: "2025-01-01T00:00:00.000Z",
      lastSeen: "2025-01-16T00:00:00.000Z",
      note: null,
    });
  });

  it("does nothing when the address is already suppressed", () => {
    const s = t.open();
    s.suppressionAdd({ address: ADDR, reason: "manual", source: "manual" });
    for (const d of [0, 7, 15]) s.recordBounce(event(d));
    expect(s.applySoftThreshold(ADDR)).toBeUndefined();
    expect(s.suppressionGet(ADDR)?.reason).toBe("manual");
  });

  it("after a manual removal, the old history no longer counts", () => {
    const s = t.open();
    for (const d of [0, 7, 15]) s.recordBounce(event(d));
    expect(s.applySoftThreshold(ADDR)).toBeDefined();
    expect(s.suppressionRemove(ADDR, "2025-02-01T00:00:00Z")).toBe(true);
    // Re-applying the same log, or one more soft bounce, does not suppress it again ...
    for (const d of [0, 7, 15]) s.recordBounce(event(d));
    s.recordBounce(event(40));
    expect(s.softBounceSummary(ADDR).count).toBe(1);
    expect(s.applySoftThreshold(ADDR)).toBeUndefined();
    // ... but a fresh run of soft bounces after the removal does.
    s.recordBounce(event(50));
    s.recordBounce(event(60));
    expect(s.applySoftThreshold(ADDR)?.firstSeen).toBe("2025-02-10T00:00:00.000Z");
  });
});

describe("batch", () => {
  it("commits many writes at once, all or nothing", () => {
    const s = t.open();
    expect(() =>
      s.batch(() => {
        s.recordBounce(event(0));
        s.suppressionAdd({ address: "x@example.com", reason: "manual", source: "manual" });
        throw new Error("interrupted");
      }),
    ).toThrow("interrupted");
    expect(s.softBounceSummary(ADDR).count).toBe(0);
    expect(s.suppressionCount()).toBe(0);
    const added = s.batch(() => [0, 1, 2].map((d) => s.recordBounce(event(d))));
    expect(added).toEqual([true, true, true]);
  });
});
