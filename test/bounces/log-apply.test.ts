import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { classifyBounce } from "../../src/bounces/index.js";
import { applyBounces, countingOf, fingerprintOf, rowIdentity, type BounceOutcome, type Counting } from "../../src/bounces/log-apply.js";
import { openStore, type Store } from "../../src/store/index.js";

/** Real SQLite stores in temp folders: the apply logic is about what the store keeps. */
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function store(): Store {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-apply-"));
  dirs.push(dir);
  const s = openStore(join(dir, "store.sqlite"));
  stores.push(s);
  return s;
}

const ADDR = "ann@example.org";
const DAY0 = Date.UTC(2025, 0, 1);
const day = (n: number): string => new Date(DAY0 + n * 86_400_000).toISOString();

function outcome(text: string, at: string | null, address = ADDR): BounceOutcome {
  const c = classifyBounce(text);
  return { address, category: c.category, counting: countingOf(c), at, identity: rowIdentity(address, at, text, "", "") };
}

const FULL = "452 4.2.2 Mailbox full";
const UNKNOWN_USER = "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown in local recipient table";
const SPF_FAIL = "550 5.7.23 The message was rejected because of Sender Policy Framework violation";
const BLOCKED = "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org";

describe("countingOf", () => {
  it.each<[string, Counting]>([
    [UNKNOWN_USER, "hard"],
    [FULL, "soft"],
    ["451 4.7.1 Greylisted, please try again later", "soft"],
    ["450 4.1.1 <ann@example.org>: Recipient address rejected: User unknown", "soft"],
    [SPF_FAIL, "sender"],
    [BLOCKED, "sender"],
    ["421 4.7.0 Too many connections, slow down", "sender"],
    ["no idea what happened", "none"],
  ])("%s → %s", (text, expected) => {
    expect(countingOf(classifyBounce(text))).toBe(expected);
  });
});

describe("soft-bounce threshold through applyBounces (default 3 over 14 days)", () => {
  it.each<[string, number[], boolean]>([
    ["2 soft bounces in 20 days", [0, 20], false],
    ["3 soft bounces in 10 days", [0, 5, 10], false],
    ["3 soft bounces in 15 days", [0, 7, 15], true],
    ["4 soft bounces in 14 days", [0, 3, 9, 14], true],
  ])("%s → suppressed: %s", (_label, days, expected) => {
    const s = store();
    const r = applyBounces(s, days.map((d) => outcome(FULL, day(d))), { logHash: "h", source: "log.csv" });
    expect(r.softCounted).toBe(days.length);
    expect(r.softSuppressed).toBe(expected ? 1 : 0);
    const row = s.suppressionGet(ADDR);
    expect(row !== undefined).toBe(expected);
    if (row) expect([row.reason, row.category]).toEqual(["soft_bounce_threshold", "mailbox_full"]);
  });

  it("counts soft bounces across separate logs", () => {
    const s = store();
    applyBounces(s, [outcome(FULL, day(0)), outcome(FULL, day(8))], { logHash: "week1", source: "a.csv" });
    expect(s.suppressionGet(ADDR)).toBeUndefined();
    const r = applyBounces(s, [outcome(FULL, day(16))], { logHash: "week3", source: "b.csv" });
    expect(r.softSuppressed).toBe(1);
  });

  it("honours a custom threshold (--soft-threshold 2 --soft-days 3)", () => {
    const s = store();
    const r = applyBounces(s, [outcome(FULL, day(0)), outcome(FULL, day(3))], { logHash: "h", source: "l", threshold: { count: 2, days: 3 } });
    expect(r.softSuppressed).toBe(1);
  });
});

describe("sender-side bounces never count", () => {
  it.each([
    ["SPF failures", SPF_FAIL],
    ["blocklist rejections", BLOCKED],
  ])("%s: ten over 30 days suppress nobody", (_label, text) => {
    const s = store();
    const r = applyBounces(s, Array.from({ length: 10 }, (_, i) => outcome(text, day(i * 3))), { logHash: "h", source: "l" });
    expect(r.senderRecorded).toBe(10);
    expect(r.softCounted).toBe(0);
    expect(r.hardSuppressed + r.softSuppressed).toBe(0);
    expect(s.suppressionCount()).toBe(0);
    expect(s.softBounceSummary(ADDR).count).toBe(0);
  });

  it("mixed with soft bounces, they do not help cross the threshold", () => {
    const s = store();
    applyBounces(s, [outcome(FULL, day(0)), outcome(SPF_FAIL, day(7)), outcome(FULL, day(15))], { logHash: "h", source: "l" });
    expect(s.suppressionGet(ADDR)).toBeUndefined();
  });
});

