import { describe, expect, it } from "vitest";
import { guardCell, unguardCell } from "../../src/formula.js";

describe("formula guard", () => {
  it.each(["=1+1", "+7 900", "-5", "@SUM(A1)", "\tx", "\rx"])("guards %j and unguards it back", (cell) => {
    expect(guardCell(cell)).toBe(`'${cell}`);
    expect(unguardCell(guardCell(cell))).toBe(cell);
  });
  it.each(["plain", "", "'quoted", "a=b", "'"])("leaves %j alone", (cell) => {
    expect(guardCell(cell)).toBe(cell);
    expect(unguardCell(cell)).toBe(cell);
  });
  it("strips exactly one quote", () => {
    expect(unguardCell("''=x")).toBe("''=x");
    expect(unguardCell("'=x")).toBe("=x");
  });
});
