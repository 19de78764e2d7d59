import { describe, expect, it } from "vitest";
import { suppressionKey, type SuppressionEntry } from "../../src/store/index.js";
import { useTempStores } from "./tmp.js";

const t = useTempStores();

const hard: SuppressionEntry = {
  address: "Ada.Lovelace@Example.com",
  reason: "hard_bounce",
  category: "mailbox_unknown",
  source: "bounces-2025-03.csv",
  at: "2025-03-01T10:00:00Z",
};

describe("suppressionKey", () => {
  it.each([
    ["Ada@Example.COM", "ada@example.com"],
    ["  ada@example.com\t", "ada@example.com"],
    // NFC: a decomposed é (e + U+0301) and the composed one are the same key.
    ["jose\u0301@example.com", "jos\u00e9@example.com"],
    ["ÉLODIE@EXAMPLE.FR", "élodie@example.fr"],
  ])("%j → %j", (input, key) => {
    expect(suppressionKey(input)).toBe(key);
  });
});

describe("suppression list", () => {
  it("adds and gets by any casing of the address", () => {
    const s = t.open();
    const added = s.suppressionAdd(hard);
    expect(added).toEqual({
      address: "Ada.Lovelace@Example.com",
      key: "ada.lovelace@example.com",
      reason: "hard_bounce",
      category: "mailbox_unknown",
      source: "bounces-2025-03.csv",
      firstSeen: "2025-03-01T10:00:00.000Z",
      lastSeen: "2025-03-01T10:00:00.000Z",
      note: null,
    });
    expect(s.suppressionGet("ADA.LOVELACE@example.com")).toEqual(added);
    expect(s.suppressionGet("other@example.com")).toBeUndefined();
  });

  it("upsert keeps first_seen, moves last_seen, takes the newer reason", () => {
    const s = t.open();
    s.suppressionAdd(hard);
    const again = s.suppressionAdd({
      address: "ada.lovelace@example.com",
      reason: "complaint",
      source: "fbl.csv",
      at: "2025-04-01",
      note: "complained via FBL",
    });
    expect(again.firstSeen).toBe("2025-03-01T10:00:00.000Z");
    expect(again.lastSeen).toBe("2025-04-01T00:00:00.000Z");
    expect(again.reason).toBe("complaint");
    expect(again.category).toBeNull();
    expect(again.source).toBe("fbl.csv");
    expect(again.note).toBe("complained via FBL");
    expect(s.suppressionCount()).toBe(1);
  });

  it("an older sighting widens the dates but does not overwrite the newer reason or note", () => {
    const s = t.open();
    s.suppressionAdd({ ...hard, note: "keep me" });
    const older = s.suppressionAdd({ address: hard.address, reason: "manual", source: "manual", at: "2024-12-31" });
    expect(older.firstSeen).toBe("2024-12-31T00:00:00.000Z");
    expect(older.lastSeen).toBe("2025-03-01T10:00:00.000Z");
    expect(older.reason).toBe("hard_bounce");
    expect(older.source).toBe("bounces-2025-03.csv");
    expect(older.note).toBe("keep me");
  });

  it("defaults the date to now", () => {
    const s = t.open();
    const before = new Date().toISOString();
    const row = s.suppressionAdd({ address: "x@example.com", reason: "manual", source: "manual" });
    expect(row.firstSeen >= before).toBe(true);
    expect(row.firstSeen <= new Date().toISOString()).toBe(true);
  });

  it.each([
    ["an empty address", { address: "  ", reason: "manual", source: "manual" }],
    ["a bad date", { address: "x@example.com", reason: "manual", source: "manual", at: "yesterday-ish" }],
  ] as const)("rejects %s", (_label, entry) => {
    const s = t.open();
    expect(() => s.suppressionAdd(entry)).toThrow(RangeError);
    expect(s.suppressionCount()).toBe(0);
  });

  it("removes by any casing; false when absent", () => {
    const s = t.open();
    s.suppressionAdd(hard);
    expect(s.suppressionRemove("ada.lovelace@EXAMPLE.com")).toBe(true);
    expect(s.suppressionGet(hard.address)).toBeUndefined();
    expect(s.suppressionRemove(hard.address)).toBe(false);
    expect(s.suppressionCount()).toBe(0);
  });

  it("lists every entry in key order, streamed", () => {
    const s = t.open();
    for (const a of ["c@example.com", "A@example.com", "b@example.com"]) {
      s.suppressionAdd({ address: a, reason: "manual", source: "manual" });
    }
    const list = s.suppressionList();
    expect([...list].map((r) => r.key)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    // Stopping early releases the statement: the store is usable again at once.
    for (const row of s.suppressionList()) {
      expect(row.key).toBe("a@example.com");
      break;
    }
    expect(s.suppressionCount()).toBe(3);
  });

  describe.each([
    ["preloaded", 10],
    ["statement", 2],
  ] as const)("lookup via %s", (strategy, preloadMax) => {
    it("finds suppressed keys and nothing else", () => {
      const s = t.open();
      s.suppressionAdd(hard);
      s.suppressionAdd({ address: "b@example.com", reason: "unsubscribed", source: "crm.csv" });
      s.suppressionAdd({ address: "c@example.com", reason: "manual", source: "manual" });
      const lookup = s.suppressionLookup({ preloadMax });
      expect(lookup.strategy).toBe(strategy);
      expect(lookup("ada.lovelace@example.com")?.reason).toBe("hard_bounce");
      expect(lookup("B@Example.com")?.source).toBe("crm.csv");
      expect(lookup("d@example.com")).toBeUndefined();
      // A removal after the lookup was made is honoured either way (a hit re-reads the row).
      s.suppressionRemove("c@example.com");
      expect(lookup("c@example.com")).toBeUndefined();
    });
  });

  it("the preloaded lookup is a snapshot; the statement lookup sees later additions", () => {
    const s = t.open();
    s.suppressionAdd(hard);
    const preloaded = s.suppressionLookup({ preloadMax: 100 });
    const live = s.suppressionLookup({ preloadMax: 0 });
    s.suppressionAdd({ address: "late@example.com", reason: "manual", source: "manual" });
    expect(preloaded("late@example.com")).toBeUndefined();
    expect(live("late@example.com")?.reason).toBe("manual");
  });
});

describe("suppressionRemove date", () => {
  it("rejects an unparseable removal date and removes nothing", () => {
    const s = t.open();
    s.suppressionAdd(hard);
    expect(() => s.suppressionRemove(hard.address, "soon")).toThrow(RangeError);
    expect(s.suppressionCount()).toBe(1);
  });
});
