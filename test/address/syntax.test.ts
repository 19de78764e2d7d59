import { domainToASCII } from "node:url";
import { describe, expect, it } from "vitest";
import {
  MAX_ADDRESS_OCTETS,
  MAX_DOMAIN_OCTETS,
  MAX_LABEL_OCTETS,
  MAX_LOCAL_OCTETS,
  validateAddress,
} from "../../src/address/index.js";
import type { SyntaxRule } from "../../src/reasons.js";

/** A dotted ASCII domain of exactly `length` characters, labels ≤ 63, ending in `.com`. */
function domainOfLength(length: number): string {
  let rest = length - "com".length;
  const labels: string[] = [];
  while (rest > 0) {
    // each label costs its length plus one dot
    const size = Math.min(MAX_LABEL_OCTETS, rest - 1);
    if (size < 1) throw new Error(`cannot build a domain of length ${length}`);
    labels.push("d".repeat(size));
    rest -= size + 1;
  }
  const domain = `${labels.join(".")}.com`;
  if (domain.length !== length) throw new Error(`built ${domain.length}, wanted ${length}`);
  return domain;
}

function ruleOf(value: string): SyntaxRule | "ok" | "unsafe" {
  const v = validateAddress(value);
  const r = v.reasons.find((x) => x.code === "syntax_invalid" || x.code === "unsafe_unicode");
  if (r === undefined) {
    expect(v.address).not.toBeNull();
    return "ok";
  }
  expect(v.address).toBeNull();
  return r.code === "syntax_invalid" ? r.rule : "unsafe";
}

describe("validateAddress: valid", () => {
  it.each([
    ["a@b.co", "a", "b.co", "b.co"],
    ["John.Doe@example.com", "John.Doe", "example.com", "example.com"],
    ["first.last+tag@sub.example.co.uk", "first.last+tag", "sub.example.co.uk", "sub.example.co.uk"],
    ["o'brien@example.ie", "o'brien", "example.ie", "example.ie"],
    ["user_name-1@my-domain.org", "user_name-1", "my-domain.org", "my-domain.org"],
    ["!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~", "example.com", "example.com"],
    ["=sum@x.com", "=sum", "x.com", "x.com"], // legal; the output guard neutralises it
    ["123@456.com", "123", "456.com", "456.com"],
    ["a@b.museum", "a", "b.museum", "b.museum"],
    ["a@b.xn--p1ai", "a", "b.рф", "b.xn--p1ai"],
    ["a@ab--cd.com", "a", "ab--cd.com", "ab--cd.com"],
    ["a@EXAMPLE.COM", "a", "example.com", "example.com"], // lower-cased even if not normalised
    ["a@пример.рф", "a", "пример.рф", "xn--e1afmkfd.xn--p1ai"],
    ["a@xn--e1afmkfd.xn--p1ai", "a", "пример.рф", "xn--e1afmkfd.xn--p1ai"],
    ["a@mañana.com", "a", "mañana.com", "xn--maana-pta.com"],
    ["a@faß.de", "a", "faß.de", "xn--fa-hia.de"],
    ["a@日本.jp", "a", "日本.jp", "xn--wgv71a.jp"],
    ["a@münchen.de", "a", "münchen.de", "xn--mnchen-3ya.de"],
    ["a@pafostn·io.cat", "a", "pafostn·io.cat", "xn--pafostnio-6pa.cat"], // IDNA2008 CONTEXTO middle dot
  ])("%s", (value, local, domain, ascii) => {
    const v = validateAddress(value);
    expect(v.address).toEqual({
      local,
      domain,
      asciiDomain: ascii,
      normalized: `${local}@${domain}`,
      key: `${local.toLowerCase()}@${domain}`,
    });
  });

  it("keys differ only by local-part case", () => {
    const a = validateAddress("John@Example.com").address;
    const b = validateAddress("john@example.com").address;
    expect(a?.normalized).toBe("John@example.com");
    expect(a?.key).toBe(b?.key);
  });
});

