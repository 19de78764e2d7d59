import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CELL_LENGTH, normalizeCell, validateAddress } from "../../src/address/index.js";
import type { NormalizeStep } from "../../src/reasons.js";

type Row = readonly [cell: string, value: string, steps: readonly NormalizeStep[]];

describe("normalizeCell: each step", () => {
  const rows: Row[] = [
    // whitespace and invisible characters at the ends
    ["  a@b.com  ", "a@b.com", ["trimmed"]],
    ["\ta@b.com\r\n", "a@b.com", ["trimmed"]],
    ["\u00a0a@b.com\u00a0", "a@b.com", ["trimmed"]], // NBSP from a web page
    ["\u3000a@b.com", "a@b.com", ["trimmed"]], // ideographic space
    ["a@b.com\u2028", "a@b.com", ["trimmed"]], // line separator
    ["\u200ba@b.com", "a@b.com", ["invisible_removed"]], // ZWSP
    ["a@b.com\u200c", "a@b.com", ["invisible_removed"]], // ZWNJ
    ["a@b.com\u200d", "a@b.com", ["invisible_removed"]], // ZWJ
    ["\ufeffa@b.com", "a@b.com", ["invisible_removed"]], // BOM left by a UTF-8 export
    ["a@b.com\u2060", "a@b.com", ["invisible_removed"]], // word joiner
    ["\u200ea@b.com\u200f", "a@b.com", ["invisible_removed"]], // LRM / RLM
    ["\u202ea@b.com\u202c", "a@b.com", ["invisible_removed"]], // RLO ... PDF
    ["\u2066a@b.com\u2069", "a@b.com", ["invisible_removed"]], // isolates
    ["\u0000a@b.com", "a@b.com", ["invisible_removed"]], // NUL
    ["a@b.com\u00ad", "a@b.com", ["invisible_removed"]], // soft hyphen
    [" \u200b a@b.com \ufeff ", "a@b.com", ["trimmed", "invisible_removed"]],
    ["\ufeff a@b.com", "a@b.com", ["trimmed", "invisible_removed"]],
    // angle brackets and display names (RFC 5322 name-addr)
    ["<a@b.com>", "a@b.com", ["angle_brackets_removed"]],
    ["< a@b.com >", "a@b.com", ["angle_brackets_removed", "trimmed"]],
    ["<<a@b.com>>", "a@b.com", ["angle_brackets_removed"]],
    ["John Doe <a@b.com>", "a@b.com", ["display_name_removed"]],
    ["John Doe<a@b.com>", "a@b.com", ["display_name_removed"]],
    ['"Doe, John" <a@b.com>', "a@b.com", ["display_name_removed"]],
    ['"Name, Jr." <a@b.com>', "a@b.com", ["display_name_removed"]],
    ['"Eve <e@x.com>" <a@b.com>', "a@b.com", ["display_name_removed"]],
    ['"Say \\"hi\\"" <a@b.com>', "a@b.com", ["display_name_removed"]],
    ["Иван Петров <ivan@пример.рф>", "ivan@пример.рф", ["display_name_removed"]],
    ["a@b.com <a@b.com>", "a@b.com", ["display_name_removed"]], // Outlook repeats the address
    ["'A@b.com' <a@b.com>", "a@b.com", ["display_name_removed"]],
    // mailto: (RFC 6068)
    ["mailto:a@b.com", "a@b.com", ["mailto_removed"]],
    ["MAILTO:a@b.com", "a@b.com", ["mailto_removed"]],
    ["MailTo:a@b.com", "a@b.com", ["mailto_removed"]],
    ["mailto:a@b.com?subject=Hello%20there", "a@b.com", ["mailto_removed"]],
    ["mailto:a@b.com?", "a@b.com", ["mailto_removed"]],
    ["mailto:john%2Btag@b.com", "john+tag@b.com", ["mailto_removed"]],
    ["mailto:a%40b.com", "a@b.com", ["mailto_removed"]],
    ["mailto:a%ZZ@b.com", "a%ZZ@b.com", ["mailto_removed"]], // broken escape left alone
    ["<mailto:a@b.com>", "a@b.com", ["angle_brackets_removed", "mailto_removed"]],
    ["Name <mailto:a@b.com?subject=x>", "a@b.com", ["display_name_removed", "mailto_removed"]],
    // trailing punctuation from a sentence or list
    ["a@b.com.", "a@b.com", ["trailing_punctuation_removed"]],
    ["a@b.com,", "a@b.com", ["trailing_punctuation_removed"]],
    ["a@b.com;", "a@b.com", ["trailing_punctuation_removed"]],
    ["a@b.com.,;", "a@b.com", ["trailing_punctuation_removed"]],
    ["a@b.com . ", "a@b.com", ["trimmed", "trailing_punctuation_removed"]],
    ["<a@b.com>;", "a@b.com", ["trailing_punctuation_removed", "angle_brackets_removed"]],
    // full-width at sign (IME input)
    ["a＠b.com", "a@b.com", ["fullwidth_at"]],
    ["a﹫b.com", "a@b.com", ["fullwidth_at"]],
    // NFC
    ["jose\u0301@b.com", "jos\u00e9@b.com", ["unicode_nfc"]],
    ["a@cafe\u0301.fr", "a@caf\u00e9.fr", ["unicode_nfc"]],
    // domain case (RFC 5321 §2.4), local case kept
    ["a@B.COM", "a@b.com", ["domain_lowercased"]],
    ["John.Doe@Example.Com", "John.Doe@example.com", ["domain_lowercased"]],
    ["A@ПРИМЕР.РФ", "A@пример.рф", ["domain_lowercased"]],
    // IDNA mapping (UTS-46) beyond case and NFC
    ["a@gmail。com", "a@gmail.com", ["idna_mapped"]],
    ["a@gmail｡com", "a@gmail.com", ["idna_mapped"]], // half-width ideographic full stop
    ["a@ﬁrma.de", "a@firma.de", ["idna_mapped"]], // ligature
    ["a@xn--e1afmkfd.xn--p1ai", "a@пример.рф", ["idna_mapped"]],
    ["a@XN--E1AFMKFD.XN--P1AI", "a@пример.рф", ["domain_lowercased", "idna_mapped"]],
    ["a@xn--bcher-kva.de", "a@bücher.de", ["idna_mapped"]],
    // spreadsheet formula guard quote
    ["'=foo@x.com", "=foo@x.com", ["formula_quote_removed"]],
    ["'+1@x.com", "+1@x.com", ["formula_quote_removed"]],
    ["'-dash@x.com", "-dash@x.com", ["formula_quote_removed"]],
    ["'@x.com", "@x.com", ["formula_quote_removed"]],
    ["'\ta@b.com", "a@b.com", ["formula_quote_removed", "trimmed"]], // TAB is guarded too
    // not a guard (nothing to guard follows), but a stray quote mark left at one end by the copy
    ["' a@b.com", "a@b.com", ["quotes_removed", "trimmed"]],
    // combinations, applied until nothing changes
    ['  "Doe, J." <mailto:J@Example.COM?subject=Hi>;  ', "J@example.com", [
      "trimmed", "trailing_punctuation_removed", "display_name_removed", "mailto_removed", "domain_lowercased",
    ]],
    ["\ufeff<A＠B.COM>.", "A@b.com", ["invisible_removed", "fullwidth_at", "trailing_punctuation_removed", "angle_brackets_removed", "domain_lowercased"]],
  ];
  it.each(rows)("%j → %j", (cell, value, steps) => {
    const n = normalizeCell(cell);
    expect(n.value).toBe(value);
    expect(n.steps).toEqual(steps);
  });
});

