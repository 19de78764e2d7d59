import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StoreError, type SweepRecordInput } from "../../src/store/index.js";
import { useTempStores } from "./tmp.js";

const t = useTempStores();

function sweep(
  listId: string,
  day: number,
  rejected: Record<string, string>,
  domains: Record<string, string>,
): SweepRecordInput {
  const start = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
  return {
    listId,
    inputHash: `sha256-${listId}-${day}`,
    startedAt: start.toISOString(),
    finishedAt: new Date(start.getTime() + 60_000).toISOString(),
    options: { typos: "fix", offline: false },
    counts: { input_rows: 10 + day, rejected_rows: Object.keys(rejected).length },
    rejected: Object.entries(rejected).map(([key, codes]) => ({ key, codes })),
    domains: Object.entries(domains).map(([domain, verdict]) => ({ domain, verdict })),
  };
}

describe("sweep history", () => {
  it("records a sweep and finds it as the previous one", () => {
    const s = t.open();
    expect(s.sweepPrevious("list-a")).toBeUndefined();
    const id = s.sweepRecord(sweep("list-a", 0, { "x@bad.example": "domain_not_found" }, {}));
    expect(s.sweepPrevious("list-a")).toEqual({
      id,
      listId: "list-a",
      inputHash: "sha256-list-a-0",
      startedAt: "2025-01-01T00:00:00.000Z",
      finishedAt: "2025-01-01T00:01:00.000Z",
      counts: { input_rows: 10, rejected_rows: 1 },
    });
    expect(s.sweepPrevious("list-b")).toBeUndefined();
    expect(s.sweepPrevious("list-a", id)).toBeUndefined();
  });

  it("previous is per list and newest first; beforeId skips the current one", () => {
    const s = t.open();
    const a1 = s.sweepRecord(sweep("a", 0, {}, {}));
    const b1 = s.sweepRecord(sweep("b", 1, {}, {}));
    const a2 = s.sweepRecord(sweep("a", 2, {}, {}));
    expect(s.sweepPrevious("a")?.id).toBe(a2);
    expect(s.sweepPrevious("a", a2)?.id).toBe(a1);
    expect(s.sweepPrevious("b")?.id).toBe(b1);
  });

  it("diffs two sweeps: newly rejected keys in input order, domains that stopped receiving", () => {
    const s = t.open();
    const prev = s.sweepRecord(
      sweep(
        "list",
        0,
        { "old@gone.example": "domain_not_found", "typo@gmial.com": "syntax_invalid" },
        {
          "gone.example": "not_found",
          "shop.example": "mx",
          "blog.example": "implicit_mx",
          "flaky.example": "mx",
          "parked.example": "mx",
          "still.example": "mx",
        },
      ),
    );
    const cur = s.sweepRecord(
      sweep(
        "list",
        7,
        {
          "zed@shop.example": "no_mail_server",
          "old@gone.example": "domain_not_found",
          "amy@blog.example": "null_mx",
          "new@parked.example": "invalid_mx",
        },
        {
          "gone.example": "not_found", // was already dead: not a change
          "shop.example": "no_mail_server",
          "blog.example": "null_mx",
          "flaky.example": "dns_unknown", // a timeout is not "stopped receiving"
          "parked.example": "invalid_mx",
          "still.example": "mx",
          "fresh.example": "not_found", // not seen last time
        },
      ),
    );
    expect(s.sweepDiff(prev, cur)).toEqual({
      newlyRejected: [
        { key: "zed@shop.example", codes: "no_mail_server" },
        { key: "amy@blog.example", codes: "null_mx" },
        { key: "new@parked.example", codes: "invalid_mx" },
      ],
      newlyRejectedTotal: 3,
      domainsStoppedReceiving: ["blog.example", "parked.example", "shop.example"],
    });
  });

  it("caps the newly rejected list but counts them all", () => {
    const s = t.open();
    const prev = s.sweepRecord(sweep("list", 0, {}, {}));
    const many: Record<string, string> = {};
    for (let i = 0; i < 25; i++) many[`u${String(i).padStart(2, "0")}@x.example`] = "disposable_domain";
    const cur = s.sweepRecord(sweep("list", 1, many, {}));
    const diff = s.sweepDiff(prev, cur, { limit: 5 });
    expect(diff.newlyRejected.map((r) => r.key)).toEqual([
      "u00@x.example",
      "u01@x.example",
      "u02@x.example",
      "u03@x.example",
      "u04@x.example",
    ]);
    expect(diff.newlyRejectedTotal).toBe(25);
  });

  it("keeps the first codes when a key is rejected twice in one sweep", () => {
    const s = t.open();
    const prev = s.sweepRecord(sweep("list", 0, {}, {}));
    const cur = s.sweepRecord({
      ...sweep("list", 1, {}, {}),
      rejected: [
        { key: "a@x.example", codes: "syntax_invalid" },
        { key: "a@x.example", codes: "duplicate" },
      ],
    });
    expect(s.sweepDiff(prev, cur).newlyRejected).toEqual([{ key: "a@x.example", codes: "syntax_invalid" }]);
  });

  it("keeps only the newest N sweeps per list, pruning their rows too", () => {
    const s = t.open("s.sqlite", { keepSweeps: 3 });
    const other = s.sweepRecord(sweep("other", 0, { "k@o.example": "empty" }, {}));
    const ids = [1, 2, 3, 4, 5].map((d) => s.sweepRecord(sweep("list", d, { [`k${d}@x.example`]: "empty" }, { "x.example": "mx" })));
    // The two oldest of "list" are gone; "other" is untouched.
    expect(() => s.sweepDiff(ids[0] as number, ids[4] as number)).toThrow(StoreError);
    expect(() => s.sweepDiff(ids[1] as number, ids[4] as number)).toThrow(/no sweep/);
    expect(s.sweepDiff(ids[2] as number, ids[4] as number).newlyRejectedTotal).toBe(1);
    expect(s.sweepPrevious("other")?.id).toBe(other);
    expect(s.sweepDiff(other, other).newlyRejectedTotal).toBe(0);
    expect(s.sweepPrevious("list", ids[2])).toBeUndefined();
    s.close();
    // ON DELETE CASCADE really removed the pruned sweeps' rejected and domain rows.
    const db = new Database(join(t.dir(), "s.sqlite"), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sweep_rejected").pluck().get()).toBe(1 + 3);
    expect(db.prepare("SELECT count(*) FROM sweep_domains").pluck().get()).toBe(3);
    db.close();
  });

  it("a sweep whose rows fail to store leaves nothing behind", () => {
    const s = t.open();
    function* rejectedThenFail(): Generator<{ key: string; codes: string }> {
      yield { key: "a@x.example", codes: "empty" };
      throw new Error("pipeline aborted");
    }
    expect(() => s.sweepRecord({ ...sweep("list", 0, {}, {}), rejected: rejectedThenFail() })).toThrow("pipeline aborted");
    expect(s.sweepPrevious("list")).toBeUndefined();
  });

  it.each([
    ["startedAt", { startedAt: "not a date" }],
    ["finishedAt", { finishedAt: "" }],
  ])("rejects a bad %s", (_label, patch) => {
    const s = t.open();
    expect(() => s.sweepRecord({ ...sweep("list", 0, {}, {}), ...patch })).toThrow(RangeError);
  });
});
