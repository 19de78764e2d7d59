import { describe, expect, it } from "vitest";
import {
  canonicalDomain,
  findUnsafe,
  isInvisible,
  isWhitespace,
  toAsciiDomain,
  toUnicodeDomain,
  utf8Length,
} from "../../src/address/index.js";

describe("character classes", () => {
  // The ASCII fast path must agree with the Unicode property definitions.
  const ascii = Array.from({ length: 128 }, (_, c) => [c] as const);
  it.each(ascii)("U+%i agrees with \\p{White_Space} / \\p{Cc}", (c) => {
    const ch = String.fromCharCode(c);
    const ws = /\p{White_Space}/u.test(ch);
    expect(isWhitespace(ch)).toBe(ws);
    expect(isInvisible(ch)).toBe(!ws && /\p{Cc}/u.test(ch));
  });

  it.each([
    ["\u00a0", true, false],
    ["\u2003", true, false],
    ["\u3000", true, false],
    ["\u0085", true, false],
    ["\u200b", false, true],
    ["\u200d", false, true],
    ["\ufeff", false, true],
    ["\u202e", false, true],
    ["\u034f", false, true], // combining grapheme joiner
    ["\ufffe", false, true], // noncharacter
    ["é", false, false],
    ["я", false, false],
    ["\u0301", false, false], // a combining mark is visible on its base
  ])("%j: whitespace %s, invisible %s", (ch, ws, inv) => {
    expect(isWhitespace(ch)).toBe(ws);
    expect(isInvisible(ch)).toBe(inv);
  });

  it.each([
    ["abc", null],
    ["a\u200bc", { codePoint: 0x200b, index: 1 }],
    ["\u{1f600}\u{1f600}\u2066", { codePoint: 0x2066, index: 2 }],
    ["a b", null], // whitespace is its own rule
  ])("findUnsafe(%j)", (s, found) => {
    expect(findUnsafe(s)).toEqual(found);
  });

  it.each([
    ["a", 1],
    ["я", 2],
    ["中", 3],
    ["\u{1f600}", 4],
    ["ivan@пример.рф", 5 + 12 + 1 + 4],
  ])("utf8Length(%j) = %i", (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });
});

describe("IDNA helpers", () => {
  it.each([
    ["example.com", "example.com"],
    ["Example.COM", "example.com"],
    ["ПРИМЕР.РФ", "пример.рф"],
    ["xn--e1afmkfd.xn--p1ai", "пример.рф"],
    ["ｅｘａｍｐｌｅ.com", "example.com"],
    ["a.ｃｏｍ", "a.com"],
    ["b%41.com", "b%41.com"], // never percent-decoded
    ["０x7f.１", "0x7f.1"], // full-width mapped, but never turned into an IPv4 address
    ["b.１２３", "b.123"], // numeric TLD left for syntax.ts (tld_numeric)
    ["gmail。com", "gmail.com"], // ideographic full stop, by UTS-46
    ["xn--zz.com", "xn--zz.com"], // invalid: left for syntax.ts to report
    ["exa_mple.com", "exa_mple.com"], // ASCII is only lower-cased
  ])("canonicalDomain(%j) = %j", (d, out) => {
    expect(canonicalDomain(d)).toBe(out);
    expect(canonicalDomain(out)).toBe(out);
  });

  it.each([
    ["пример.рф", "xn--e1afmkfd.xn--p1ai"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["example.com", "example.com"],
  ])("%s ↔ %s", (u, a) => {
    expect(toAsciiDomain(u)).toBe(a);
    expect(toUnicodeDomain(a)).toBe(u);
  });

  it.each(["xn--zz.com", "a b.com", "[1.2.3.4]"])("toAsciiDomain(%j) is null", (d) => {
    expect(toAsciiDomain(d)).toBeNull();
  });
});