describe("normalizeCell: full-width ASCII (U+FF01–U+FF5E)", () => {
  it.each<Row>([
    ["ｊｏｈｎ@gmail.com", "john@gmail.com", ["fullwidth_ascii"]],
    ["ＪＯＨＮ@gmail.com", "JOHN@gmail.com", ["fullwidth_ascii"]], // local case kept
    ["john１２３@b.com", "john123@b.com", ["fullwidth_ascii"]],
    ["ａ．ｂ＋ｔａｇ@x.com", "a.b+tag@x.com", ["fullwidth_ascii"]],
    ["a@ｇｍａｉｌ．com", "a@gmail.com", ["fullwidth_ascii"]],
    ["a@ＧＭＡＩＬ.com", "a@gmail.com", ["fullwidth_ascii", "domain_lowercased"]],
    ["ＪＯＨＮ＠ＧＭＡＩＬ．ＣＯＭ", "JOHN@gmail.com", ["fullwidth_at", "fullwidth_ascii", "domain_lowercased"]],
    ["a@b.１２３", "a@b.123", ["fullwidth_ascii"]], // then tld_numeric, as for ASCII
    ["＜a@b.com＞", "a@b.com", ["fullwidth_ascii", "angle_brackets_removed"]],
    ["a@b.com；", "a@b.com", ["fullwidth_ascii", "trailing_punctuation_removed"]],
    ["ｍａｉｌｔｏ：a@b.com", "a@b.com", ["fullwidth_ascii", "mailto_removed"]],
    ["＂a@b.com＂", "a@b.com", ["fullwidth_ascii", "quotes_removed"]],
    ["ｉｖａｎ@пример.рф", "ivan@пример.рф", ["fullwidth_ascii"]],
    ["\u3000ｊ@b.com", "j@b.com", ["trimmed", "fullwidth_ascii"]], // U+3000 is whitespace, not in the block
  ])("%j → %j", (cell, value, steps) => {
    expect(normalizeCell(cell)).toEqual({ value, steps });
  });

  it.each([
    "ｱｲ@x.jp", // half-width katakana (U+FF71…) is outside the block: a real local part
    "ß@x.de",
    "①@x.com", // circled digits are not full-width ASCII
  ])("%j is left alone", (cell) => {
    expect(normalizeCell(cell)).toEqual({ value: cell, steps: [] });
  });
});

