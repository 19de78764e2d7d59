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
  ["user@@mail,ru", "user@mail.ru"],
  ["First.Last@GMAILCOM", "First.Last@gmail.com"],
];

const UNTOUCHED: readonly string[] = [
  "user@gmail.com",
  "user@mail.ru",
  "first..last@gmail.com", // the local part is not ours to repair
  "a@b@c.com", // two addresses or garbage: ambiguous
  "user@companycom", // not a provider: could be company.com or companyc.om
  "user@gmail", // missing TLD, not a missing dot
  "user@hotmailco.uk", // a real TLD: hotmailco.uk may be someone's domain
  "user@",
  "@gmail.com",
  "no-at-sign",
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