describe("hard bounces", () => {
  it("suppress at once with reason hard_bounce and the bounce date", () => {
    const s = store();
    const r = applyBounces(s, [outcome(UNKNOWN_USER, day(4))], { logHash: "h", source: "bounces.csv" });
    expect(r.hardSuppressed).toBe(1);
    const row = s.suppressionGet(ADDR)!;
    expect([row.reason, row.category, row.source, row.firstSeen]).toEqual(["hard_bounce", "mailbox_unknown", "bounces.csv", day(4)]);
  });

  it("rows left for review are not recorded", () => {
    const s = store();
    const r = applyBounces(s, [outcome("no idea what happened", day(0))], { logHash: "h", source: "l" });
    expect([r.recorded, r.notCounted, s.suppressionCount()]).toEqual([0, 1, 0]);
  });
});

describe("idempotent re-apply", () => {
  const LOG = (): BounceOutcome[] => [outcome(UNKNOWN_USER, day(0), "bob@example.com"), outcome(FULL, day(0)), outcome(FULL, day(7)), outcome(SPF_FAIL, day(1), "joe@example.net")];

  it("the same log twice records nothing new and changes nothing", () => {
    const s = store();
    const first = applyBounces(s, LOG(), { logHash: "same", source: "a.csv" });
    expect(first.recorded).toBe(4);
    const listed = [...s.suppressionList()];
    const again = applyBounces(s, LOG(), { logHash: "same", source: "renamed.csv" });
    expect([again.recorded, again.alreadyRecorded, again.hardSuppressed, again.softCounted]).toEqual([0, 4, 0, 0]);
    expect([...s.suppressionList()]).toEqual(listed);
    expect(s.softBounceSummary(ADDR).count).toBe(2);
  });

  it("dated rows repeated in an overlapping export are one event each", () => {
    const s = store();
    applyBounces(s, [outcome(FULL, day(0)), outcome(FULL, day(7))], { logHash: "export-1", source: "a.csv" });
    const r = applyBounces(s, [outcome(FULL, day(7)), outcome(FULL, day(10))], { logHash: "export-2", source: "b.csv" });
    expect([r.recorded, r.alreadyRecorded]).toEqual([1, 1]);
    expect(s.softBounceSummary(ADDR).count).toBe(3);
  });

  it("identical undated rows of one log are separate events; the same log again adds none", () => {
    const s = store();
    const now = new Date(DAY0);
    const rows = [outcome(FULL, null), outcome(FULL, null)];
    expect(applyBounces(s, rows, { logHash: "L", source: "l", now }).recorded).toBe(2);
    expect(applyBounces(s, rows, { logHash: "L", source: "l", now }).recorded).toBe(0);
    expect(applyBounces(s, rows, { logHash: "other log", source: "l", now }).recorded).toBe(2);
  });

  it("an address removed by hand is not suppressed again by re-applying the old log", () => {
    const s = store();
    applyBounces(s, LOG(), { logHash: "same", source: "a.csv" });
    expect(s.suppressionRemove("bob@example.com")).toBe(true);
    applyBounces(s, LOG(), { logHash: "same", source: "a.csv" });
    expect(s.suppressionGet("bob@example.com")).toBeUndefined();
  });

  it("fingerprints ignore the file name and tell occurrences apart", () => {
    const o = outcome(FULL, day(1));
    expect(fingerprintOf("a", o, 0)).toBe(fingerprintOf("b", o, 0));
    expect(fingerprintOf("a", o, 0)).not.toBe(fingerprintOf("a", o, 1));
    const u = outcome(FULL, null);
    expect(fingerprintOf("a", u, 0)).not.toBe(fingerprintOf("b", u, 0));
  });
});