describe("normalizeCell: whole address in quotes", () => {
  it.each<Row>([
    ['"a@b.com"', "a@b.com", ["quotes_removed"]],
    ["'a@b.com'", "a@b.com", ["quotes_removed"]],
    ["\u201ca@b.com\u201d", "a@b.com", ["quotes_removed"]], // Word “…”
    ["\u201ea@b.com\u201c", "a@b.com", ["quotes_removed"]], // German „…“
    ["\u2018a@b.com\u2019", "a@b.com", ["quotes_removed"]], // ‘…’
    ["«a@b.com»", "a@b.com", ["quotes_removed"]],
    ["»a@b.com«", "a@b.com", ["quotes_removed"]],
    ["‹a@b.com›", "a@b.com", ["quotes_removed"]],
    ["「a@b.com」", "a@b.com", ["quotes_removed"]],
    ["`a@b.com`", "a@b.com", ["quotes_removed"]], // Markdown code span
    ['"A@B.COM"', "A@b.com", ["quotes_removed", "domain_lowercased"]],
    ['"a@b.com",', "a@b.com", ["trailing_punctuation_removed", "quotes_removed"]],
    ['"a@b.com."', "a@b.com", ["quotes_removed", "trailing_punctuation_removed"]],
    ['  "a@b.com"  ', "a@b.com", ["trimmed", "quotes_removed"]],
    ['"<a@b.com>"', "a@b.com", ["quotes_removed", "angle_brackets_removed"]],
    ['<"a@b.com">', "a@b.com", ["angle_brackets_removed", "quotes_removed"]],
    ['"mailto:a@b.com"', "a@b.com", ["quotes_removed", "mailto_removed"]],
    ["\u201co'brien@x.com\u201d", "o'brien@x.com", ["quotes_removed"]], // ' inside is atext
    [`"'a@b.com'"`, "a@b.com", ["quotes_removed"]],
    ["'=a@b.com'", "=a@b.com", ["quotes_removed"]], // closed: quotes, not a formula guard
    ["'=a@b.com", "=a@b.com", ["formula_quote_removed"]], // open: the guard keeps its step
    ['"John Doe" <a@b.com>', "a@b.com", ["display_name_removed"]],
    ["\u201cJohn\u201d <a@b.com>", "a@b.com", ["display_name_removed"]],
  ])("%j → %j", (cell, value, steps) => {
    expect(normalizeCell(cell)).toEqual({ value, steps });
  });

  it.each([
    '"john doe"@x.com', // a quoted local part: syntax.ts says quoted_local
    '"a@b"@x.com',
    '"x"@"y.com"',
    '"hello"', // no address inside
    "'o'brien@x.com'", // the quote mark inside: not a clean wrapper
    '""',
  ])("%j is left alone", (cell) => {
    expect(normalizeCell(cell)).toEqual({ value: cell, steps: [] });
  });
});