describe("validateAddress: IDN round trip", () => {
  it.each([
    ["пример.рф", "xn--e1afmkfd.xn--p1ai"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["例え.jp", "xn--r8jz45g.jp"],
    ["δοκιμή.gr", "xn--jxalpdlp.gr"],
    ["موقع.com", "xn--4gbrim.com"],
  ])("%s ↔ %s", (unicode, ascii) => {
    const fromUnicode = validateAddress(`a@${unicode}`).address;
    const fromAscii = validateAddress(`a@${ascii}`).address;
    expect(fromUnicode?.asciiDomain).toBe(ascii);
    expect(fromAscii?.domain).toBe(unicode);
    expect(fromAscii?.key).toBe(fromUnicode?.key);
  });
});

describe("validateAddress: rules", () => {
  it.each<[string, SyntaxRule]>([
    ["plainaddress", "no_at"],
    ["a.b.com", "no_at"],
    ["a@b@c.com", "multiple_at"],
    ["a@@b.com", "multiple_at"],
    ["@b.com", "empty_local"],
    ["a@", "empty_domain"],
    ['"john doe"@x.com', "quoted_local"],
    ['"a@b"@x.com', "quoted_local"],
    ['jo"hn@x.com', "quoted_local"],
    [".a@b.com", "local_dot_edge"],
    ["a.@b.com", "local_dot_edge"],
    ["a..b@c.com", "local_double_dot"],
    // RFC 5322 comments
    ["a(comment)@b.com", "comment"],
    ["a(x)@b.com", "comment"],
    ["a@b.com(work)", "comment"],
    ["(c)a@b.com", "comment"],
    ["a@(x)b.com", "comment"],
    ["a@b.com (work)", "comment"], // a comment before it is a space
    ["(a@b.com)", "comment"],
    ['"a(b)"@x.com', "quoted_local"],
    ["a(b@c.com", "local_bad_char"], // unbalanced: not a comment
    ["a)b(@c.com", "local_bad_char"],
    ["a@b.com)", "domain_bad_char"],
    // the WHATWG host parser accepts symbols and punctuation in an IDN; IDNA2008 does not
    ["a@b.com\u201d", "domain_bad_char"],
    ["a@\u2605.com", "domain_bad_char"],
    ["a@b.com\u00bb", "domain_bad_char"],
    // full-width digits in the TLD are digits (UTS-46 maps them)
    ["a@b.１２３", "tld_numeric"],
    ["a@１.２", "tld_numeric"],
    ["a@b.０ｘ７ｆ", "tld_invalid"], // never read as an IPv4 number
    ["a,b@c.com", "local_bad_char"],
    ["a;b@c.com", "local_bad_char"],
    ["a<b@c.com", "local_bad_char"],
    ["a\\b@c.com", "local_bad_char"],
    ["a[b]@c.com", "local_bad_char"],
    ["a:b@c.com", "local_bad_char"],
    ["\u201cjohn@x.com", "local_bad_char"], // Word's smart quote
    ["«a»@x.com", "local_bad_char"],
    ["a\ufffd@x.com", "local_bad_char"], // mojibake from a wrong decoding
    ["😀@x.com", "local_bad_char"],
    ["a@[192.168.0.1]", "ip_literal"],
    ["a@[IPv6:2001:db8::1]", "ip_literal"],
    ["a@localhost", "domain_one_label"],
    ["a@com", "domain_one_label"],
    ["a@.b.com", "domain_empty_label"],
    ["a@b.com.", "domain_empty_label"],
    ["a@b..com", "domain_empty_label"],
    ["a@exa_mple.com", "domain_bad_char"],
    ["a@exa!mple.com", "domain_bad_char"],
    ["a@b.com>", "domain_bad_char"],
    ["a@b%41.com", "domain_bad_char"], // the host parser would percent-decode it
    ["a@b.c%6fm", "domain_bad_char"],
    ["a@-b.com", "domain_hyphen_edge"],
    ["a@b-.com", "domain_hyphen_edge"],
    ["a@b.-com", "domain_hyphen_edge"],
    ["a@1.2.3.4", "tld_numeric"],
    ["a@b.123", "tld_numeric"],
    ["a@b.0", "tld_numeric"],
    ["a@b.c0m", "tld_invalid"],
    ["a@b.c", "tld_invalid"],
    ["a@0x7f.1", "tld_numeric"], // never read as 127.0.0.1
    ["a@b.0x7f", "tld_invalid"],
    ["a@xn--zz.com", "idna_invalid"],
    ["a@xn--.com", "idna_invalid"],
    ["a@xn--iñvalid.com", "idna_invalid"],
    ["a@x.\ufffd.com", "idna_invalid"],
    ["a b@c.com", "whitespace_inside"],
    ["a@b .com", "whitespace_inside"],
    ["a\u00a0b@c.com", "whitespace_inside"],
    ["a\tb@c.com", "whitespace_inside"],
    ["a@b.com\n", "whitespace_inside"],
    ["", "no_at"],
  ])("%j → %s", (value, rule) => {
    expect(ruleOf(value)).toBe(rule);
  });

  it("reports one reject reason", () => {
    expect(validateAddress("a..b@-c.123").reasons).toEqual([{ code: "syntax_invalid", rule: "local_double_dot" }]);
  });
});

describe("validateAddress: length limits, at and one over", () => {
  const local64 = "l".repeat(MAX_LOCAL_OCTETS);
  it.each<[string, string, SyntaxRule | "ok"]>([
    ["local 64 octets", `${local64}@x.com`, "ok"],
    ["local 65 octets", `${local64}l@x.com`, "local_too_long"],
    ["local 32 × 2-octet я = 64 octets", `${"я".repeat(32)}@x.com`, "ok"],
    ["local 33 × 2-octet я = 66 octets", `${"я".repeat(33)}@x.com`, "local_too_long"],
    ["local 31 я + 2 ASCII = 64 octets", `${"я".repeat(31)}ab@x.com`, "ok"],
    ["local 31 я + 3 ASCII = 65 octets", `${"я".repeat(31)}abc@x.com`, "local_too_long"],
    ["local 21 × 3-octet 中 + 1 = 64 octets", `${"中".repeat(21)}a@x.com`, "ok"],
    ["local 21 × 3-octet 中 + 2 = 65 octets", `${"中".repeat(21)}ab@x.com`, "local_too_long"],
    ["label 63", `a@${"b".repeat(63)}.com`, "ok"],
    ["label 64", `a@${"b".repeat(64)}.com`, "label_too_long"],
    ["TLD label 63", `a@b.${"c".repeat(63)}`, "ok"],
    ["TLD label 64", `a@b.${"c".repeat(64)}`, "label_too_long"],
    ["domain 252 (+ a@ = 254)", `a@${domainOfLength(252)}`, "ok"],
    ["domain 253 (+ a@ = 255)", `a@${domainOfLength(253)}`, "address_too_long"],
    ["domain 254", `a@${domainOfLength(254)}`, "domain_too_long"],
    ["address 254 (64 + 1 + 189)", `${local64}@${domainOfLength(189)}`, "ok"],
    ["address 255 (64 + 1 + 190)", `${local64}@${domainOfLength(190)}`, "address_too_long"],
    ["address 254 with 2-octet local", `${"я".repeat(32)}@${domainOfLength(189)}`, "ok"],
    ["address 255 with 2-octet local", `${"я".repeat(32)}@${domainOfLength(190)}`, "address_too_long"],
    ["cell 1000 characters", `${"a".repeat(994)}@x.com`, "local_too_long"],
    ["cell 1001 characters", `${"a".repeat(995)}@x.com`, "cell_too_long"],
  ])("%s", (_name, value, rule) => {
    expect(ruleOf(value)).toBe(rule);
  });

  it("counts IDN labels in A-label octets", () => {
    const label = "日本語のドメイン名前例示用文字列長い試験です"; // 22 characters
    const ascii = domainToASCII(`${label}.com`).split(".")[0] ?? "";
    expect(label.length).toBeLessThan(MAX_LABEL_OCTETS);
    expect(ascii.length).toBeGreaterThan(MAX_LABEL_OCTETS);
    expect(ruleOf(`a@${label}.com`)).toBe("label_too_long");
  });

  it("exports the RFC limits", () => {
    expect([MAX_LOCAL_OCTETS, MAX_LABEL_OCTETS, MAX_DOMAIN_OCTETS, MAX_ADDRESS_OCTETS]).toEqual([64, 63, 253, 254]);
  });
});

describe("validateAddress: oversized cells (ReDoS guard)", () => {
  it.each([
    ["x".repeat(50_000)],
    [`${"a".repeat(49_990)}@b.com`],
    [`a@${"a.".repeat(25_000)}com`],
    [`${"a.".repeat(25_000)}@b.com`],
    [`"${"\\\"".repeat(25_000)}"@b.com`],
    [`${"<".repeat(25_000)}a@b.com${">".repeat(25_000)}`],
    [`${"\u200b".repeat(50_000)}`],
    [`a@${"-".repeat(50_000)}.com`],
  ])("rejects a %#th 50k-character cell as cell_too_long", (value) => {
    expect(validateAddress(value).reasons).toEqual([{ code: "syntax_invalid", rule: "cell_too_long" }]);
  });
});

describe("validateAddress: unsafe Unicode inside", () => {
  it.each([
    ["a\u200bb@x.com", 0x200b, 1], // zero-width space
    ["ab@x\u200c.com", 0x200c, 4], // ZWNJ
    ["ab@x\u200d.com", 0x200d, 4], // ZWJ
    ["\u202eab@x.com", 0x202e, 0], // right-to-left override (Trojan Source)
    ["ab@x.com\u202c", 0x202c, 8],
    ["a\u2066b@x.com", 0x2066, 1], // LRI
    ["a\u061cb@x.com", 0x061c, 1], // Arabic letter mark
    ["a\u200eb@x.com", 0x200e, 1], // LRM
    ["a\ufeffb@x.com", 0xfeff, 1], // BOM
    ["a\u00adb@x.com", 0x00ad, 1], // soft hyphen
    ["a\u2060b@x.com", 0x2060, 1], // word joiner
    ["a\u0000b@x.com", 0x0000, 1], // NUL
    ["a\u0007b@x.com", 0x0007, 1], // BEL
    ["a\u007fb@x.com", 0x007f, 1], // DEL
    ["a\u0085b@x.com", 0x0085, -1], // NEL is whitespace, not invisible
    ["a\u3164b@x.com", 0x3164, 1], // Hangul filler
    ["a\ufe0fb@x.com", 0xfe0f, 1], // variation selector
    ["a\u{e0041}b@x.com", 0xe0041, 1], // tag character
    ["\u{1f600}\u200b@x.com", 0x200b, 1], // index counts code points, not UTF-16 units
    ["a\ud800b@x.com", 0xd800, 1], // lone surrogate
  ])("%j → U+%s at %s", (value, codePoint, index) => {
    const v = validateAddress(value);
    expect(v.address).toBeNull();
    if (index < 0) {
      expect(v.reasons).toEqual([{ code: "syntax_invalid", rule: "whitespace_inside" }]);
    } else {
      expect(v.reasons).toEqual([{ code: "unsafe_unicode", codePoint, index }]);
    }
  });
});

describe("validateAddress: smtputf8 (RFC 6531)", () => {
  it.each([
    ["иван@пример.рф", true],
    ["josé@example.com", true],
    ["用户@例子.广告", true],
    ["δοκιμή@παράδειγμα.δοκιμή", true],
    ["ñ@x.com", true],
    ["user1@x.com", false],
    ["ivan@пример.рф", false], // a Unicode domain alone needs no SMTPUTF8: it goes out as A-labels
  ])("%s → %s", (value, flagged) => {
    const v = validateAddress(value);
    expect(v.address).not.toBeNull();
    expect(v.reasons).toEqual(flagged ? [{ code: "smtputf8" }] : []);
  });

  it("keeps the local part as typed, in NFC", () => {
    expect(validateAddress("Jose\u0301@x.com").address?.local).toBe("Jos\u00e9");
  });
});
