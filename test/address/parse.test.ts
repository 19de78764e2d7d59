import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAddress } from "../../src/address/index.js";
import type { Reason } from "../../src/reasons.js";

describe("parseAddress: reasons in a stable order", () => {
  it.each<[string, readonly Reason[], string | null]>([
    ["a@b.com", [], "a@b.com"],
    ["", [{ code: "empty" }], null],
    ["   ", [{ code: "empty" }], null],
    ["\u200b\ufeff", [{ code: "empty" }], null],
    ["<>", [{ code: "syntax_invalid", rule: "no_at" }], null],
    [" A@B.com ", [{ code: "normalized", steps: ["trimmed", "domain_lowercased"] }], "A@b.com"],
    ["иван@пример.рф", [{ code: "smtputf8" }], "иван@пример.рф"],
    [
      " Иван <иван@ПРИМЕР.РФ>",
      [{ code: "smtputf8" }, { code: "normalized", steps: ["trimmed", "display_name_removed", "domain_lowercased"] }],
      "иван@пример.рф",
    ],
    ["a@b", [{ code: "syntax_invalid", rule: "domain_one_label" }], null],
    [
      "  a b@c.com ",
      [{ code: "syntax_invalid", rule: "whitespace_inside" }, { code: "normalized", steps: ["trimmed"] }],
      null,
    ],
    [
      "mailto:a\u200bb@c.com",
      [{ code: "unsafe_unicode", codePoint: 0x200b, index: 1 }, { code: "normalized", steps: ["mailto_removed"] }],
      null,
    ],
    ["'=x@y.com", [{ code: "normalized", steps: ["formula_quote_removed"] }], "=x@y.com"],
    ["a@xn--p1ai.xn--p1ai", [{ code: "normalized", steps: ["idna_mapped"] }], "a@рф.рф"],
    ["ｊｏｈｎ@gmail.com", [{ code: "normalized", steps: ["fullwidth_ascii"] }], "john@gmail.com"], // no smtputf8
    ["a@b.１２３", [{ code: "syntax_invalid", rule: "tld_numeric" }, { code: "normalized", steps: ["fullwidth_ascii"] }], null],
    ["a@gmail。com", [{ code: "normalized", steps: ["idna_mapped"] }], "a@gmail.com"],
    ["jose\u0301@b.com", [{ code: "smtputf8" }, { code: "normalized", steps: ["unicode_nfc"] }], "jos\u00e9@b.com"],
    ['"john doe"@x.com', [{ code: "syntax_invalid", rule: "quoted_local" }], null],
    ["\u201ca@b.com\u201d", [{ code: "normalized", steps: ["quotes_removed"] }], "a@b.com"],
    ["a@b.com(work)", [{ code: "syntax_invalid", rule: "comment" }], null],
    ["(a@b.com)", [{ code: "normalized", steps: ["angle_brackets_removed"] }], "a@b.com"],
    ["(a@b)", [{ code: "syntax_invalid", rule: "comment" }], null],
    ["a@b.com>", [{ code: "normalized", steps: ["angle_brackets_removed"] }], "a@b.com"],
    ["E-mail: a@b.com", [{ code: "normalized", steps: ["display_name_removed"] }], "a@b.com"],
    [`  ${"x".repeat(2000)}`, [{ code: "syntax_invalid", rule: "cell_too_long" }, { code: "normalized", steps: ["trimmed"] }], null],
  ])("%j", (cell, reasons, normalized) => {
    const p = parseAddress(cell);
    expect(p.reasons).toEqual(reasons);
    expect(p.address?.normalized ?? null).toBe(normalized);
  });

  it("keeps the normalised value of an invalid cell", () => {
    const p = parseAddress(" <a@@b.com> ");
    expect(p.address).toBeNull();
    expect(p.normalizedValue).toBe("a@@b.com");
  });

  it("a valid address never reports `normalized` without steps, and re-parses to itself", () => {
    const pieces = [
      " ", "<", ">", "mailto:", "A", "b", "@", "＠", ".", "com", "ru", "Ё", "'", "=", ";", "\u200b", "x",
      "(", ")", "[", "]", '"', "\u201c", "\u201d", "ｂ", "１", "。", "email:", "E-mail: ",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((xs) => xs.join("")), (cell) => {
        const p = parseAddress(cell);
        for (const r of p.reasons) if (r.code === "normalized") expect(r.steps.length).toBeGreaterThan(0);
        if (p.address === null) return;
        const again = parseAddress(p.address.normalized);
        expect(again.address).toEqual(p.address);
        expect(again.reasons.some((r) => r.code === "normalized")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
