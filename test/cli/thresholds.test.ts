import { describe, expect, it } from "vitest";
import { parseFailOn, parsePercent, thresholdBreaches } from "../../src/cli/clean.js";
import { sampleReport } from "../report/sample.js";

// sampleReport: 2003 rows in, 3 blank, 500 rejected (25.0% of 2000); codes as listed there.
describe("thresholdBreaches", () => {
  const r = sampleReport();
  it.each<[string, Parameters<typeof thresholdBreaches>[1], number]>([
    ["nothing asked", { failOn: [], maxRejectedPercent: null }, 0],
    ["a code present", { failOn: ["duplicate"], maxRejectedPercent: null }, 1],
    ["a code absent", { failOn: ["domain_not_found"], maxRejectedPercent: null }, 0],
    ["two codes present", { failOn: ["duplicate", "dns_unknown"], maxRejectedPercent: null }, 2],
    ["share above the limit", { failOn: [], maxRejectedPercent: 20 }, 1],
    ["share equal to the limit passes", { failOn: [], maxRejectedPercent: 25 }, 0],
    ["share below the limit", { failOn: [], maxRejectedPercent: 30 }, 0],
    ["zero tolerance", { failOn: [], maxRejectedPercent: 0 }, 1],
    ["both", { failOn: ["suppressed"], maxRejectedPercent: 10 }, 2],
  ])("%s", (_what, t, n) => {
    expect(thresholdBreaches(r, t)).toHaveLength(n);
  });

  it("names the code, the count and the limit", () => {
    expect(thresholdBreaches(r, { failOn: ["duplicate"], maxRejectedPercent: 20 })).toEqual([
      "300 row(s) carry duplicate (--fail-on)",
      "25.0% of rows rejected, above --max-rejected-percent 20",
    ]);
  });

  it("an empty list breaks no percentage limit", () => {
    const empty = sampleReport({ rows: { input_rows: 2, clean_rows: 0, rejected_rows: 0, blank_rows: 2 } });
    expect(thresholdBreaches(empty, { failOn: [], maxRejectedPercent: 0 })).toEqual([]);
  });
});

describe("parseFailOn", () => {
  it.each([
    [["domain_not_found"], ["domain_not_found"]],
    [["domain_not_found,dns_unknown", "null_mx"], ["domain_not_found", "dns_unknown", "null_mx"]],
    [[" typo_suspected , ,typo_suspected"], ["typo_suspected"]],
    [[], []],
  ])("%j → %j", (input, out) => {
    expect(parseFailOn(input)).toEqual(out);
  });
  it("refuses an unknown code (exit 64)", () => {
    expect(() => parseFailOn(["domain_not_fund"])).toThrow(expect.objectContaining({ kind: "usage", message: expect.stringContaining('"domain_not_fund"') }));
  });
});

describe("parsePercent", () => {
  it.each([["0", 0], ["5", 5], ["12.5", 12.5], ["100", 100]])("%s → %d", (s, n) => expect(parsePercent(s)).toBe(n));
  it.each(["", "-1", "101", "abc", "NaN", "Infinity"])("%j is refused", (s) => expect(() => parsePercent(s)).toThrow(/percentage/));
});
