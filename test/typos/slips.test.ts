import { describe, expect, it } from "vitest";
import { createTypoCorrector } from "../../src/typos/index.js";

const typos = createTypoCorrector();

const REPAIRED: readonly (readonly [string, string])[] = [
  ["user@@gmail.com", "user@gmail.com"],
  ["user@@@mail.ru", "user@mail.ru"],
  ["user@mail,ru", "user@mail.ru"],
  ["user@yandex,ru", "user@yandex.ru"],
  ["user@acme,co,uk", "user@acme.co.uk"],
  ["user@gmailcom", "user@gmail.com"],
  ["user@mailru", "user@mail.ru"],
  ["user@yandexru", "user@yandex.ru"],
  ["user@webde", "user@web.de"],
  ["user@hotmailcouk", "user@hotmail.co.uk"],
  ["user@yahoo.couk", "user@yahoo.co.uk"],
  ["user@uol.combr", "user@uol.com.br"],
  ["user@gmail..com", "user@gmail.com"],
  ["user@mail...ru", "user@mail.ru"],
  ["user@.gmail.com", "user@gmail.com"],
  ["user@gmail.c0m", "user@gmail.com"],
  ["user@acme.c0m", "user@acme.com"],
  ["user@acme.0rg", "user@acme.org"],
  ["user@gmail.co0m", "user@gmail.com"],
  ["user@gmail.c0om", "user@gmail.com"],
  ["user@acme.co9m", "user@acme.com"],
  ["user@acme.o0rg", "user@acme.org"],
  ["user@@mail,ru", "user@mail.ru"],
  ["First.Last@GMAILCOM", "First.Last@gmail.com"],
  // no TLD at all, and exactly one known domain has the name
  ["user@gmail", "user@gmail.com"],
  ["user@icloud", "user@icloud.com"],
  ["user@seznam", "user@seznam.cz"],
  // spaces typed around the @ or a dot of the domain
  ["user @gmail.com", "user@gmail.com"],
  ["user@ gmail.com", "user@gmail.com"],
  ["user @ gmail . com", "user@gmail.com"],
  ["user@mail .ru", "user@mail.ru"],
  ["user\u00a0@\u00a0yandex.ru", "user@yandex.ru"],
];

const UNTOUCHED: readonly string[] = [
  "user@gmail.com",
  "user@mail.ru",
  "first..last@gmail.com", // the local part is not ours to repair
  "a@b@c.com", // two addresses or garbage: ambiguous
  "user@companycom", // not a provider: could be company.com or companyc.om
  "user@hotmail", // no TLD, and hotmail has many (.com, .de, .fr, .co.uk…)
  "user@yandex", // likewise
  "user@web", // too short a name to complete: a local host as likely as web.de
  "user@companyname", // not a provider
  "user@hotmailco.uk", // a real TLD: hotmailco.uk may be someone's domain
  "user@",
  "@gmail.com",
  "no-at-sign",
  "a@x.com b@y.com", // two addresses: the space between them is not next to an @ or a dot
  "john doe@x.com", // a space inside the local part is not ours to remove
  "anna. smith@x.com",
  "a@x.com @y.com", // closing the gap gives two @: still not one address
  "user@acme.c9m", // 9 neither looks like nor sits beside this TLD's letters: no reading
  "user@acme.c00", // reads as coo: not a TLD mail lists use
  "user@acme.xn--p1ai", // punycode TLDs do hold digits
];

describe("repairSlip", () => {
  it.each(REPAIRED)("%s → %s", (typed, repaired) => {
    expect(typos.repairSlip(typed)?.value).toBe(repaired);
  });
  it.each(UNTOUCHED.map((v) => [v]))("leaves %s alone", (value) => {
    expect(typos.repairSlip(value)).toBeNull();
  });
  it.each([
    ["user@@gmail.com", /doubled @/],
    ["user@mail,ru", /comma/],
    ["user@gmailcom", /missing dot/],
    ["user@gmail..com", /doubled dot/],
    ["user@gmail.c0m", /c0m/],
    ["user@gmail", /no top-level domain after gmail/],
    ["user @gmail.com", /spaces around @/],
  ])("says why for %s", (typed, why) => {
    expect(typos.repairSlip(typed)?.why).toMatch(why);
  });
  it("is idempotent", () => {
    for (const [typed] of REPAIRED) {
      const once = typos.repairSlip(typed);
      expect(once).not.toBeNull();
      if (once) expect(typos.repairSlip(once.value)).toBeNull();
    }
  });
});
