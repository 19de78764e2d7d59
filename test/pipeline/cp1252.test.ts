import { describe, expect, it } from "vitest";
import { outputEncoding } from "../../src/pipeline/encode.js";
import { fixCp1252 } from "../../src/pipeline/cp1252.js";

describe("windows-1252 (WHATWG table, whatever Node's decoder does)", () => {
  it.each([
    ["\u0080", "€"],
    ["O\u0092Neil", "O’Neil"],
    ["\u0093quoted\u0094 \u0096 \u0097", "“quoted” – —"],
    ["\u0081", "\u0081"], // unassigned: stays
    ["plain é", "plain é"],
  ])("%j → %j", (decoded, expected) => {
    expect(fixCp1252(decoded)).toBe(expected);
  });

  it("encodes € and smart quotes back to their bytes", () => {
    const enc = outputEncoding("windows-1252", false);
    expect([...enc.encode("€’“”")]).toEqual([0x80, 0x92, 0x93, 0x94]);
    expect(enc.unencodable("€ ok")).toBe(-1);
    expect(enc.unencodable("Иван")).toBe(0);
  });
});
