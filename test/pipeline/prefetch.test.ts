import { describe, expect, it } from "vitest";
import { quickDomain } from "../../src/pipeline/prefetch.js";

describe("quickDomain (the look-ahead's cheap domain reader)", () => {
  it.each([
    ["ivan@mail.ru", "mail.ru"],
    ["Ivan@Mail.RU ", "mail.ru"],
    ["a@b@gmail.com", "gmail.com"],
    ["Jane <jane@x.com>", null],
    ["no-at-sign", null],
    ["@gmail.com", null],
    ["a@localhost", null],
    ["a@пример.рф", null],
    ["a@-bad.com", null],
  ])("%j → %j", (cell, expected) => {
    expect(quickDomain(cell)).toBe(expected);
  });
});

describe("quickDomain and IDN", () => {
  it("leaves A-labels to the main pass", () => {
    expect(quickDomain("a@xn--e1afmkfd.xn--p1ai")).toBeNull();
  });
});
