import { describe, expect, it } from "vitest";
import { checkAddress } from "../../src/check/index.js";
import { MESSY, MUST_FIX, MUST_NOT_TOUCH, NOT_ROLES, ROLES } from "./addresses.corpus.js";
import { evaluate, fixCells, untouchedCells } from "./evaluate.js";
import { roleOf } from "../../src/address/index.js";

// The corpus, cell by cell, through the library entry (offline, --typos fix): each row is a case,
// so a regression names the cell. `npx tsx test/corpus/report.ts` prints every misjudgment at once.

describe("corpus: messy cells", () => {
  it.each(MESSY.map((c) => [JSON.stringify(c.cell), c] as const))("%s", async (_, c) => {
    const v = await checkAddress(c.cell, { typos: "fix" });
    if (c.normalized !== null) expect(v.normalized).toBe(c.normalized);
    expect(v.status).toBe(c.status);
    expect(v.codes).toEqual(expect.arrayContaining([...c.codes]));
    for (const code of c.absent ?? []) expect(v.codes).not.toContain(code);
  });
});

describe("corpus: typos fixed offline (recall)", () => {
  it.each(fixCells().map((c) => [c.cell, c] as const))("%s", async (_, c) => {
    const v = await checkAddress(c.cell, { typos: "fix" });
    expect(v.normalized).toBe(c.normalized);
    expect(v.status).toBe("valid");
    expect(v.codes).toContain("typo_fixed");
  });
});

describe("corpus: real domains are never touched (precision)", () => {
  it.each(untouchedCells().map((c) => [c.cell, c] as const))("%s", async (_, c) => {
    const v = await checkAddress(c.cell, { typos: "fix" });
    expect(v.normalized).toBe(c.normalized);
    expect(v.status).toBe("valid");
    expect(v.suggestion).toBeNull();
    for (const code of c.absent ?? []) expect(v.codes).not.toContain(code);
  });
});

describe("corpus: role accounts", () => {
  it.each(ROLES.map((l) => [l]))("%s is a role", (local) => {
    expect(roleOf(local)).not.toBeNull();
  });
  it.each(NOT_ROLES.map((l) => [l]))("%s is a person", (local) => {
    expect(roleOf(local)).toBeNull();
  });
});

describe("corpus: size and totals", () => {
  it("holds at least 600 cells, 150 must-fix and 200 must-not-touch", () => {
    expect(MESSY.length + MUST_FIX.length + MUST_NOT_TOUCH.length + ROLES.length + NOT_ROLES.length).toBeGreaterThanOrEqual(600);
    expect(MUST_FIX.length).toBeGreaterThanOrEqual(150);
    expect(MUST_NOT_TOUCH.length).toBeGreaterThanOrEqual(200);
  });
  it("has no misjudgment at all", async () => {
    const { misses } = await evaluate();
    expect(misses).toEqual([]);
  });
  it("never repeats a case", () => {
    expect(new Set(MUST_FIX.map(([t]) => t)).size).toBe(MUST_FIX.length);
    expect(new Set(MUST_NOT_TOUCH).size).toBe(MUST_NOT_TOUCH.length);
    expect(new Set(MESSY.map((c) => c.cell)).size).toBe(MESSY.length);
  });
});
