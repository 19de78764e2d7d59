import { describe, expect, it } from "vitest";
import { createTypoCorrector } from "../../src/typos/index.js";
import { fromRussianLayout } from "../../src/typos/layout.js";

const typos = createTypoCorrector();

describe("fromRussianLayout", () => {
  it.each([
    ["ьфшд.кг", "mail.ru"],
    ["пьфшд.сщь", "gmail.com"],
    ["нфтвуч.кг", "yandex.ru"],
    ["е-щтдшту.ву", "t-online.de"],
    ["163.сщь", "163.com"],
  ])("%s reads as %s", (typed, latin) => {
    expect(fromRussianLayout(typed)).toBe(latin);
  });
  it.each([["mail.ru"], ["пьфшд.com"], ["ьфшдюкг"], ["хэ.кг"], ["..."]])("%s has no layout reading", (typed) => {
    // Latin letters, and keys whose Latin side is punctuation, are not layout slips.
    expect(fromRussianLayout(typed)).toBeNull();
  });
});

describe("decide: Russian keyboard layout", () => {
  it.each([
    ["ьфшд.кг", "mail.ru"],
    ["пьфшд.сщь", "gmail.com"],
    ["нфтвуч.кг", "yandex.ru"],
    ["штищч.кг", "inbox.ru"],
  ])("%s → %s (fix)", (typed, intended) => {
    expect(typos.decide(typed)).toMatchObject({ kind: "fix", to: intended });
  });
  it.each([
    ["президент.рф"], // a real Cyrillic domain under a delegated IDN TLD
    ["пьфшд.com"], // delegated TLD: could be a registered IDN
    ["ьфшд.ку"], // reads as mail.re: not a known mailbox domain
    ["яндекс.ку"], // the word, not the keys: zyltrc.re
    ["ьфшв.кг"], // a second slip on top of the layout (maid.ru): no distance is measured
  ])("%s is left alone", (typed) => {
    expect(typos.decide(typed)).toEqual({ kind: "none" });
  });
});