describe("normalizeCell: end debris peeled only when the rest validates", () => {
  it.each<Row>([
    ["a@b.com>", "a@b.com", ["angle_brackets_removed"]],
    ["<a@b.com", "a@b.com", ["angle_brackets_removed"]],
    ["<A@B.com", "A@b.com", ["domain_lowercased", "angle_brackets_removed"]], // in order applied
    ["a@b.com>.", "a@b.com", ["trailing_punctuation_removed", "angle_brackets_removed"]],
    ["(a@b.com)", "a@b.com", ["angle_brackets_removed"]],
    ["( a@b.com )", "a@b.com", ["angle_brackets_removed", "trimmed"]],
    ["(a@b.com).", "a@b.com", ["trailing_punctuation_removed", "angle_brackets_removed"]],
    ["(<a@b.com>)", "a@b.com", ["angle_brackets_removed"]],
    ["[a@b.com]", "a@b.com", ["angle_brackets_removed"]],
    ["[mailto:a@b.com]", "a@b.com", ["angle_brackets_removed", "mailto_removed"]],
    ["E-mail: a@b.com", "a@b.com", ["display_name_removed"]],
    ["email:a@b.com", "a@b.com", ["display_name_removed"]],
    ["EMAIL : a@b.com", "a@b.com", ["display_name_removed"]],
    ["e_mail:a@b.com", "a@b.com", ["display_name_removed"]],
    ["Mail: a@b.com", "a@b.com", ["display_name_removed"]],
    ["Email address: a@b.com", "a@b.com", ["display_name_removed"]],
    ["Эл. почта: иван@пример.рф", "иван@пример.рф", ["display_name_removed"]],
    ["Почта: a@b.com", "a@b.com", ["display_name_removed"]],
    ["Courriel : a@b.com", "a@b.com", ["display_name_removed"]],
    ["E-mail：a@b.com", "a@b.com", ["fullwidth_ascii", "display_name_removed"]],
    ["email: a@b.com.", "a@b.com", ["trailing_punctuation_removed", "display_name_removed"]],
    ["email: mailto:a@B.com", "a@b.com", ["domain_lowercased", "display_name_removed", "mailto_removed"]],
    ["E-mail: <a@b.com>", "a@b.com", ["display_name_removed"]], // a name-addr already
    // half a pair of brackets or quotes, the other half cut off by the copy
    ["a@b.com)", "a@b.com", ["angle_brackets_removed"]],
    ["(a@b.com", "a@b.com", ["angle_brackets_removed"]],
    ["a@b.com]", "a@b.com", ["angle_brackets_removed"]],
    ["a@b.com'", "a@b.com", ["quotes_removed"]],
    ['a@b.com"', "a@b.com", ["quotes_removed"]],
    ['"a@b.com', "a@b.com", ["quotes_removed"]],
    ["a@b.com\u201d", "a@b.com", ["quotes_removed"]],
    ["\u201ca@b.com", "a@b.com", ["quotes_removed"]],
    ["a@b.com\u00bb", "a@b.com", ["quotes_removed"]],
  ])("%j → %j", (cell, value, steps) => {
    expect(normalizeCell(cell)).toEqual({ value, steps });
  });

  it.each([
    "a@b.com>>", // one layer only
    "<<a@b.com",
    "((a@b.com))",
    "(a@x.com, b@y.com)", // two subscribers: never pick one
    "[a@x.com] [b@y.com]",
    "<a@x.com>, <b@y.com>",
    "email: a@x.com, b@y.com",
    "email:",
    "(a@b)",
    "a(x)@b.com", // comments are rejected (rule comment), not cut out
    "a@b.com(work)",
    "(c)a@b.com",
    "email:a@@b.com",
    "emails: a@b.com", // not a label we know
  ])("%j is left alone", (cell) => {
    expect(normalizeCell(cell)).toEqual({ value: cell, steps: [] });
  });
});

describe("normalizeCell: left alone", () => {
  it.each([
    "a@b.com",
    "John.Doe@example.com",
    "иван@пример.рф",
    "a@b.com.evil", // a dot inside is not trailing punctuation
    "<a@x.com>, <b@y.com>", // two subscribers in one cell: never pick one silently
    "a@x.com <b@y.com>", // a different address as display name
    "<<a@b.com", // one layer of debris only
    "a@b.com>>",
    "<a@x", // peeling would not leave a valid address
    "(a@@b.com)",
    "[a@b]",
    "email: a@x", // label, but no valid address after it
    "<>",
    "plain text",
    "a@@b.com",
    "\"john doe\"@x.com",
    "a?b@x.com", // `?` is atext without a mailto:
    "a\u200bb@x.com", // invisible inside: rejected later, never silently repaired
    "",
  ])("%j", (cell) => {
    const n = normalizeCell(cell);
    expect(n.value).toBe(cell);
    expect(n.steps).toEqual([]);
  });
});

describe("normalizeCell: size guard", () => {
  it.each([
    ["x".repeat(50_000), 50_000],
    [`<${"<".repeat(30_000)}a@b.com${">".repeat(30_000)}>`, 60_009],
    [`${"mailto:".repeat(10_000)}a@b.com`, 70_007],
    [`  ${"a.".repeat(25_000)}  `, 50_000],
  ])("a %#th oversized cell is only trimmed", (cell, length) => {
    expect(normalizeCell(cell).value.length).toBe(length);
  });

  it("unwraps deep nesting that stays under the limit", () => {
    const depth = (MAX_CELL_LENGTH - "a@b.com".length) >> 1;
    const cell = `${"<".repeat(depth)}a@b.com${">".repeat(depth)}`;
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_LENGTH);
    expect(normalizeCell(cell)).toEqual({ value: "a@b.com", steps: ["angle_brackets_removed"] });
  });

  it("keeps a good address padded far past the limit", () => {
    const n = normalizeCell(`${" ".repeat(5000)}a@B.com${"\u200b".repeat(5000)}`);
    expect(n.value).toBe("a@b.com");
    expect(n.steps).toEqual(["trimmed", "invisible_removed", "domain_lowercased"]);
  });
});

describe("normalizeCell: idempotent (a second sweep changes nothing)", () => {
  const fragments = [
    " ", "\t", "\u00a0", "\u200b", "\ufeff", "\u202e", "<", ">", '"', "'", "\\", "mailto:", "MAILTO:",
    "?", "%", "%40", "%2B", "@", "＠", "=", "+", "-", ".", ",", ";", "a", "B", "é", "e\u0301", "я", "Я",
    "Ｇ", "。", "．", "xn--", "xn--p1ai", "com", "1", "0x", "İ", "ß", "Σ", "\u037e", "ﬁ", "\u0338", "☃",
    "(", ")", "[", "]", "\u201c", "\u201d", "«", "»", "`", "ｊ", "１", "＜", "＂", "（", "：", "email:", "E-mail: ",
  ];
  const cell = fc.array(fc.constantFrom(...fragments), { maxLength: 24 }).map((xs) => xs.join(""));

  it("on cells built from wrapper fragments", () => {
    fc.assert(
      fc.property(cell, (c) => {
        const once = normalizeCell(c).value;
        const twice = normalizeCell(once);
        expect(twice.value).toBe(once);
        expect(twice.steps).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("on arbitrary Unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (c) => {
        const once = normalizeCell(c).value;
        expect(normalizeCell(once).value).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes exactly what validateAddress returns for valid cells", () => {
    // If these differed, the `normalized` flag could not say what was cleaned.
    fc.assert(
      fc.property(cell, (c) => {
        const n = normalizeCell(c);
        const v = validateAddress(n.value);
        if (v.address !== null) expect(v.address.normalized).toBe(n.value);
      }),
      { numRuns: 3000 },
    );
  });
});
